/** The four call styles of the Dropbox API v2, each one request through sendToDropbox. */
import type { ErrorContext } from './errors';
import { headerValue } from './failure';
import { toHeaderSafeJson } from './headerSafeJson';
import { pathRootHeader } from './pathRoot';
import { sendToDropbox } from './request';
import { hostOf, isReadRoute, type DownloadRoute, type NotifyRoute, type RpcRoute, type UploadRoute } from './routes';
import type { DropboxSession } from './session';
import type { Space } from './space';

export interface CallOptions {
	/** The route's argument; omitted for routes that take none. */
	arg?: unknown;
	/** Which part of a team account paths refer to; default: the member's own folder. */
	space?: Space;
	/**
	 * Overrides the route table: may the call be re-sent after a 5xx / lost connection? Set it for a write
	 * whose effect is the same when applied twice (an upload-session append at a fixed offset).
	 */
	idempotent?: boolean;
	/** Names the paths in error hints, and the item in the error. */
	errorContext?: ErrorContext;
}

export interface UploadCall extends CallOptions {
	/** A Buffer, not a stream: a rejected attempt (401, 429) must be re-sendable. */
	body: Buffer;
}

export interface DownloadCall extends CallOptions {
	/** Bytes to fetch: `{start, end}` (inclusive) or a raw `Range` value such as `bytes=-500`. */
	range?: { start: number; end?: number } | string;
}

export interface DownloadResult<T> {
	/** The metadata from the `Dropbox-API-Result` header. */
	result: T;
	/** The file's bytes, unread: hand it to prepareBinaryData or iterate it. */
	body: AsyncIterable<Buffer>;
	headers: Record<string, unknown>;
}

export interface NotifyCall {
	arg: unknown;
	errorContext?: ErrorContext;
}

/** An RPC-style call on api.dropboxapi.com: JSON in, JSON out (`null` for routes without an argument). */
export async function dropboxRpc<T>(session: DropboxSession, route: RpcRoute, call: CallOptions): Promise<T> {
	const response = await sendToDropbox(session, {
		host: 'api',
		route,
		headers: { 'Content-Type': 'application/json', ...(await pathRootHeader(session, call.space)) },
		body: JSON.stringify(call.arg ?? null),
		authenticated: true,
		idempotent: call.idempotent ?? isReadRoute(route),
		errorContext: call.errorContext,
	});
	return parseJson<T>(response.body);
}

/**
 * An upload-style call: the argument in a header, the bytes as the body. Mostly on content.dropboxapi.com, but
 * not always: `files/paper/create` and `files/paper/update` are upload-style routes of api.dropboxapi.com.
 */
export async function dropboxUpload<T>(session: DropboxSession, route: UploadRoute, call: UploadCall): Promise<T> {
	const response = await sendToDropbox(session, {
		host: hostOf(route),
		route,
		headers: {
			'Content-Type': 'application/octet-stream',
			'Dropbox-API-Arg': toHeaderSafeJson(call.arg ?? null),
			...(await pathRootHeader(session, call.space)),
		},
		body: call.body,
		authenticated: true,
		idempotent: call.idempotent ?? isReadRoute(route),
		errorContext: call.errorContext,
	});
	return parseJson<T>(response.body);
}

/** A download-style call: no body is sent, the result comes in `Dropbox-API-Result`, the bytes are streamed. */
export async function dropboxDownload<T>(
	session: DropboxSession,
	route: DownloadRoute,
	call: DownloadCall,
): Promise<DownloadResult<T>> {
	const headers: Record<string, string> = {
		'Dropbox-API-Arg': toHeaderSafeJson(call.arg ?? null),
		...(await pathRootHeader(session, call.space)),
	};
	if (call.range !== undefined) headers.Range = rangeHeader(call.range);
	const response = await sendToDropbox(session, {
		host: 'content',
		route,
		headers,
		encoding: 'stream',
		authenticated: true,
		idempotent: call.idempotent ?? isReadRoute(route),
		errorContext: call.errorContext,
	});
	const resultHeader = headerValue(response.headers, 'dropbox-api-result');
	return {
		result: parseJson<T>(resultHeader ?? 'null'),
		body: response.body as AsyncIterable<Buffer>,
		headers: response.headers,
	};
}

/** A call on notify.dropboxapi.com (list_folder/longpoll): Dropbox refuses it if it carries a token. */
export async function dropboxNotify<T>(session: DropboxSession, route: NotifyRoute, call: NotifyCall): Promise<T> {
	const waitS = typeof (call.arg as { timeout?: unknown })?.timeout === 'number'
		? (call.arg as { timeout: number }).timeout
		: 30;
	const response = await sendToDropbox(session, {
		host: 'notify',
		route,
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(call.arg ?? null),
		authenticated: false,
		idempotent: true,
		// Dropbox adds up to 90 s of jitter to the requested wait.
		timeoutMs: (waitS + 120) * 1000,
		errorContext: call.errorContext,
	});
	return parseJson<T>(response.body);
}

function rangeHeader(range: { start: number; end?: number } | string): string {
	if (typeof range === 'string') return range;
	return `bytes=${range.start}-${range.end ?? ''}`;
}

function parseJson<T>(body: unknown): T {
	if (typeof body === 'string') return (body === '' ? null : JSON.parse(body)) as T;
	if (Buffer.isBuffer(body)) return JSON.parse(body.toString('utf8')) as T;
	return body as T;
}
