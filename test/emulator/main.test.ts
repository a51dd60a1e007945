import { spawn } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { request } from 'undici';

const repoRoot = path.resolve(__dirname, '../..');

it('prints exactly one JSON line, serves the demo account, and exits 0 on SIGTERM', async () => {
	const child = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), [path.join(__dirname, 'main.ts'), '--port', '0', '--token-lifetime-s', '123'], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const stdout: string[] = [];
	const lines = readline.createInterface({ input: child.stdout! });
	lines.on('line', (line) => stdout.push(line));
	child.stderr!.resume();
	while (stdout.length === 0) {
		await Promise.race([once(lines, 'line'), once(child, 'exit').then(() => Promise.reject(new Error('emulator exited early')))]);
	}
	const info = JSON.parse(stdout[0]) as {
		url: string;
		ca: string;
		admin: string;
		demo: Record<string, string>;
	};
	expect(info.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
	expect(info.admin).toBe(`${info.url}/__admin`);
	expect(Object.keys(info.demo)).toEqual(['app_key', 'app_secret', 'refresh_token', 'access_token', 'account_id']);
	const ca = fs.readFileSync(info.ca, 'utf8');
	expect(ca).toContain('BEGIN CERTIFICATE');

	// The refresh token works, and --token-lifetime-s reaches the token answer.
	const { Agent } = await import('undici');
	const dispatcher = new Agent({ connect: { ca, servername: 'api.dropboxapi.com' } });
	const answer = await request(
		`${info.url}/oauth2/token?grant_type=refresh_token&refresh_token=${info.demo.refresh_token}` +
			`&client_id=${info.demo.app_key}&client_secret=${info.demo.app_secret}`,
		{ method: 'POST', headers: { host: 'api.dropboxapi.com' }, dispatcher },
	);
	expect(answer.statusCode).toBe(200);
	expect(await answer.body.json()).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 123 });
	await dispatcher.close();

	child.kill('SIGTERM');
	const [code] = await once(child, 'exit');
	expect(code).toBe(0);
	expect(stdout).toHaveLength(1);
});

it('refuses a --longpoll-jitter-ms that is not a number ≥ 0, with exit code 2', async () => {
	const child = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), [path.join(__dirname, 'main.ts'), '--port', '0', '--longpoll-jitter-ms', '-5'], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stderr = '';
	child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
	child.stdout!.resume();
	const [code] = await once(child, 'exit');
	expect(code).toBe(2);
	expect(stderr).toContain('--longpoll-jitter-ms needs a number ≥ 0');
});
