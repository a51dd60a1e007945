import { isTokenErrorCode, type TokenErrorCode } from '../../../credentials/shared/tokenErrors';
import { failureFromResponse, isNetworkCode, isRecord, type DropboxFailure } from './failure';

/**
 * Errors that reach the transport thrown rather than as a response: dropped connections, refused
 * token renewals, and the renewing request's own answer. n8n-core wraps each in a NodeApiError, and in
 * n8n-core 2.8 that wrapper drops the original error (its `cause` stays undefined), keeping only the
 * message, `httpCode` (read from the original's status or code), `description` and, for an HTTP
 * answer with a JSON body, that body in `context.data`. So both shapes are read: the original error
 * when a link of the chain still has it, else the wrapper's fields.
 */
export function failureFromThrown(error: unknown): DropboxFailure {
	const chain = errorChain(error);
	for (const link of chain) {
		const fromOriginal = fromOriginalError(link);
		if (fromOriginal) return fromOriginal;
	}
	const wrapper = chain[0];
	if (wrapper) {
		const fromWrapper = fromWrappedError(wrapper);
		if (fromWrapper) return fromWrapper;
	}
	const message = wrapper ? String(wrapper.message ?? '') : String(error);
	return { tags: [], fields: {}, summary: message, body: message, local: true };
}


function fromOriginalError(link: Record<string, unknown>): DropboxFailure | undefined {
	const message = String(link.message ?? '');
	// Already classified (a DropboxApiError, e.g. one a shared token renewal handed on).
	if (isRecord(link.failure) && Array.isArray(link.failure.tags)) return link.failure as unknown as DropboxFailure;
	// The app credential's own error (credentials/shared/tokenErrors.ts).
	if (isTokenErrorCode(link.errorCode)) return tokenFailure(link.errorCode, message);
	// @n8n/client-oauth2 reports a refused OAuth2 refresh with the token endpoint's JSON as `body`.
	if (isRecord(link.body) && typeof link.body.error === 'string') {
		const description = link.body.error_description;
		const code = isTokenErrorCode(link.body.error) ? link.body.error : 'token_refused';
		return {
			...tokenFailure(code, typeof description === 'string' ? description : message),
			body: link.body,
		};
	}
	const response = link.response;
	if (isRecord(response) && typeof response.status === 'number') {
		return failureFromResponse(
			response.status,
			isRecord(response.headers) ? { ...response.headers } : {},
			'data' in response ? response.data : link.error,
		);
	}
	const code = typeof link.code === 'string' ? link.code : undefined;
	if (code === 'ERR_CANCELED') return { tags: [], fields: {}, networkCode: code };
	if (isNetworkCode(code)) return { tags: [], fields: {}, networkCode: code, body: message };
	if (/socket hang up/i.test(message)) return { tags: [], fields: {}, networkCode: 'ECONNRESET', body: message };
	return undefined;
}

function fromWrappedError(wrapper: Record<string, unknown>): DropboxFailure | undefined {
	const httpCode = typeof wrapper.httpCode === 'string' ? wrapper.httpCode : undefined;
	if (httpCode === undefined) return undefined;
	const messages = Array.isArray(wrapper.messages) ? wrapper.messages.map(String) : [];
	// The original message: n8n may have replaced `message` with its generic text for the code.
	const message = messages[0] ?? String(wrapper.message ?? '');
	if (/^\d{3}$/.test(httpCode)) {
		const context = isRecord(wrapper.context) ? wrapper.context : {};
		const body = context.data ?? (typeof wrapper.description === 'string' ? wrapper.description : message);
		return failureFromResponse(Number(httpCode), {}, body);
	}
	if (httpCode === 'EAUTH') {
		const tokenError = /grant|refresh token/i.test(message)
			? 'invalid_grant'
			: /client/i.test(message)
				? 'invalid_client'
				: 'token_refused';
		return tokenFailure(tokenError, message);
	}
	if (isTokenErrorCode(httpCode)) return tokenFailure(httpCode, message);
	if (httpCode === 'ERR_CANCELED' || isNetworkCode(httpCode)) {
		return { tags: [], fields: {}, networkCode: httpCode, body: message };
	}
	return undefined;
}

/** `tokenError`: the app credential's code, or what @n8n/client-oauth2 reported for an OAuth2 refresh. */
function tokenFailure(tokenError: TokenErrorCode | 'token_refused', summary: string): DropboxFailure {
	// Not reaching the token endpoint is a network failure: it may be retried like one.
	if (tokenError === 'token_endpoint_unreachable') {
		return { tags: [], fields: {}, networkCode: 'TOKEN_ENDPOINT_UNREACHABLE', summary, body: summary };
	}
	return { tags: [], fields: {}, tokenError, summary, body: summary };
}

/** The error and, where still present, the errors it wraps (`cause`). */
export function errorChain(error: unknown): Array<Record<string, unknown>> {
	const chain: Array<Record<string, unknown>> = [];
	let current: unknown = error;
	while (isRecord(current) || current instanceof Error) {
		const record = current as unknown as Record<string, unknown>;
		if (chain.includes(record)) break;
		chain.push(record);
		current = record.cause;
	}
	return chain;
}
