/**
 * `POST api.dropboxapi.com/oauth2/token`: the authorization_code and refresh_token grants. Parameters
 * come from the form body or the query string (the official SDK puts everything in the query). Each
 * grant answers with Dropbox's own set of fields (see refreshAnswer and tokenAnswer).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Account } from '../contract';
import type { PlatformState } from '../dispatch/platform';
import { sendJson, sendText } from '../dispatch/respond';
import type { AccessGrant } from '../accounts/token-store';
import { identifyClient, type OAuthClient } from './client-auth';
import { OAuthError, sendOAuthError } from './oauth-error';
import { oauthParams } from './params';
import { verifierMatches } from './pkce';
import { legacyUid } from './uid';

/** Legacy tokens do not expire; ten years is "never" for any test. */
const LEGACY_LIFETIME_S = 10 * 365 * 24 * 3600;

export async function handleTokenEndpoint(
	state: PlatformState,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL,
): Promise<void> {
	if (req.method !== 'POST') {
		sendText(res, 405, 'Method Not Allowed', { Allow: 'POST' });
		return;
	}
	try {
		const params = await oauthParams(req, url);
		const grantType = params.get('grant_type');
		if (!grantType) throw new OAuthError('invalid_request', 'No grant_type provided.');
		if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
			throw new OAuthError('unsupported_grant_type', `"${grantType}" is not a supported grant_type`);
		}
		const client = identifyClient(state, req, params);
		const body = grantType === 'refresh_token' ? refreshGrant(state, client, params) : codeGrant(state, client, params);
		sendJson(res, 200, body);
	} catch (error) {
		if (!(error instanceof OAuthError)) throw error;
		sendOAuthError(res, error);
	}
}

function refreshGrant(state: PlatformState, client: OAuthClient, params: Map<string, string>): Record<string, unknown> {
	const token = params.get('refresh_token');
	if (!token) throw new OAuthError('invalid_request', 'No refresh_token provided.');
	const grant = state.tokens.refreshGrant(token);
	if (!grant) throw new OAuthError('invalid_grant', 'refresh token is invalid or revoked');
	if (grant.appKey !== client.appKey) throw new OAuthError('invalid_grant', 'refresh token was issued to another app');
	if (!client.authenticated && !grant.publicClient) {
		throw new OAuthError('invalid_client', 'Invalid client_id or client_secret');
	}
	const account = state.accounts.byId(grant.accountId);
	if (!account) throw new OAuthError('invalid_grant', 'refresh token is invalid or revoked');
	const requested = params.get('scope');
	const scopes = narrowedScopes(grant.scopes, requested);
	const access = state.tokens.issueAccess(account, { scopes, appKey: grant.appKey, refreshToken: grant.token });
	return refreshAnswer(access, account.tokenLifetimeS, requested);
}

/**
 * A refresh answers less than a code exchange: the new access token, its type and lifetime, and no
 * refresh token, uid or account id. The granted `scope` comes back only when the request narrowed it.
 */
function refreshAnswer(access: AccessGrant, lifetimeS: number, requestedScope: string | undefined): Record<string, unknown> {
	const answer: Record<string, unknown> = { access_token: access.token, token_type: 'bearer', expires_in: lifetimeS };
	if (requestedScope !== undefined && requestedScope.trim() !== '') answer.scope = access.scopes.join(' ');
	return answer;
}

function codeGrant(state: PlatformState, client: OAuthClient, params: Map<string, string>): Record<string, unknown> {
	const codeValue = params.get('code');
	if (!codeValue) throw new OAuthError('invalid_request', 'No code provided.');
	const code = state.tokens.takeCode(codeValue);
	if (!code || code.appKey !== client.appKey) throw new OAuthError('invalid_grant', "code doesn't exist or has expired");
	if (code.redirectUri !== undefined && params.get('redirect_uri') !== code.redirectUri) {
		throw new OAuthError('invalid_grant', 'redirect_uri mismatch');
	}
	if (code.codeChallenge !== undefined) {
		const verifier = params.get('code_verifier');
		if (!verifier || !verifierMatches(verifier, code.codeChallenge, code.codeChallengeMethod)) {
			throw new OAuthError('invalid_grant', 'invalid code verifier');
		}
	} else if (!client.authenticated) {
		throw new OAuthError('invalid_client', 'Invalid client_id or client_secret');
	}
	const account = state.accounts.byId(code.accountId);
	if (!account) throw new OAuthError('invalid_grant', "code doesn't exist or has expired");
	const publicClient = code.codeChallenge !== undefined && !client.authenticated;
	if (code.tokenAccessType === 'offline') {
		const refresh = state.tokens.grantRefresh(account, { scopes: code.scopes, appKey: code.appKey, publicClient });
		const access = state.tokens.issueAccess(account, {
			scopes: code.scopes,
			appKey: code.appKey,
			refreshToken: refresh.token,
		});
		return { ...tokenAnswer(account, access, account.tokenLifetimeS), refresh_token: refresh.token };
	}
	const lifetimeS = code.tokenAccessType === 'legacy' ? LEGACY_LIFETIME_S : account.tokenLifetimeS;
	const access = state.tokens.issueAccess(account, { scopes: code.scopes, appKey: code.appKey, lifetimeS });
	const answer = tokenAnswer(account, access, lifetimeS);
	if (code.tokenAccessType === 'legacy') delete answer.expires_in;
	return answer;
}

/** A refresh may ask for a subset of the granted scopes, never more. */
function narrowedScopes(granted: string[], requested: string | undefined): string[] {
	if (!requested || requested.trim() === '') return granted;
	const wanted = requested.trim().split(/\s+/);
	const extra = wanted.filter((scope) => !granted.includes(scope));
	if (extra.length > 0) throw new OAuthError('invalid_scope', `scope not granted: ${extra.join(' ')}`);
	return wanted;
}

/** What a code exchange answers (a refresh answers less: see refreshAnswer). */
function tokenAnswer(account: Account, access: AccessGrant, lifetimeS: number): Record<string, unknown> {
	return {
		access_token: access.token,
		token_type: 'bearer',
		expires_in: lifetimeS,
		scope: access.scopes.join(' '),
		uid: legacyUid(account.accountId),
		account_id: account.accountId,
	};
}
