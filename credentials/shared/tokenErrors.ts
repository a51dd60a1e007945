/**
 * Why the app credential could not obtain an access token. n8n-core wraps a thrown DropboxTokenError in a
 * NodeApiError that keeps only the message, `description`, and `errorCode` (as its `httpCode`): the node's
 * transport and n8n's credential test both read what happened from the code.
 */
export const TOKEN_ERROR_CODES = [
	/** The refresh token was revoked, the app disconnected, or the token belongs to another app. */
	'invalid_grant',
	/** The app key or secret is wrong. */
	'invalid_client',
	/** Any other refusal of the token endpoint. */
	'token_endpoint_error',
	/** No answer from the token endpoint (network): may be retried like any network failure. */
	'token_endpoint_unreachable',
] as const;

export type TokenErrorCode = (typeof TOKEN_ERROR_CODES)[number];

export function isTokenErrorCode(value: unknown): value is TokenErrorCode {
	return typeof value === 'string' && (TOKEN_ERROR_CODES as readonly string[]).includes(value);
}

export class DropboxTokenError extends Error {
	constructor(
		message: string,
		readonly errorCode: TokenErrorCode,
		readonly description: string,
	) {
		super(message);
		this.name = 'DropboxTokenError';
	}
}

/** Turns the token endpoint's refusals and network failures into messages that say what to fix. */
export function tokenEndpointError(status: number | undefined, body: unknown): DropboxTokenError {
	if (status === undefined) {
		// No network code in the text: n8n would replace the whole message with a generic one.
		return new DropboxTokenError(
			'Could not reach api.dropboxapi.com to obtain an access token',
			'token_endpoint_unreachable',
			'The n8n server could not connect to Dropbox. Check its network, proxy and firewall; the app key, secret and refresh token were not checked.',
		);
	}
	const parsed = typeof body === 'string' ? parseJsonOrText(body) : body;
	const fields = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
	const error = typeof fields.error === 'string' ? fields.error : `http_${status}`;
	const detail = typeof fields.error_description === 'string' ? ` (${fields.error_description})` : '';
	if (error === 'invalid_client' || error === 'unauthorized_client') {
		return new DropboxTokenError(
			`Dropbox refused the app key or app secret${detail}`,
			'invalid_client',
			"Copy both again from the app's Settings tab in the Dropbox App Console.",
		);
	}
	if (error === 'invalid_grant') {
		return new DropboxTokenError(
			`Dropbox refused the refresh token${detail}`,
			'invalid_grant',
			'The refresh token was revoked, the app was disconnected from the account, or the token belongs to another app. Obtain a new refresh token as the credential explains, and paste it into the credential.',
		);
	}
	return new DropboxTokenError(
		`Dropbox's token endpoint answered HTTP ${status}${detail}: ${typeof parsed === 'string' ? parsed.slice(0, 200) : error}`,
		'token_endpoint_error',
		'Check the app key, app secret and refresh token; if they are right, try again later.',
	);
}

export function parseJsonOrText(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}
