/** Starts the emulator as its own process, exactly as users and n8n see it (`npm run emulator`). */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as path from 'node:path';
import * as readline from 'node:readline';

export interface EmulatorInfo {
	url: string;
	ca: string;
	admin: string;
	demo: { app_key: string; app_secret: string; refresh_token: string; access_token: string; account_id: string };
}

export interface EmulatorProcess extends EmulatorInfo {
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
	return {
		...info,
		async stop() {
			if (child.exitCode !== null) return;
			child.kill('SIGTERM');
			await once(child, 'exit');
		},
	};
}
