import { FakeOAuth2Api } from './fake-credentials';
import { FakeHttpNode } from './fake-http.node';
import { runNode } from './index';
import { LocalHttpServer, sendJson } from './local-http-server';

/**
 * An OAuth2 credential goes through n8n-core's own requestOAuth2: bearer token from
 * oauthTokenData, refresh via @n8n/client-oauth2 on 401, new token data saved.
 */
describe('runNode with an OAuth2 credential', () => {
	let server: LocalHttpServer;
	let validToken: string;
	let refuseRefresh: boolean;

	beforeEach(async () => {
		validToken = 'fresh-token';
		refuseRefresh = false;
		server = await LocalHttpServer.start((request, response) => {
			if (request.path === '/oauth2/token' && refuseRefresh) {
				return sendJson(response, 400, { error: 'invalid_grant' });
			}
			if (request.path === '/oauth2/token') {
				// Dropbox answers a refresh without a refresh_token: the old one stays valid.
				return sendJson(response, 200, { access_token: validToken, token_type: 'bearer', expires_in: 14400 });
			}
			if (request.headers.authorization !== `Bearer ${validToken}`) {
				return sendJson(response, 401, { error_summary: 'expired_access_token/' });
			}
			sendJson(response, 200, { ok: true });
		});
	});
	afterEach(async () => await server.stop());

	const credential = (accessToken: string) => ({
		fakeOAuth2Api: {
			id: 'oauth-1',
			name: 'OAuth',
			data: {
				clientId: 'app-key',
				clientSecret: 'app-secret',
				oauthTokenData: { access_token: accessToken, refresh_token: 'refresh-1', token_type: 'bearer' },
			},
		},
	});

	it('refreshes on 401, stores the new token, keeps the refresh token, and reuses it for the next item', async () => {
		const result = await runNode({
			nodeType: new FakeHttpNode(),
			parameters: { authentication: 'oAuth2', url: `${server.url}/data` },
			credentials: credential('stale-token'),
			credentialTypes: [new FakeOAuth2Api(`${server.url}/oauth2/token`)],
			inputItems: [{ json: {} }, { json: {} }],
		});

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([{ ok: true }, { ok: true }]);

		const tokenRequests = server.requestsTo('/oauth2/token');
		expect(tokenRequests).toHaveLength(1);
		const form = new URLSearchParams(tokenRequests[0].body.toString());
		expect(form.get('grant_type')).toBe('refresh_token');
		expect(form.get('refresh_token')).toBe('refresh-1');
		// authentication 'header' (the type's default): client id and secret as Basic auth.
		expect(tokenRequests[0].headers.authorization).toBe(
			`Basic ${Buffer.from('app-key:app-secret').toString('base64')}`,
		);

		// stale (401), fresh retry, then the second item straight with the stored fresh token.
		expect(server.requestsTo('/data').map((request) => request.headers.authorization)).toEqual([
			'Bearer stale-token',
			'Bearer fresh-token',
			'Bearer fresh-token',
		]);

		const stored = result.credentialsHelper.getStoredData('fakeOAuth2Api');
		expect(stored.oauthTokenData).toMatchObject({
			access_token: 'fresh-token',
			refresh_token: 'refresh-1',
		});
		expect(stored.clientSecret).toBe('app-secret');
		expect(result.credentialsHelper.updateCount('fakeOAuth2Api')).toBe(1);
		expect(result.credentialsHelper.updates[0].kind).toBe('oauthTokenData');
	});

	it('a later run starts from the token an earlier run saved', async () => {
		const credentialTypes = [new FakeOAuth2Api(`${server.url}/oauth2/token`)];
		const first = await runNode({
			nodeType: new FakeHttpNode(),
			parameters: { authentication: 'oAuth2', url: `${server.url}/data` },
			credentials: credential('stale-token'),
			credentialTypes,
		});
		validToken = 'second-token';
		const second = await runNode({
			nodeType: new FakeHttpNode(),
			parameters: { authentication: 'oAuth2', url: `${server.url}/data` },
			credentialsHelper: first.credentialsHelper,
			// Given again, but the store already holds it: the renewed token must survive.
			credentials: credential('stale-token'),
		});

		expect(second.error).toBeUndefined();
		expect(server.requestsTo('/data').map((request) => request.headers.authorization)).toEqual([
			'Bearer stale-token',
			'Bearer fresh-token',
			'Bearer fresh-token',
			'Bearer second-token',
		]);
		expect(second.credentialsHelper.updateCount('fakeOAuth2Api')).toBe(2);
		expect(second.credentialsHelper.getStoredData('fakeOAuth2Api').oauthTokenData).toMatchObject({
			access_token: 'second-token',
			refresh_token: 'refresh-1',
		});
	});

	it('fails the run and stores nothing when the token endpoint refuses the refresh', async () => {
		refuseRefresh = true;
		const result = await runNode({
			nodeType: new FakeHttpNode(),
			parameters: { authentication: 'oAuth2', url: `${server.url}/data` },
			credentials: credential('stale-token'),
			credentialTypes: [new FakeOAuth2Api(`${server.url}/oauth2/token`)],
		});

		expect(result.status).toBe('error');
		expect(server.requestsTo('/oauth2/token')).toHaveLength(1);
		expect(result.credentialsHelper.updateCount('fakeOAuth2Api')).toBe(0);
		expect(result.credentialsHelper.getStoredData('fakeOAuth2Api').oauthTokenData).toMatchObject({
			access_token: 'stale-token',
		});
	});

	it('fails the run without calling the token endpoint when no refresh token is stored', async () => {
		const result = await runNode({
			nodeType: new FakeHttpNode(),
			parameters: { authentication: 'oAuth2', url: `${server.url}/data` },
			credentials: {
				fakeOAuth2Api: {
					id: 'oauth-2',
					name: 'OAuth',
					data: { clientId: 'app-key', clientSecret: 'app-secret', oauthTokenData: { access_token: 'stale-token' } },
				},
			},
			credentialTypes: [new FakeOAuth2Api(`${server.url}/oauth2/token`)],
		});

		expect(result.status).toBe('error');
		expect(result.credentialsHelper.updateCount('fakeOAuth2Api')).toBe(0);
		expect(server.requestsTo('/oauth2/token')).toHaveLength(0);
	});
});
