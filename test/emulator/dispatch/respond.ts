/** Writing Dropbox's answers: JSON results, plain-text 400s, and route errors with their summaries. */
import type { ServerResponse } from 'node:http';
import { ApiError } from '../contract';
import { summaryTags, withSummaryDots } from './error-summary';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	const text = JSON.stringify(body === undefined ? null : body);
	res.writeHead(status, {
		'Content-Type': 'application/json',
		'Content-Length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
	res.writeHead(status, {
		'Content-Type': 'text/plain; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

/** Dropbox prefixes every 400 text with the function it was answering. */
export function callErrorText(routeKey: string, message: string): string {
	return `Error in call to API function "${routeKey}": ${message}`;
}

export function badRequest(routeKey: string, message: string): ApiError {
	return new ApiError(400, null, { text: callErrorText(routeKey, message) });
}

export function sendApiError(res: ServerResponse, routeKey: string, error: ApiError): void {
	const { status, options } = error;
	if (status === 400 || (status >= 500 && options.text !== undefined)) {
		const text = options.text ?? error.message;
		sendText(res, status, text.startsWith('Error in call') || status >= 500 ? text : callErrorText(routeKey, text));
		return;
	}
	const summary = withSummaryDots(options.summary ?? summaryTags(error.error));
	if (status === 429) {
		sendRateLimit(res, error, summary);
		return;
	}
	sendJson(res, status, { error_summary: summary, error: error.error });
}

/**
 * A 429 in JSON: a RateLimitError value is sent as it is, so that one without `retry_after` stays without
 * it (Dropbox sends both kinds); `Retry-After` goes with it whenever a wait is known.
 */
function sendRateLimit(res: ServerResponse, error: ApiError, summary: string): void {
	const value = isRateLimitError(error.error)
		? error.error
		: { reason: { '.tag': 'too_many_requests' }, retry_after: error.options.retryAfter ?? 1 };
	const retryAfter = error.options.retryAfter ?? retryAfterOf(value);
	const headers: Record<string, string> = retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) };
	sendJson(res, 429, { error_summary: summary, error: value }, headers);
}

function isRateLimitError(value: unknown): value is { reason: unknown; retry_after?: number } {
	return typeof value === 'object' && value !== null && 'reason' in value;
}

function retryAfterOf(value: unknown): number | undefined {
	return isRateLimitError(value) && typeof value.retry_after === 'number' ? value.retry_after : undefined;
}
