/**
 * Who is calling: Bearer tokens for `user` routes, Basic app key and secret for `app` routes, either
 * for `app, user`, nothing for `noauth` (and no Authorization header either). Answers exactly as
 * Dropbox: malformed → 400 text, bad/expired/under-scoped token → 401 JSON AuthError.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError, type Account, type RouteSpec } from '../contract';
import type { AccessGrant } from '../accounts/token-store';
import type { PlatformState } from './platform';
import { badRequest } from './respond';

export interface Caller {
	account?: Account;
	appKey?: string;
	grant?: AccessGrant;
}

type Credentials = { scheme: 'bearer'; token: string } | { scheme: 'basic'; appKey: string; appSecret: string };

export function authenticate(state: PlatformState, route: RouteSpec, req: IncomingMessage, url: URL): Caller {
	const modes = route.auth.split(',').map((m) => m.trim());
	if (modes.includes('noauth')) return refuseUnusedAuthorization(route, req);
	const raw = authorizationOf(req, url);
	if (raw === undefined) {
		throw badRequest(route.key, 'Must provide HTTP header "Authorization" or URL parameter "authorization".');
	}
	const credentials = parseAuthorization(raw);
	const acceptsUser = modes.includes('user');
	const acceptsApp = modes.includes('app');
	if (credentials?.scheme === 'bearer' && acceptsUser) return checkBearer(state, route, credentials.token);
	if (credentials?.scheme === 'basic' && acceptsApp) return checkBasic(state, credentials);
	const expected = acceptsUser ? 'Bearer <oauth2-access-token>' : 'Basic <base64(app_key:app_secret)>';
	throw badRequest(
		route.key,
		`Invalid authorization value in HTTP header "Authorization": "${raw}".  Expecting "${expected}".`,
	);
}

/**
 * A route without authentication (the notify host's long-poll) refuses a request that carries an
 * `Authorization` header anyway: a client must not send its token where it is not needed.
 */
function refuseUnusedAuthorization(route: RouteSpec, req: IncomingMessage): Caller {
	if (req.headers.authorization !== undefined) {
		throw badRequest(route.key, 'Your request includes an Authorization header, but this function does not use it.');
	}
	return {};
}

/** The raw authorization value: the header, or Dropbox's `authorization` URL parameter. */
export function authorizationOf(req: IncomingMessage, url: URL): string | undefined {
	const header = req.headers.authorization;
	if (typeof header === 'string' && header !== '') return header;
	return url.searchParams.get('authorization') ?? undefined;
}

export function bearerTokenOf(req: IncomingMessage, url: URL): string | undefined {
	const raw = authorizationOf(req, url);
	const credentials = raw === undefined ? undefined : parseAuthorization(raw);
	return credentials?.scheme === 'bearer' ? credentials.token : undefined;
}

export function parseAuthorization(raw: string): Credentials | undefined {
	const match = /^(\w+)\s+(\S+)\s*$/.exec(raw);
	if (!match) return undefined;
	const scheme = match[1].toLowerCase();
	if (scheme === 'bearer') return { scheme: 'bearer', token: match[2] };
	if (scheme !== 'basic') return undefined;
	const decoded = Buffer.from(match[2], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return { scheme: 'basic', appKey: decoded.slice(0, colon), appSecret: decoded.slice(colon + 1) };
}

function checkBearer(state: PlatformState, route: RouteSpec, token: string): Caller {
	const check = state.tokens.checkAccess(token);
	if (check.kind === 'invalid') throw authError({ '.tag': 'invalid_access_token' });
	if (check.kind === 'expired') throw authError({ '.tag': 'expired_access_token' });
	const account = state.accounts.byId(check.grant.accountId);
	if (!account) throw authError({ '.tag': 'invalid_access_token' });
	if (route.scope && !check.grant.scopes.includes(route.scope)) {
		throw authError({ '.tag': 'missing_scope', required_scope: route.scope });
	}
	return { account, appKey: check.grant.appKey, grant: check.grant };
}

function checkBasic(state: PlatformState, credentials: { appKey: string; appSecret: string }): Caller {
	const owner = state.accounts.byAppKey(credentials.appKey);
	if (!owner || owner.appSecret !== credentials.appSecret) throw authError({ '.tag': 'invalid_access_token' });
	return { appKey: owner.appKey };
}

function authError(error: { '.tag': string; [field: string]: unknown }): ApiError {
	return new ApiError(401, error);
}
