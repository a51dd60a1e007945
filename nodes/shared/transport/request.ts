import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { ErrorContext } from './errors';
import { failureFromResponse, isRecord } from './failure';
import { routeUrl, type DropboxHost } from './hosts';
import { withRetries } from './retryPolicy';
import type { RouteName } from './routes';
import type { DropboxSession } from './session';
import { errorChain, failureFromThrown } from './thrownFailure';
import { renewals, sendWithSharedRenewal, type TokenRejection } from './tokenRenewal';

/** One HTTP exchange with Dropbox, as the transport's public functions describe it. */
export interface WireRequest {
	host: DropboxHost;
	route: RouteName;
	headers: Record<string, string>;
	body?: string | Buffer;
	/** `stream` for downloads: the body is handed on unread. */
	encoding?: 'stream';
	/** false for the notify host, whose long-poll takes no token. */
	authenticated: boolean;
	/** Whether sending twice equals sending once (reads; re-sendable idempotent writes). */
	idempotent: boolean;
	timeoutMs?: number;
	errorContext?: ErrorContext;
}

export interface WireResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

/**
 * Sends a request with token renewal and retries under the session's policy and cancellation signal;
 * resolves with a 2xx answer or throws DropboxApiError.
 */
export async function sendToDropbox(session: DropboxSession, request: WireRequest): Promise<WireResponse> {
	const outcome = await withRetries<WireResponse>(
		session.retryPolicy,
		request.idempotent,
		async () => {
			try {
				const response = request.authenticated
					? await sendWithSharedRenewal(renewals, session.credentialKey, {
							send: async () => await sendOnce(session, request, true),
							sendAndRenew: async () => await sendOnce(session, request, false),
							tokenRejection,
						})
					: await sendOnce(session, request, true);
				if (response.statusCode >= 200 && response.statusCode < 300) return { ok: true, value: response };
				return {
					ok: false,
					failure: failureFromResponse(response.statusCode, response.headers, response.body),
				};
			} catch (error) {
				return { ok: false, failure: failureFromThrown(error) };
			}
		},
		session.abortSignal,
	);
	if (outcome.ok) return outcome.value;
	throw session.failed(outcome.failure, {
		...request.errorContext,
		attempts: outcome.attempts,
		resendable: request.idempotent,
	});
}

/**
 * One HTTP exchange. With `ignoreHttpStatusErrors` every status comes back as a response; without
 * it (the renewing send) n8n-core throws on non-2xx, and an error that carries a response is turned
 * back into one so that the caller sees the same shape either way.
 */
async function sendOnce(session: DropboxSession, request: WireRequest, ignoreHttpStatusErrors: boolean): Promise<WireResponse> {
	const ctx = session.ctx;
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
	if (session.abortSignal) options.abortSignal = session.abortSignal;
	try {
		const full = (request.authenticated
			? await ctx.helpers.httpRequestWithAuthentication.call(ctx, session.credentialType, options)
			: await ctx.helpers.httpRequest(options)) as {
			statusCode: number;
			headers: Record<string, unknown>;
			body: unknown;
		};
		return await withReadableError({ statusCode: full.statusCode, headers: full.headers ?? {}, body: full.body });
	} catch (error) {
		const response = responseOf(error);
		if (response) return await withReadableError(response);
		// Classified while the original error is at hand; the retry loop reads `failure` back.
		throw session.failed(failureFromThrown(error), request.errorContext);
	}
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
