/**
 * The seams between the emulator's parts. The platform (server, dispatch, auth, OAuth, admin) calls
 * route handlers and the file service through these types only; the files part implements them.
 */
import type { IncomingMessage } from 'node:http';
import type { EventEmitter } from 'node:events';

/** One row of spec/routes.json (the API specification's route list). */
export interface RouteSpec {
	namespace: string;
	name: string;
	version: number;
	/** `/2/files/list_folder` */
	path: string;
	/** `files/list_folder`: the path without `/2/`; the key of handler maps, faults and the log. */
	key: string;
	host: 'api' | 'content' | 'notify';
	style: 'rpc' | 'upload' | 'download';
	/** `user`, `app`, `app, user`, `team`, `noauth` */
	auth: string;
	scope: string | null;
	allow_app_folder_app: boolean;
	arg: string | null;
	result: string | null;
	error: string | null;
	deprecated: boolean;
}

export interface Account {
	accountId: string; // dbid:…
	email: string;
	displayName: string;
	/** The member's own namespace (their folder). */
	homeNamespaceId: string;
	/** For a team account with a team space: the team space's namespace; else equal to homeNamespaceId. */
	rootNamespaceId: string;
	/** Team accounts only: the member folder's name inside the team space. */
	team?: { teamId: string; name: string; memberFolderName: string };
	quotaBytes: number;
	tokenLifetimeS: number;
	appKey: string;
	appSecret: string;
}

/** What a route handler sees; the dispatcher has already checked host, auth, scope and the argument. */
export interface HandlerContext {
	route: RouteSpec;
	/** The decoded, type-checked argument (`null` for Void). */
	arg: any; // eslint-disable-line @typescript-eslint/no-explicit-any
	/** The caller for `user` auth; undefined for `app` / `noauth` routes. */
	account?: Account;
	/** The app for `app` auth (Basic). */
	appKey?: string;
	/** The raw `Dropbox-API-Path-Root` header, if sent: the file service resolves it. */
	pathRoot?: string;
	/** Upload style: the request body, unread. The handler reads it (and must not keep it in memory). */
	body: AsyncIterable<Buffer>;
	req: IncomingMessage;
	/** Aborted when the client goes away (long-poll must stop waiting). */
	signal: AbortSignal;
	emulator: EmulatorState;
}

export type HandlerResult =
	| { kind: 'json'; body: unknown }
	/**
	 * Download style: `result` goes in `Dropbox-API-Result`; the dispatcher streams `file` and serves `Range`.
	 * `etag`: what identifies this content (Dropbox uses the file's rev); it makes the answer cacheable.
	 */
	| { kind: 'download'; result: unknown; file: string; size: number; etag?: string }
	/**
	 * Download style, made while it is sent (a folder's zip): no length known in advance, so no `Range`
	 * (Dropbox serves none for such routes either) and chunked transfer. `etag` as for `download`.
	 */
	| { kind: 'stream'; result: unknown; body: StreamBody; etag?: string };

/**
 * A body produced on demand. The dispatcher calls `chunks` at most once and `close()` exactly once, when
 * the answer is over — sent, cut off, abandoned by the client, or never started (a 304) — so that what
 * the body holds on to (stored files it still has to read) is let go in every case.
 */
export interface StreamBody {
	/** `signal` aborts when the client goes away: a body that reads ahead (a checksum pass) stops early. */
	chunks(signal: AbortSignal): AsyncIterable<Buffer>;
	close(): void;
}

export type RouteHandler = (ctx: HandlerContext) => Promise<HandlerResult>;
export type HandlerMap = Record<string, RouteHandler>;

/**
 * Thrown by handlers; the dispatcher turns it into Dropbox's answer.
 * `status` 409 (route error, the default): body `{error_summary, error}` where error is the union value.
 * `summary` is a tag path (`path/conflict/file`) for errors whose value does not spell it out; the
 * dispatcher appends Dropbox's `/` and varying dots.
 * 429: `{error_summary, error: {reason: {'.tag': 'too_many_write_operations'}, retry_after}}` + Retry-After.
 * 400: plain text `message`. 401/403/422: JSON like 409.
 */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly error: unknown,
		readonly options: { summary?: string; retryAfter?: number; text?: string } = {},
	) {
		super(options.text ?? options.summary ?? JSON.stringify(error));
	}
}

/** What the platform needs of the file store (admin seeding, demo files, quota, cursor reset). */
export interface FileService {
	/** Called when an account is created: make its namespaces. */
	createAccountSpace(account: Account): Promise<void>;
	/** The demo account's example files. */
	seedDemoFiles(account: Account): Promise<void>;
	seedFile(account: Account, path: string, content: Buffer | { size: number }): Promise<void>;
	statFile(
		account: Account,
		path: string,
	): Promise<{ size: number; content_hash: string; rev: string; id: string } | undefined>;
	usedBytes(account: Account): number;
	/** Every existing cursor of the account answers `reset` from now on. */
	resetCursors(account: Account): void;
	/** Back to empty (admin reset); the platform then re-creates the demo account. */
	clear(): Promise<void>;
}

export interface AccountRegistry {
	byId(accountId: string): Account | undefined;
	all(): Account[];
}

/** What `files/list_folder/longpoll` asks of the platform when nothing changes. */
export interface LongpollControl {
	/** Milliseconds to wait past the client's `timeout` (Dropbox's random jitter). */
	extraWaitMs(): number;
	/** Seconds of `backoff` for this answer, if the admin asked for one (consumed). */
	takeBackoff(): number | undefined;
}

export interface EmulatorState {
	dataDir: string;
	accounts: AccountRegistry;
	files: FileService;
	/** Emits `change` with the namespace id whenever content changes (wakes long-polls). */
	changes: EventEmitter;
	/** Jitter and backoff of long-polls; without it a long-poll waits exactly its timeout. */
	longpoll?: LongpollControl;
	/** Limits tests may lower or raise (admin `POST /__admin/limits`); Dropbox's own unless set. */
	limits?: FileLimits;
}

/**
 * Limits of the files part that are too big to reach in a test (10 000 files, 20 GiB) or that shape a
 * client's polling; Dropbox's values by default (files/limits.ts).
 */
export interface FileLimits {
	/** `files/download_zip`: the folder's files must total fewer bytes than this, else `too_large`. */
	zipSizeLimit: number;
	/** `files/download_zip`: the zip must have fewer entries (files and folders, the folder itself included) than this, else `too_many_files`. */
	zipEntryLimit: number;
	/** Every async job's check route (`finish_batch/check`, `delete_batch/check`, `save_url/check_job_status`…): how many checks of a job answer `in_progress` before its result. */
	batchInProgressChecks: number;
	/** Copy, move, delete and `copy_reference/save` of more files and folders than this (the item itself counted) answer `too_many_files`. */
	operationEntryLimit?: number;
	/** `files/list_folder` (and `/continue`): most entries in one page, whatever `limit` the caller asks for. */
	listFolderPageSize?: number;
	/** `files/get_temporary_link`: seconds a link serves the file (Dropbox's 4 hours). */
	temporaryLinkLifetimeS?: number;
	/** `files/search_v2` (and `/continue_v2`): most matches in one page, whatever `max_results` the caller asks for. */
	searchPageSize?: number;
	/** `sharing/list_shared_links`: links in one page. */
	sharedLinksPageSize?: number;
}
