/** The parameters of `/oauth2/authorize`, checked as Dropbox checks them before showing the page. */
import type { Account } from '../contract';
import type { PlatformState } from '../dispatch/platform';
import { allUserScopes } from '../routes';

export interface AuthorizeRequest {
	appKey: string;
	user: Account;
	redirectUri?: string;
	state?: string;
	scopes: string[];
	tokenAccessType: 'offline' | 'online' | 'legacy';
	codeChallenge?: string;
	codeChallengeMethod: 'S256' | 'plain';
}

export type AuthorizeCheck = { ok: true; request: AuthorizeRequest } | { ok: false; problem: string };

export function checkAuthorizeRequest(state: PlatformState, params: Map<string, string>): AuthorizeCheck {
	const appKey = params.get('client_id');
	if (!appKey || !state.accounts.byAppKey(appKey)) return { ok: false, problem: 'Invalid client_id.' };
	if (params.get('response_type') !== 'code') {
		return { ok: false, problem: 'Invalid response_type: only "code" is supported.' };
	}
	const user = state.accounts.byId(params.get('account_id') ?? state.demoAccountId);
	if (!user) return { ok: false, problem: 'No such account to sign in as.' };
	const redirectUri = params.get('redirect_uri') || undefined;
	if (redirectUri !== undefined && !/^https?:\/\//i.test(redirectUri)) {
		return { ok: false, problem: 'Invalid redirect_uri.' };
	}
	const tokenAccessType = params.get('token_access_type') ?? 'legacy';
	if (tokenAccessType !== 'offline' && tokenAccessType !== 'online' && tokenAccessType !== 'legacy') {
		return { ok: false, problem: 'Invalid token_access_type.' };
	}
	const grantable = allUserScopes();
	const requested = params.get('scope')?.trim();
	const scopes = requested ? requested.split(/\s+/) : grantable;
	const unknown = scopes.filter((scope) => !grantable.includes(scope));
	if (unknown.length > 0) return { ok: false, problem: `Invalid scope: ${unknown.join(' ')}` };
	const codeChallenge = params.get('code_challenge') || undefined;
	const method = params.get('code_challenge_method') ?? (codeChallenge ? 'plain' : 'S256');
	if (method !== 'S256' && method !== 'plain') return { ok: false, problem: 'Invalid code_challenge_method.' };
	if (codeChallenge !== undefined && !/^[A-Za-z0-9._~-]{43,128}$/.test(codeChallenge)) {
		return { ok: false, problem: 'Invalid code_challenge.' };
	}
	return {
		ok: true,
		request: {
			appKey,
			user,
			redirectUri,
			state: params.get('state') ?? undefined,
			scopes,
			tokenAccessType,
			codeChallenge,
			codeChallengeMethod: method,
		},
	};
}
