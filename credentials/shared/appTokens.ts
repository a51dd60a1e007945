/**
 * Access tokens for the app key + refresh token credential, obtained from Dropbox's token endpoint and
 * shared by everything in this n8n instance. n8n calls the credential's preAuthentication once per request
 * that finds the token missing or refused, so parallel items would each renew: here they share one renewal,
 * and a request still holding a token older than one obtained moments ago is handed the newer token.
 */
import { createHash } from 'crypto';
import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { parseJsonOrText, tokenEndpointError } from './tokenErrors';

const TOKEN_URL = 'https://api.dropboxapi.com/oauth2/token';

export interface AppCredentials {
	appKey: string;
	appSecret: string;
	refreshToken: string;
}

/** The token endpoint's answer to a refresh. */
export interface RefreshAnswer {
	access_token: string;
	expires_in?: number;
}

export type TokenRequester = (credentials: AppCredentials) => Promise<RefreshAnswer>;

interface TokenGrant {
	accessToken: string;
	obtainedAt: number;
	expiresInS: number;
}

interface TokenSlot {
	inFlight?: Promise<TokenGrant>;
	latest?: TokenGrant;
}

/** By app and refresh token (hashed: the map never holds the secrets themselves as keys). */
const tokenSlots = new Map<string, TokenSlot>();

/**
 * Returns an access token for the credential, renewing at most once at a time per app + refresh token.
 * `heldToken` is the token the caller has (maybe refused); it is never handed back.
 */
export async function obtainAccessToken(
	credentials: AppCredentials & { heldToken?: string },
	requestToken: TokenRequester,
	now: () => number = Date.now,
): Promise<string> {
	const key = createHash('sha256')
		.update([credentials.appKey, credentials.appSecret, credentials.refreshToken].join('\n'))
		.digest('hex');
	let slot = tokenSlots.get(key);
	if (!slot) {
		slot = {};
		tokenSlots.set(key, slot);
	}
	const latest = slot.latest;
	if (latest && latest.accessToken !== credentials.heldToken && isFresh(latest, now())) {
		return latest.accessToken;
	}
	let pending = slot.inFlight;
	if (!pending) {
		const current = slot;
		pending = requestToken(credentials)
			.then((answer) => {
				const grant: TokenGrant = {
					accessToken: answer.access_token,
					obtainedAt: now(),
					expiresInS: answer.expires_in ?? 14400,
				};
				current.latest = grant;
				return grant;
			})
			.finally(() => {
				current.inFlight = undefined;
			});
		current.inFlight = pending;
	}
	return (await pending).accessToken;
}

/** A grant is reused while well inside its lifetime (the last quarter, at most a minute, is kept back). */
function isFresh(grant: TokenGrant, at: number): boolean {
	const lifetimeMs = grant.expiresInS * 1000;
	const margin = Math.min(60_000, lifetimeMs / 4);
	return at < grant.obtainedAt + lifetimeMs - margin;
}

/** Asks the token endpoint for a new access token (client credentials by Basic auth, grant in the form body). */
export function refreshWith(helpers: IHttpRequestHelper['helpers']): TokenRequester {
	return async ({ appKey, appSecret, refreshToken }) => {
		const request: IHttpRequestOptions = {
			method: 'POST',
			url: TOKEN_URL,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: `grant_type=refresh_token&refresh_token=${encodeURIComponent(refreshToken)}`,
			auth: { username: appKey, password: appSecret },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		};
		let response: { statusCode: number; body: unknown };
		try {
			response = (await helpers.httpRequest(request)) as { statusCode: number; body: unknown };
		} catch {
			throw tokenEndpointError(undefined, undefined);
		}
		const body = typeof response.body === 'string' ? parseJsonOrText(response.body) : response.body;
		if (response.statusCode !== 200 || typeof (body as { access_token?: unknown })?.access_token !== 'string') {
			throw tokenEndpointError(response.statusCode, body);
		}
		return body as RefreshAnswer;
	};
}
