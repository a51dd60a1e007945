/** Starts the emulator as its own process, exactly as users and n8n see it (`npm run emulator`). */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { Agent, request } from 'undici';

export interface EmulatorInfo {
	url: string;
	ca: string;
	admin: string;
	demo: { app_key: string; app_secret: string; refresh_token: string; access_token: string; account_id: string };
}

export interface EmulatorProcess extends EmulatorInfo {
	/** A call to the admin interface (`/__admin` + path), trusting the emulator's CA. */
	adminCall<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
	stop(): Promise<void>;
}

const repoRoot = path.resolve(__dirname, '../../..');

export async function startEmulatorProcess(args: string[] = []): Promise<EmulatorProcess> {
	const child: ChildProcess = spawn(
		path.join(repoRoot, 'node_modules/.bin/tsx'),
		[path.join(repoRoot, 'test/emulator/main.ts'), '--port', '0', ...args],
		{ stdio: ['ignore', 'pipe', 'inherit'] },
	);
	const lines = readline.createInterface({ input: child.stdout! });
	const first = await Promise.race([
		once(lines, 'line').then(([line]) => line as string),
		once(child, 'exit').then(([code]) => {
			throw new Error(`emulator exited with ${code} before printing its address`);
		}),
	]);
	const info = JSON.parse(first) as EmulatorInfo;
	const dispatcher = new Agent({ connect: { ca: fs.readFileSync(info.ca, 'utf8') } });
	return {
		...info,
		async adminCall<T>(method: 'GET' | 'POST', adminPath: string, body?: unknown) {
			const answer = await request(`${info.admin}${adminPath}`, {
				method,
				dispatcher,
				headers: { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await answer.body.text();
			if (answer.statusCode >= 300) throw new Error(`admin ${method} ${adminPath}: ${answer.statusCode} ${text}`);
			return JSON.parse(text) as T;
		},
		async stop() {
			await dispatcher.close();
			if (child.exitCode !== null) return;
			child.kill('SIGTERM');
			await once(child, 'exit');
		},
	};
}
