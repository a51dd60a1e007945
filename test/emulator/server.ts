/**
 * createEmulator: one HTTPS server on 127.0.0.1 serving every Dropbox host (told apart by `Host`) and
 * the admin interface (any other Host), with a demo account ready from the start. Given a data directory
 * of the caller's, it keeps its state there (persist/) and finds it again on the next start.
 */
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { AccountStore } from './accounts/account-store';
import type { AccountCredentials } from './accounts/credentials';
import { provisionAccount, type ProvisionOptions } from './accounts/provision';
import { TokenStore } from './accounts/token-store';
import { handleAdminRequest, type AdminDeps } from './admin/admin-router';
import type { EmulatorState, FileService, HandlerMap } from './contract';
import { handleDropboxRequest } from './dispatch/dropbox-request';
import { FaultStore } from './dispatch/faults';
import { LongpollPolicy } from './dispatch/longpoll-policy';
import { dropboxHostOf } from './dispatch/hosts';
import type { Platform, PlatformState } from './dispatch/platform';
import { RequestLog } from './dispatch/request-log';
import { createFileService } from './files';
import { DEFAULT_FILE_LIMITS } from './files/limits';
import { allHandlers } from './handlers';
import { loadRouteTable } from './routes';
import { restoreSnapshot, takeSnapshot } from './persist/snapshot';
import { Saver } from './persist/saver';
import { StateFile } from './persist/state-file';
import { createTlsMaterial } from './tls';

export interface EmulatorOptions {
	/** 0 picks a free port. */
	port: number;
	/** Added before every Dropbox request is handled. */
	latencyMs?: number;
	/** Access-token lifetime of new accounts; Dropbox's is 4 hours. */
	tokenLifetimeS?: number;
	/**
	 * Where file contents and the CA live; a fresh temp dir (removed on close) unless given. A given
	 * directory also keeps the accounts, tokens, stored tree and TLS keys, so that a restart with it finds them.
	 */
	dataDir?: string;
	/** Most milliseconds a long-poll waits past its timeout (Dropbox's jitter); DEFAULT_LONGPOLL_JITTER_MS unless given. */
	longpollJitterMs?: number;
	/** Replaces the file service (unit tests of the platform alone). */
	fileService?: (state: Omit<EmulatorState, 'files'>) => FileService;
	/** Extra or replacement route handlers (tests of the dispatcher alone). */
	handlers?: HandlerMap;
}

export interface Emulator {
	url: string;
	caPath: string;
	/** The CA certificate, PEM. */
	ca: string;
	admin: string;
	demo: AccountCredentials;
	state: EmulatorState;
	close(): Promise<void>;
}

export const DEFAULT_TOKEN_LIFETIME_S = 14_400;

const DEMO_IDENTITY = { displayName: 'Demo User', email: 'demo@example.com' } as const;

export async function createEmulator(options: EmulatorOptions): Promise<Emulator> {
	const ownDataDir = options.dataDir === undefined;
	const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dropbox-emulator-'));
	try {
		return await startEmulator(options, dataDir, ownDataDir);
	} catch (error) {
		if (ownDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
		throw error;
	}
}

async function startEmulator(options: EmulatorOptions, dataDir: string, ownDataDir: boolean): Promise<Emulator> {
	fs.mkdirSync(dataDir, { recursive: true });
	// A data directory of the caller's keeps the keys too, so that whoever trusts this emulator trusts it after a restart.
	const tls = await createTlsMaterial(dataDir, { keep: !ownDataDir });

	const accounts = new AccountStore(options.tokenLifetimeS ?? DEFAULT_TOKEN_LIFETIME_S);
	const tokens = new TokenStore();
	const changes = new EventEmitter();
	// Every long-poll listens for changes: many waiting clients are normal, not a leak.
	changes.setMaxListeners(0);
	const longpoll = new LongpollPolicy(options.longpollJitterMs);
	const base = { dataDir, accounts, changes, longpoll, limits: { ...DEFAULT_FILE_LIMITS } };
	const files = (options.fileService ?? createFileService)(base);
	const state: PlatformState = { ...base, files, tokens, demoAccountId: '' };
	const platform: Platform = {
		state,
		routes: loadRouteTable(),
		handlers: { ...allHandlers, ...options.handlers },
		faults: new FaultStore(),
		log: new RequestLog(),
		latencyMs: options.latencyMs ?? 0,
	};

	const provision = (provisionOptions: ProvisionOptions) => provisionAccount(state, provisionOptions);
	// Only a data directory the caller chose is worth keeping state in: a temporary one dies with us.
	const stateFile = ownDataDir ? undefined : new StateFile(dataDir);
	const saved = stateFile?.read();
	let demo: AccountCredentials;
	if (saved) {
		demo = await restoreSnapshot(state, saved);
	} else {
		demo = await provision(DEMO_IDENTITY);
		state.demoAccountId = demo.account_id;
		await files.seedDemoFiles(accounts.byId(demo.account_id)!);
	}
	const saver = stateFile && new Saver(() => stateFile.write(takeSnapshot(state, demo)));
	saver?.flush();

	const adminDeps: AdminDeps = {
		platform,
		provision,
		async reset() {
			platform.faults.clear();
			platform.log.clear();
			longpoll.clear();
			state.limits = { ...DEFAULT_FILE_LIMITS };
			tokens.clear();
			accounts.clear();
			await files.clear();
			// The same credentials as before, so a demo line printed at start-up stays valid.
			demo = await provision({
				...DEMO_IDENTITY,
				accountId: demo.account_id,
				appKey: demo.app_key,
				appSecret: demo.app_secret,
				refreshToken: demo.refresh_token,
				accessToken: demo.access_token,
			});
			await files.seedDemoFiles(accounts.byId(demo.account_id)!);
			return demo;
		},
	};

	const server = https.createServer({ key: tls.key, cert: tls.cert, requestTimeout: 0 }, (req, res) => {
		void route(req, res);
	});
	const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		try {
			const host = dropboxHostOf(req.headers.host);
			if (host) await handleDropboxRequest(platform, host, req, res);
			else await handleAdminRequest(adminDeps, req, res);
		} catch (error) {
			process.stderr.write(`[emulator] ${(error as Error).stack ?? String(error)}\n`);
			if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Internal Server Error');
			else res.destroy();
		} finally {
			// Any request may have changed something worth keeping (files, accounts, tokens).
			saver?.schedule();
		}
	};
	const sockets = new Set<Socket>();
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	const url = `https://127.0.0.1:${port}`;

	return {
		url,
		caPath: tls.caPath,
		ca: tls.caPem,
		admin: `${url}/__admin`,
		get demo() {
			return demo;
		},
		state,
		async close() {
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			for (const socket of sockets) socket.destroy();
			await closed;
			saver?.flush();
			if (ownDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
		},
	};
}
