/** The answer a `status` fault gives: what Dropbox itself sends with that status. */
import type { ServerResponse } from 'node:http';
import { ApiError } from '../contract';
import type { FaultSpec } from './faults';
import { sendApiError, sendText } from './respond';

export function sendStatusFault(res: ServerResponse, routeKey: string, fault: FaultSpec): void {
	const status = fault.status ?? 500;
	if (status === 429) {
		sendRateLimitFault(res, routeKey, fault);
		return;
	}
	if (status >= 500) {
		sendText(res, status, status === 503 ? 'Service Unavailable' : 'Internal Server Error', retryAfterHeader(fault.retry_after));
		return;
	}
	if (status === 400) {
		sendApiError(res, routeKey, new ApiError(400, null, { text: 'injected fault' }));
		return;
	}
	const defaultError = status === 401 ? { '.tag': 'invalid_access_token' } : { '.tag': 'other' };
	sendApiError(res, routeKey, new ApiError(status, fault.error ?? defaultError));
}

/**
 * Dropbox's three 429 shapes. `json` always says how long to wait (body and header); the other two carry
 * `Retry-After` only when the fault names a wait, because Dropbox does not always send one.
 */
function sendRateLimitFault(res: ServerResponse, routeKey: string, fault: FaultSpec): void {
	const reason = { '.tag': 'too_many_requests' };
	switch (fault.body ?? 'json') {
		case 'json': {
			const retryAfter = fault.retry_after ?? 1;
			sendApiError(res, routeKey, new ApiError(429, { reason, retry_after: retryAfter }, { retryAfter }));
			return;
		}
		case 'json_no_retry_after':
			sendApiError(res, routeKey, new ApiError(429, { reason }, { retryAfter: fault.retry_after }));
			return;
		case 'text':
			sendText(res, 429, 'Too many requests', retryAfterHeader(fault.retry_after));
			return;
	}
}

function retryAfterHeader(seconds: number | undefined): Record<string, string> {
	return seconds === undefined ? {} : { 'Retry-After': String(seconds) };
}
