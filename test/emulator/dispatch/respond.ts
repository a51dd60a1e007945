/** Writing Dropbox's answers: JSON results, plain-text 400s, and route errors with their summaries. */
import type { ServerResponse } from 'node:http';
import { ApiError } from '../contract';
import { errorSummary } from './error-summary';

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
	if (status === 429) {
		const retryAfter = options.retryAfter ?? retryAfterOf(error.error) ?? 1;
		const value = isRateLimitError(error.error)
			? error.error
			: { reason: { '.tag': 'too_many_requests' }, retry_after: retryAfter };
		sendJson(
			res,
			429,
			{ error_summary: options.summary ?? errorSummary(value), error: value },
			{ 'Retry-After': String(retryAfter) },
		);
		return;
	}
	sendJson(res, status, { error_summary: options.summary ?? errorSummary(error.error), error: error.error });
}

function isRateLimitError(value: unknown): value is { reason: unknown; retry_after?: number } {
	return typeof value === 'object' && value !== null && 'reason' in value;
}

function retryAfterOf(value: unknown): number | undefined {
	return isRateLimitError(value) && typeof value.retry_after === 'number' ? value.retry_after : undefined;
}
