/**
 * `X-Dropbox-Request-Id`: Dropbox puts a fresh id on every answer of its hosts (successes, errors, even
 * its own 400 and 404 pages), 32 lowercase hex digits. Clients log it for support requests.
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'X-Dropbox-Request-Id';

export function newRequestId(): string {
	return randomBytes(16).toString('hex');
}

/** Set before anything is written: `writeHead` keeps headers set this way. */
export function tagWithRequestId(res: ServerResponse): void {
	res.setHeader(REQUEST_ID_HEADER, newRequestId());
}
