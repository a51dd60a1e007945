/**
 * Runs a Node script in a process of its own with the redirect preload, exactly as a user would point
 * any Node program at the emulator: NODE_OPTIONS=--require …/redirect-dropbox.cjs, DROPBOX_EMULATOR_URL,
 * NODE_EXTRA_CA_CERTS. The script prints one JSON value on stdout; that value is the answer.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import type { EmulatorLine } from './emulator-cli';

const PRELOAD = path.join(__dirname, 'redirect-dropbox.cjs');
const RUN_TIMEOUT_MS = 30_000;

export function runPreloadedNode<T = unknown>(script: string, emulator: EmulatorLine, input: unknown): Promise<T> {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		NODE_OPTIONS: `--require ${PRELOAD}`,
		DROPBOX_EMULATOR_URL: emulator.url,
		NODE_EXTRA_CA_CERTS: emulator.ca,
	};
	return new Promise<T>((resolve, reject) => {
		execFile(process.execPath, [script, JSON.stringify(input)], { env, timeout: RUN_TIMEOUT_MS }, (error, stdout, stderr) => {
			if (error) {
				reject(new Error(`${path.basename(script)} failed: ${error.message}\n${stderr}`));
				return;
			}
			try {
				resolve(JSON.parse(stdout) as T);
			} catch {
				reject(new Error(`${path.basename(script)} printed no JSON: ${stdout}\n${stderr}`));
			}
		});
	});
}
