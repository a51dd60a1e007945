/**
 * Jest harness: an in-process emulator on a free port, with this process's Dropbox connections
 * redirected to it (production URLs unchanged: the official SDK and our nodes work as in production).
 *
 *   let emu: TestEmulator;
 *   beforeAll(async () => { emu = await startTestEmulator(); });
 *   afterAll(() => emu.stop());
 *   new Dropbox({ accessToken: emu.demo.access_token }).usersGetCurrentAccount();
 *
 * One emulator at a time per test file: the redirect is process-wide, and pooled keep-alive connections
 * (built-in fetch, undici) stay with the emulator they were opened to until it stops.
 */
import * as https from 'node:https';
import type { AccountCredentials } from '../emulator/accounts/credentials';
import type { EmulatorState, FileService, HandlerMap } from '../emulator/contract';
import type { LogEntry } from '../emulator/dispatch/request-log';
import { createEmulator } from '../emulator/server';
import { install } from './redirect-dropbox.cjs';

export type DemoAccount = AccountCredentials;
export type { LogEntry };

export interface TestEmulator {
	url: string;
	caPath: string;
	/** The CA certificate, PEM. */
	ca: string;
	demo: DemoAccount;
	state: EmulatorState;
	/** A call to the admin interface (`path` without `/__admin`, e.g. `/faults`); throws on a non-2xx answer. */
	admin<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
	log(): Promise<LogEntry[]>;
	stop(): Promise<void>;
}

export interface TestEmulatorOptions {
	latencyMs?: number;
	tokenLifetimeS?: number;
	/** Most milliseconds a long-poll waits past its timeout; Dropbox's 90 s unless given (tests that wait for a timeout set 0). */
	longpollJitterMs?: number;
	/** Replaces the file service: for tests of the platform alone. */
	fileService?: (state: Omit<EmulatorState, 'files'>) => FileService;
	/** Extra or replacement route handlers: for tests of the dispatcher alone. */
	handlers?: HandlerMap;
}

export async function startTestEmulator(options: TestEmulatorOptions = {}): Promise<TestEmulator> {
	const emulator = await createEmulator({ port: 0, ...options });
	const uninstall = install({ url: emulator.url, ca: emulator.ca });
	const admin = <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> =>
		adminCall<T>(emulator.url, emulator.ca, method, path, body);
	return {
		url: emulator.url,
		caPath: emulator.caPath,
		ca: emulator.ca,
		get demo() {
			return emulator.demo;
		},
		state: emulator.state,
		admin,
		log: () => admin<LogEntry[]>('GET', '/log'),
		async stop() {
			uninstall();
			await emulator.close();
		},
	};
}

/** Admin calls go to 127.0.0.1 (not a Dropbox host), so they are never redirected. */
function adminCall<T>(baseUrl: string, ca: string, method: string, path: string, body?: unknown): Promise<T> {
	const payload = body === undefined ? undefined : JSON.stringify(body);
	const url = new URL(`/__admin${path.startsWith('/') ? path : `/${path}`}`, baseUrl);
	return new Promise<T>((resolve, reject) => {
		const req = https.request(
			url,
			{
				method,
				ca,
				agent: false,
				headers: payload === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					const status = res.statusCode ?? 0;
					if (status < 200 || status >= 300) {
						reject(new Error(`admin ${method} ${path} → ${status}: ${text}`));
						return;
					}
					resolve((text === '' ? undefined : JSON.parse(text)) as T);
				});
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(payload);
	});
}
