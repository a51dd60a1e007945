import { Dropbox, DropboxAuth, DropboxResponseError } from 'dropbox';
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import { basic, rawCall, type RawAnswer } from '../../support/raw-http';
import { describeRoute } from './describe-route';
import { summary } from './summary';

let emu: TestEmulator;
beforeAll(async () => {
	emu = await startTestEmulator();
});
afterAll(() => emu.stop());

const REDIRECT_URI = 'http://localhost:5678/rest/oauth2-credential/callback';
const TOKEN_URL = 'https://api.dropboxapi.com/oauth2/token';

/** What a person does on the authorize page: open it, then press Allow (or Cancel). */
async function approve(authorizeUrl: string, decision: 'allow' | 'deny' = 'allow'): Promise<RawAnswer> {
	const pageAnswer = await rawCall(authorizeUrl, { method: 'GET' });
	expect(pageAnswer.status).toBe(200);
	const form = new URLSearchParams();
	for (const [, name, value] of pageAnswer.text.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
		form.set(unescapeHtml(name), unescapeHtml(value));
	}
	form.set('decision', decision);
	return rawCall('https://www.dropbox.com/oauth2/authorize', {
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: form.toString(),
	});
}

function unescapeHtml(text: string): string {
	return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

function redirectParams(answer: RawAnswer): URLSearchParams {
	expect(answer.status).toBe(302);
	const location = new URL(String(answer.headers.location));
	expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
	return location.searchParams;
}

async function codeFor(query: Record<string, string>): Promise<string> {
	const url = new URL('https://www.dropbox.com/oauth2/authorize');
	for (const [name, value] of Object.entries({ client_id: emu.demo.app_key, response_type: 'code', redirect_uri: REDIRECT_URI, ...query })) {
		url.searchParams.set(name, value);
	}
	return redirectParams(await approve(url.toString())).get('code')!;
}

const form = (params: Record<string, string>, headers: Record<string, string> = {}) => ({
	headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
	body: new URLSearchParams(params).toString(),
});

describeRoute('oauth2/token', () => emu, () => {
	it('completes the PKCE flow of the official SDK: authorize, code, tokens, refresh without the secret', async () => {
		const auth = new DropboxAuth({ clientId: emu.demo.app_key });
		const authorizeUrl = String(await auth.getAuthenticationUrl(REDIRECT_URI, 'state-123', 'code', 'offline', undefined, 'none', true));
		expect(authorizeUrl).toMatch(/^https:\/\/dropbox\.com\/oauth2\/authorize\?/);
		const params = redirectParams(await approve(authorizeUrl));
		expect(params.get('state')).toBe('state-123');

		const tokens = (await auth.getAccessTokenFromCode(REDIRECT_URI, params.get('code')!)).result as Record<string, unknown>;
		expect(tokens).toMatchObject({ token_type: 'bearer', expires_in: 14400, account_id: emu.demo.account_id });
		expect(tokens.refresh_token).toEqual(expect.any(String));
		expect(String(tokens.scope).split(' ')).toContain('files.content.write');
		expect(tokens.uid).toMatch(/^\d+$/);

		auth.setAccessToken(String(tokens.access_token));
		auth.setRefreshToken(String(tokens.refresh_token));
		const dbx = new Dropbox({ auth });
		expect((await dbx.usersGetCurrentAccount()).result.account_id).toBe(emu.demo.account_id);

		// A PKCE client has no secret: it refreshes with client_id alone.
		await auth.refreshAccessToken();
		expect(auth.getAccessToken()).not.toBe(tokens.access_token);
		expect((await dbx.checkUser({ query: 'refreshed' })).result).toEqual({ result: 'refreshed' });
	});

	it('refreshes with parameters in a form body and Basic client auth; the answer has exactly Dropbox\'s three fields', async () => {
		const answer = await rawCall(TOKEN_URL, form({ grant_type: 'refresh_token', refresh_token: emu.demo.refresh_token }, basic(emu.demo.app_key, emu.demo.app_secret)));
		expect(answer.status).toBe(200);
		// No refresh_token, uid, account_id or scope: a client must keep what the code exchange gave it.
		expect(answer.json()).toEqual({ access_token: expect.stringMatching(/^sl\./), token_type: 'bearer', expires_in: 14400 });
	});

	it('a refresh may narrow the scopes; a narrowed token gets missing_scope with required_scope', async () => {
		const answer = await rawCall(
			`${TOKEN_URL}?grant_type=refresh_token&refresh_token=${emu.demo.refresh_token}&client_id=${emu.demo.app_key}` +
				`&client_secret=${emu.demo.app_secret}&scope=account_info.read`,
		);
		const { access_token: token, scope } = answer.json<{ access_token: string; scope: string }>();
		expect(scope).toBe('account_info.read');
		const dbx = new Dropbox({ accessToken: token });
		await expect(dbx.usersGetCurrentAccount()).resolves.toBeDefined();
		const error = (await dbx.usersGetAccount({ account_id: emu.demo.account_id }).catch((e: unknown) => e)) as DropboxResponseError<unknown>;
		expect(error.status).toBe(401);
		expect(error.error).toEqual({
			error_summary: summary('missing_scope'),
			error: { '.tag': 'missing_scope', required_scope: 'sharing.read' },
		});
	});

	it('a code works once, only with its redirect_uri and its PKCE verifier', async () => {
		const secretParams = { client_id: emu.demo.app_key, client_secret: emu.demo.app_secret, grant_type: 'authorization_code' };
		const code = await codeFor({ token_access_type: 'offline' });
		const wrongRedirect = await rawCall(TOKEN_URL, form({ ...secretParams, code, redirect_uri: 'http://localhost/other' }));
		expect(wrongRedirect.status).toBe(400);
		expect(wrongRedirect.json()).toEqual({ error: 'invalid_grant', error_description: 'redirect_uri mismatch' });
		// A failed attempt used the code up, as Dropbox's codes are single-use.
		const again = await rawCall(TOKEN_URL, form({ ...secretParams, code, redirect_uri: REDIRECT_URI }));
		expect(again.json()).toMatchObject({ error: 'invalid_grant' });

		const challenge = 'a'.repeat(43);
		const pkceCode = await codeFor({ code_challenge: challenge, code_challenge_method: 'plain' });
		const noVerifier = await rawCall(TOKEN_URL, form({ client_id: emu.demo.app_key, grant_type: 'authorization_code', code: pkceCode, redirect_uri: REDIRECT_URI, code_verifier: 'b'.repeat(43) }));
		expect(noVerifier.json()).toEqual({ error: 'invalid_grant', error_description: 'invalid code verifier' });
	});

	it('online and legacy codes give tokens without a refresh token', async () => {
		for (const type of ['online', 'legacy']) {
			const code = await codeFor({ token_access_type: type });
			const answer = await rawCall(TOKEN_URL, form({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI }, basic(emu.demo.app_key, emu.demo.app_secret)));
			const body = answer.json<Record<string, unknown>>();
			expect(body.access_token).toEqual(expect.any(String));
			expect(body).not.toHaveProperty('refresh_token');
			expect('expires_in' in body).toBe(type === 'online');
		}
	});

	it('answers OAuth errors as JSON: invalid_grant, invalid_client, unsupported_grant_type', async () => {
		const cases: Array<[Record<string, string>, number, string]> = [
			[{ grant_type: 'refresh_token', refresh_token: 'nope', client_id: emu.demo.app_key, client_secret: emu.demo.app_secret }, 400, 'invalid_grant'],
			[{ grant_type: 'refresh_token', refresh_token: emu.demo.refresh_token, client_id: emu.demo.app_key, client_secret: 'bad' }, 400, 'invalid_client'],
			[{ grant_type: 'refresh_token', refresh_token: emu.demo.refresh_token, client_id: 'unknownapp', client_secret: 'x' }, 400, 'invalid_client'],
			[{ grant_type: 'refresh_token', refresh_token: emu.demo.refresh_token, client_id: emu.demo.app_key }, 400, 'invalid_client'],
			[{ grant_type: 'password', client_id: emu.demo.app_key }, 400, 'unsupported_grant_type'],
		];
		for (const [params, status, error] of cases) {
			const answer = await rawCall(TOKEN_URL, form(params));
			expect([answer.status, answer.json<{ error: string }>().error]).toEqual([status, error]);
		}
	});
});

describe('oauth2/authorize page', () => {
	it('Cancel redirects with error=access_denied and the state', async () => {
		const url = `https://www.dropbox.com/oauth2/authorize?client_id=${emu.demo.app_key}&response_type=code&redirect_uri=${REDIRECT_URI}&state=s1`;
		const params = redirectParams(await approve(url, 'deny'));
		expect(params.get('error')).toBe('access_denied');
		expect(params.get('state')).toBe('s1');
		expect(params.has('code')).toBe(false);
	});

	it('without redirect_uri shows the code on the page; the code gives tokens', async () => {
		const answer = await approve(`https://www.dropbox.com/oauth2/authorize?client_id=${emu.demo.app_key}&response_type=code&token_access_type=offline`);
		expect(answer.status).toBe(200);
		const code = /<input id="code" readonly value="([^"]+)">/.exec(answer.text)?.[1];
		expect(code).toBeTruthy();
		const dbx = new DropboxAuth({ clientId: emu.demo.app_key, clientSecret: emu.demo.app_secret });
		const tokens = (await dbx.getAccessTokenFromCode('', code!)).result as Record<string, unknown>;
		expect(tokens.refresh_token).toEqual(expect.any(String));
	});

	it('refuses an unknown client_id, another response_type, and unknown scopes with a 400 page', async () => {
		const base = 'https://www.dropbox.com/oauth2/authorize';
		const bad = [
			`${base}?client_id=unknownapp&response_type=code`,
			`${base}?client_id=${emu.demo.app_key}&response_type=token&redirect_uri=${REDIRECT_URI}`,
			`${base}?client_id=${emu.demo.app_key}&response_type=code&scope=files.everything`,
		];
		for (const url of bad) {
			const answer = await rawCall(url, { method: 'GET' });
			expect(answer.status).toBe(400);
			expect(answer.text).toContain('id="error"');
		}
	});

	it('signs in as another account with account_id', async () => {
		const other = await emu.admin<{ account_id: string; app_key: string; app_secret: string }>('POST', '/accounts', {});
		const code = await codeFor({ account_id: other.account_id, token_access_type: 'online' });
		const answer = await rawCall(TOKEN_URL, form({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI }, basic(emu.demo.app_key, emu.demo.app_secret)));
		expect(answer.json()).toMatchObject({ account_id: other.account_id });
	});
});
