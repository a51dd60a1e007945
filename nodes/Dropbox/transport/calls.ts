/** The four call styles of the Dropbox API v2, each one request through sendToDropbox. */
import type { DropboxContext } from './context';
import type { ErrorContext } from './errors';
import { headerValue } from './failure';
import { toHeaderSafeJson } from './headerSafeJson';
import { pathRootHeader } from './pathRoot';
import { sendToDropbox } from './request';
import type { RetryPolicy } from './retryPolicy';
import { isReadRoute } from './routeKinds';
import type { Space } from './space';

interface CallOptions {
	/** `files/get_metadata`: the URL path without `/2/`. */
	route: string;
	/** The route's argument; omitted for routes that take none. */
	arg?: unknown;
	/** Which part of a team account paths refer to; default: the member's own folder. */
	space?: Space;
	/** Overrides the default (true for read routes): may the call be re-sent after a 5xx / lost connection? */
	idempotent?: boolean;
	/** Names the paths in error hints, and the item in the error. */
	errorContext?: ErrorContext;
	retryPolicy?: RetryPolicy;
}

export type RpcCall = CallOptions;

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
	route: string;
	arg: unknown;
	abortSignal?: AbortSignal;
	retryPolicy?: RetryPolicy;
}

/** An RPC-style call on api.dropboxapi.com: JSON in, JSON out. */
export async function dropboxRpc<T>(ctx: DropboxContext, call: RpcCall): Promise<T> {
	const response = await sendToDropbox(ctx, {
		host: 'api',
		route: call.route,
		headers: { 'Content-Type': 'application/json', ...(await spaceHeader(ctx, call.space)) },
		body: JSON.stringify(call.arg ?? null),
		authenticated: true,
		idempotent: call.idempotent ?? isReadRoute(call.route),
		errorContext: call.errorContext,
		retryPolicy: call.retryPolicy,
	});
	return parseJson<T>(response.body);
}

/** An upload-style call on content.dropboxapi.com: the argument in a header, the bytes as the body. */
export async function dropboxUpload<T>(ctx: DropboxContext, call: UploadCall): Promise<T> {
	const response = await sendToDropbox(ctx, {
		host: 'content',
		route: call.route,
		headers: {
			'Content-Type': 'application/octet-stream',
			'Dropbox-API-Arg': toHeaderSafeJson(call.arg ?? null),
			...(await spaceHeader(ctx, call.space)),
		},
		body: call.body,
		authenticated: true,
		idempotent: call.idempotent ?? false,
		errorContext: call.errorContext,
		retryPolicy: call.retryPolicy,
	});
	return parseJson<T>(response.body);
}

/** A download-style call: the result comes in `Dropbox-API-Result`, the body is streamed. */
export async function dropboxDownload<T>(ctx: DropboxContext, call: DownloadCall): Promise<DownloadResult<T>> {
	const headers: Record<string, string> = {
		'Dropbox-API-Arg': toHeaderSafeJson(call.arg ?? null),
		...(await spaceHeader(ctx, call.space)),
	};
	if (call.range !== undefined) headers.Range = rangeHeader(call.range);
	const response = await sendToDropbox(ctx, {
		host: 'content',
		route: call.route,
		headers,
		encoding: 'stream',
		authenticated: true,
		idempotent: call.idempotent ?? true,
		errorContext: call.errorContext,
		retryPolicy: call.retryPolicy,
	});
	const resultHeader = headerValue(response.headers, 'dropbox-api-result');
	return {
		result: parseJson<T>(resultHeader ?? 'null'),
		body: response.body as AsyncIterable<Buffer>,
		headers: response.headers,
	};
}

/** A call on notify.dropboxapi.com (list_folder/longpoll): no token is sent. */
export async function dropboxNotify<T>(ctx: DropboxContext, call: NotifyCall): Promise<T> {
	const waitS = typeof (call.arg as { timeout?: unknown })?.timeout === 'number'
		? (call.arg as { timeout: number }).timeout
		: 30;
	const response = await sendToDropbox(ctx, {
		host: 'notify',
		route: call.route,
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(call.arg ?? null),
		authenticated: false,
		idempotent: true,
		// Dropbox adds up to 90 s of jitter to the requested wait.
		timeoutMs: (waitS + 120) * 1000,
		abortSignal: call.abortSignal,
		retryPolicy: call.retryPolicy,
	});
	return parseJson<T>(response.body);
}

async function spaceHeader(ctx: DropboxContext, space: Space | undefined): Promise<Record<string, string>> {
	return await pathRootHeader(ctx, space, async (lookupCtx) => {
		const account = await dropboxRpc<{ root_info?: { root_namespace_id?: string } }>(lookupCtx, {
			route: 'users/get_current_account',
		});
		const id = account.root_info?.root_namespace_id;
		if (!id) throw new Error('Dropbox did not report the account\'s root namespace');
		return id;
	});
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
