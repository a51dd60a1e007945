/** The app calling the token endpoint: Basic auth, or client_id / client_secret parameters. */
import type { IncomingMessage } from 'node:http';
import { parseAuthorization } from '../dispatch/auth';
import type { PlatformState } from '../dispatch/platform';
import { OAuthError } from './oauth-error';

export interface OAuthClient {
	appKey: string;
	/** Whether the caller proved it holds the app secret (a PKCE client need not). */
	authenticated: boolean;
}

export function identifyClient(state: PlatformState, req: IncomingMessage, params: Map<string, string>): OAuthClient {
	const header = req.headers.authorization;
	const basic = typeof header === 'string' ? parseAuthorization(header) : undefined;
	const appKey = basic?.scheme === 'basic' ? basic.appKey : params.get('client_id');
	const secret = basic?.scheme === 'basic' ? basic.appSecret : params.get('client_secret');
	if (!appKey) throw new OAuthError('invalid_request', 'No auth function available for given request');
	const owner = state.accounts.byAppKey(appKey);
	if (!owner) throw new OAuthError('invalid_client', 'Invalid client_id or client_secret');
	if (secret !== undefined && secret !== owner.appSecret) {
		throw new OAuthError('invalid_client', 'Invalid client_id or client_secret');
	}
	return { appKey, authenticated: secret !== undefined };
}
