import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { DropboxContext } from './context';
import { credentialKey, credentialTypeOf } from './credentialType';
import { DropboxApiError, type ErrorContext } from './errors';
import { failureFromResponse, isRecord } from './failure';
import { routeUrl, type DropboxHost } from './hosts';
import { errorChain, failureFromThrown } from './thrownFailure';
import { defaultRetryPolicy, withRetries, type RetryPolicy } from './retryPolicy';
import { renewals, sendWithSharedRenewal, type TokenRejection } from './tokenRenewal';

/** One HTTP exchange with Dropbox, as the transport's public functions describe it. */
export interface WireRequest {
	host: DropboxHost;
	route: string;
	headers: Record<string, string>;
	body?: string | Buffer;
	/** `stream` for downloads: the body is handed on unread. */
	encoding?: 'stream';
	/** false for the notify host, whose long-poll takes no token. */
	authenticated: boolean;
	/** Whether sending twice equals sending once (reads; re-sendable idempotent writes). */
	idempotent: boolean;
	timeoutMs?: number;
	abortSignal?: AbortSignal;
	errorContext?: ErrorContext;
	retryPolicy?: RetryPolicy;
}

export interface WireResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

/** Sends a request with token renewal and retries; resolves with a 2xx answer or throws DropboxApiError. */
export async function sendToDropbox(ctx: DropboxContext, request: WireRequest): Promise<WireResponse> {
	const node = ctx.getNode();
	const credentialType = credentialTypeOf(node);
	const key = credentialKey(node, credentialType);
	const outcome = await withRetries<WireResponse>(
		request.retryPolicy ?? defaultRetryPolicy,
		request.idempotent,
		async () => {
			try {
				const response = request.authenticated
					? await sendWithSharedRenewal(renewals, key, {
							send: async () => await sendOnce(ctx, request, credentialType, true),
							sendAndRenew: async () => await sendOnce(ctx, request, credentialType, false),
							tokenRejection,
						})
					: await sendOnce(ctx, request, undefined, true);
				if (response.statusCode >= 200 && response.statusCode < 300) return { ok: true, value: response };
				return {
					ok: false,
					failure: failureFromResponse(response.statusCode, response.headers, response.body),
				};
			} catch (error) {
				return { ok: false, failure: failureFromThrown(error) };
			}
		},
	);
	if (outcome.ok) return outcome.value;
	throw new DropboxApiError(node, outcome.failure, { ...request.errorContext, attempts: outcome.attempts });
}

/**
 * One HTTP exchange. With `ignoreHttpStatusErrors` every status comes back as a response; without
 * it (the renewing send) n8n-core throws on non-2xx, and an error that carries a response is turned
 * back into one so that the caller sees the same shape either way.
 */
async function sendOnce(
	ctx: DropboxContext,
	request: WireRequest,
	credentialType: string | undefined,
	ignoreHttpStatusErrors: boolean,
): Promise<WireResponse> {
	// A fresh options object each time: n8n-core signs requests by writing into their headers.
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: routeUrl(request.host, request.route),
		headers: { ...request.headers } as IDataObject,
		returnFullResponse: true,
		ignoreHttpStatusErrors,
	};
	if (request.body !== undefined) options.body = request.body;
	if (request.encoding) options.encoding = request.encoding;
	if (request.timeoutMs !== undefined) options.timeout = request.timeoutMs;
	if (request.abortSignal) options.abortSignal = request.abortSignal;
	try {
		const full = (credentialType
			? await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, options)
			: await ctx.helpers.httpRequest(options)) as {
			statusCode: number;
			headers: Record<string, unknown>;
			body: unknown;
		};
		return await withReadableError({ statusCode: full.statusCode, headers: full.headers ?? {}, body: full.body });
	} catch (error) {
		const response = responseOf(error);
		if (response) return await withReadableError(response);
		return raiseClassified(ctx, error, request.errorContext);
	}
}

/** Classifies a thrown error while the original is at hand; the retry loop reads `failure` back. */
function raiseClassified(ctx: DropboxContext, error: unknown, context: ErrorContext | undefined): never {
	throw new DropboxApiError(ctx.getNode(), failureFromThrown(error), context);
}

function tokenRejection(response: WireResponse): TokenRejection | undefined {
	if (response.statusCode !== 401) return undefined;
	const failure = failureFromResponse(401, response.headers, bodyAsText(response.body));
	const tag = failure.tags[0];
	if (tag === 'expired_access_token' || tag === 'invalid_access_token') return tag;
	return undefined;
}

/** The HTTP answer inside a thrown error: the axios error itself, or what n8n-core's wrapper kept of it. */
function responseOf(error: unknown): WireResponse | undefined {
	const wrapper = errorChain(error)[0];
	if (wrapper && typeof wrapper.httpCode === 'string' && /^\d{3}$/.test(wrapper.httpCode)) {
		const failure = failureFromThrown(error);
		return { statusCode: failure.status ?? Number(wrapper.httpCode), headers: {}, body: failure.body };
	}
	for (const link of errorChain(error)) {
		const response = link.response;
		if (isRecord(response) && typeof response.status === 'number') {
			return {
				statusCode: response.status,
				headers: isRecord(response.headers) ? { ...response.headers } : {},
				body: 'data' in response ? response.data : link.error,
			};
		}
	}
	return undefined;
}

/** Dropbox's error bodies are a few hundred bytes; anything past this is not worth holding. */
const MAX_ERROR_BODY_CHARS = 64 * 1024;

/** Error bodies of streamed requests arrive as a stream: read them (bounded) to classify. */
async function withReadableError(response: WireResponse): Promise<WireResponse> {
	if (response.statusCode < 300 || !isAsyncIterable(response.body)) return response;
	const decoder = new TextDecoder();
	let text = '';
	for await (const chunk of response.body) {
		if (text.length < MAX_ERROR_BODY_CHARS) {
			text += typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
		}
	}
	return { ...response, body: (text + decoder.decode()).slice(0, MAX_ERROR_BODY_CHARS) };
}

function bodyAsText(body: unknown): unknown {
	return Buffer.isBuffer(body) ? body.toString('utf8') : body;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Buffer.isBuffer(value) &&
		typeof (value as Record<symbol, unknown>)[Symbol.asyncIterator] === 'function'
	);
}
