/**
 * `www.dropbox.com/oauth2/authorize`: GET shows the approve page for the signed-in user (the demo account,
 * or `account_id`); its form POSTs back here, and approval redirects with `code` and `state` — or, with
 * no redirect_uri, shows the code.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlatformState } from '../dispatch/platform';
import { checkAuthorizeRequest, type AuthorizeRequest } from './authorize-request';
import { approvePage, codePage, escapeHtml, page } from './html';
import { oauthParams } from './params';

export async function handleAuthorizePage(
	state: PlatformState,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL,
): Promise<void> {
	if (req.method !== 'GET' && req.method !== 'POST') {
		sendHtml(res, 405, page('Method not allowed', ''));
		return;
	}
	const params = req.method === 'POST' ? await oauthParams(req, url) : new Map(url.searchParams);
	const check = checkAuthorizeRequest(state, params);
	if (!check.ok) {
		sendHtml(res, 400, page('Error (400)', `<p id="error">${escapeHtml(check.problem)}</p>`));
		return;
	}
	const request = check.request;
	if (req.method === 'GET') {
		sendHtml(res, 200, approvePage(request.appKey, request.user.email, request.scopes, params));
		return;
	}
	if (params.get('decision') !== 'allow') {
		finish(res, request, { error: 'access_denied', error_description: 'The user chose not to give your app access.' });
		return;
	}
	const code = state.tokens.createCode({
		accountId: request.user.accountId,
		appKey: request.appKey,
		scopes: request.scopes,
		redirectUri: request.redirectUri,
		codeChallenge: request.codeChallenge,
		codeChallengeMethod: request.codeChallengeMethod,
		tokenAccessType: request.tokenAccessType,
	});
	finish(res, request, { code: code.code });
}

function finish(res: ServerResponse, request: AuthorizeRequest, outcome: Record<string, string>): void {
	if (request.redirectUri === undefined) {
		const body = outcome.code
			? codePage(outcome.code)
			: page('Access denied', `<p id="error">${escapeHtml(outcome.error_description)}</p>`);
		sendHtml(res, 200, body);
		return;
	}
	const target = new URL(request.redirectUri);
	for (const [name, value] of Object.entries(outcome)) target.searchParams.set(name, value);
	if (request.state !== undefined) target.searchParams.set('state', request.state);
	res.writeHead(302, { Location: target.toString(), 'Content-Length': 0 });
	res.end();
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
	res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html) });
	res.end(html);
}
