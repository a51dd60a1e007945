/**
 * A file service with two accounts (personal and team) whose handlers are called directly with a
 * HandlerContext built here: unit tests of the files part without the HTTP server.
 */
import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Account, ApiError, type EmulatorState, type HandlerResult, type RouteSpec } from '../../contract';
import { loadRouteTable } from '../../routes';
import { createFileService, filesHandlers } from '../index';

export interface CallOptions {
	body?: Buffer | AsyncIterable<Buffer>;
	pathRoot?: string;
	account?: Account | null;
	signal?: AbortSignal;
}

export interface FilesWorld {
	state: EmulatorState;
	user: Account;
	teamMember: Account;
	call(routeKey: string, arg: unknown, options?: CallOptions): Promise<HandlerResult>;
	/** The JSON body of a successful call. */
	json<T = any>(routeKey: string, arg: unknown, options?: CallOptions): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
	/** The ApiError a call fails with (fails the test if it succeeds). */
	failure(routeKey: string, arg: unknown, options?: CallOptions): Promise<ApiError>;
	close(): Promise<void>;
}

let namespaceCounter = 1000;

export function makeAccount(overrides: Partial<Account> = {}): Account {
	const home = String(++namespaceCounter);
	return {
		accountId: `dbid:test${home}`,
		email: `user${home}@example.com`,
		displayName: `User ${home}`,
		homeNamespaceId: home,
		rootNamespaceId: home,
		quotaBytes: 2 * 1024 ** 3,
		tokenLifetimeS: 14400,
		appKey: 'key',
		appSecret: 'secret',
		...overrides,
	};
}

export function makeTeamAccount(): Account {
	const home = String(++namespaceCounter);
	const root = String(++namespaceCounter);
	return makeAccount({
		homeNamespaceId: home,
		rootNamespaceId: root,
		displayName: 'Team Member',
		team: { teamId: 'dbtid:team', name: 'Team', memberFolderName: 'Team Member' },
	});
}

async function* bodyOf(data: Buffer): AsyncIterable<Buffer> {
	if (data.length > 0) yield data;
}

export async function makeFilesWorld(): Promise<FilesWorld> {
	const dataDir = await mkdtemp(join(tmpdir(), 'files-world-'));
	const user = makeAccount();
	const teamMember = makeTeamAccount();
	const accounts = [user, teamMember];
	const base = {
		dataDir,
		accounts: { byId: (id: string) => accounts.find((a) => a.accountId === id), all: () => accounts },
		changes: new EventEmitter(),
	};
	const state: EmulatorState = { ...base, files: createFileService(base) };
	await state.files.createAccountSpace(user);
	await state.files.createAccountSpace(teamMember);
	const routes = loadRouteTable();

	const call = async (routeKey: string, arg: unknown, options: CallOptions = {}): Promise<HandlerResult> => {
		const route = routes.get(routeKey) as RouteSpec;
		const handler = filesHandlers[routeKey];
		if (!route || !handler) throw new Error(`no route ${routeKey}`);
		const body = options.body === undefined ? bodyOf(Buffer.alloc(0)) : Buffer.isBuffer(options.body) ? bodyOf(options.body) : options.body;
		return handler({
			route,
			arg,
			account: options.account === null ? undefined : (options.account ?? user),
			pathRoot: options.pathRoot,
			body,
			req: {} as IncomingMessage,
			signal: options.signal ?? new AbortController().signal,
			emulator: state,
		});
	};
	return {
		state,
		user,
		teamMember,
		call,
		async json(routeKey, arg, options) {
			const result = await call(routeKey, arg, options);
			if (result.kind !== 'json') throw new Error('not a JSON answer');
			return result.body as never;
		},
		async failure(routeKey, arg, options) {
			try {
				await call(routeKey, arg, options);
			} catch (error) {
				if (error instanceof ApiError) return error;
				throw error;
			}
			throw new Error(`${routeKey} succeeded but was expected to fail`);
		},
		async close() {
			await state.files.clear();
			await rm(dataDir, { recursive: true, force: true });
		},
	};
}
