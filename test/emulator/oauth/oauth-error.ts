/** OAuth 2 errors of the token endpoint: JSON `{error, error_description}`, as Dropbox answers them. */
import type { ServerResponse } from 'node:http';
import { sendJson } from '../dispatch/respond';

export class OAuthError extends Error {
	constructor(
		readonly code: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type' | 'invalid_scope',
		readonly description: string,
		readonly status = 400,
	) {
		super(description);
	}
}

export function sendOAuthError(res: ServerResponse, error: OAuthError): void {
	sendJson(res, error.status, { error: error.code, error_description: error.description });
}
