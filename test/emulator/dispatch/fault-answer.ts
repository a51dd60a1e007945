/** The answer a `status` fault gives: what Dropbox itself sends with that status. */
import type { ServerResponse } from 'node:http';
import { ApiError } from '../contract';
import type { FaultSpec } from './faults';
import { sendApiError, sendText } from './respond';

export function sendStatusFault(res: ServerResponse, routeKey: string, fault: FaultSpec): void {
	const status = fault.status ?? 500;
	if (status === 429) {
		const retryAfter = fault.retry_after ?? 1;
		const error = { reason: { '.tag': 'too_many_requests' }, retry_after: retryAfter };
		sendApiError(res, routeKey, new ApiError(429, error, { retryAfter }));
		return;
	}
	if (status >= 500) {
		const headers: Record<string, string> = fault.retry_after === undefined ? {} : { 'Retry-After': String(fault.retry_after) };
		sendText(res, status, status === 503 ? 'Service Unavailable' : 'Internal Server Error', headers);
		return;
	}
	if (status === 400) {
		sendApiError(res, routeKey, new ApiError(400, null, { text: 'injected fault' }));
		return;
	}
	const defaultError = status === 401 ? { '.tag': 'invalid_access_token' } : { '.tag': 'other' };
	sendApiError(res, routeKey, new ApiError(status, fault.error ?? defaultError));
}
