import { FakeSessionApi } from './fake-credentials';
import { FakeHttpNode } from './fake-http.node';
import { runNode } from './index';
import { LocalHttpServer, sendJson } from './local-http-server';

/** A credential with preAuthentication and an expirable property, driven as n8n's CLI does. */
describe('runNode with a preAuthentication credential', () => {
	let server: LocalHttpServer;
	let validSession: string;
	let logins: number;

	beforeEach(async () => {
		logins = 0;
		validSession = 'session-1';
		server = await LocalHttpServer.start((request, response) => {
			if (request.path === '/login') {
				logins++;
				validSession = `session-${logins}`;
				return sendJson(response, 200, { token: validSession });
			}
			if (request.headers['x-session'] !== validSession) return sendJson(response, 401, { message: 'expired' });
			sendJson(response, 200, { session: request.headers['x-session'] });
		});
	});
	afterEach(async () => await server.stop());

	const run = (sessionToken: string, itemCount = 1) =>
		runNode({
			nodeType: new FakeHttpNode(),
			parameters: { authentication: 'session', url: `${server.url}/data` },
			credentials: { fakeSessionApi: { id: 's-1', name: 'Session', data: { user: 'ann', sessionToken } } },
			credentialTypes: [new FakeSessionApi(`${server.url}/login`)],
			inputItems: Array.from({ length: itemCount }, () => ({ json: {} })),
		});

	it('logs in first when the expirable property is empty, saves the token, and reuses it', async () => {
		const result = await run('', 2);

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([{ session: 'session-1' }, { session: 'session-1' }]);
		expect(server.requestsTo('/login')).toHaveLength(1);
		expect(JSON.parse(server.requestsTo('/login')[0].body.toString())).toEqual({ user: 'ann' });
		expect(result.credentialsHelper.getStoredData('fakeSessionApi')).toEqual({ user: 'ann', sessionToken: 'session-1' });
		expect(result.credentialsHelper.updateCount('fakeSessionApi')).toBe(1);
		expect(result.credentialsHelper.updates[0].kind).toBe('preAuthentication');
	});

	it('does not log in while a stored token works', async () => {
		const result = await run('session-1');

		expect(result.items[0].json).toEqual({ session: 'session-1' });
		expect(server.requestsTo('/login')).toHaveLength(0);
		expect(result.credentialsHelper.updateCount('fakeSessionApi')).toBe(0);
	});

	it('logs in again after a 401, retries, and saves the new token', async () => {
		validSession = 'session-0';
		const result = await run('expired-session');

		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ session: 'session-1' });
		expect(server.requestsTo('/data').map((request) => request.headers['x-session'])).toEqual([
			'expired-session',
			'session-1',
		]);
		expect(result.credentialsHelper.getStoredData('fakeSessionApi').sessionToken).toBe('session-1');
		expect(result.credentialsHelper.updateCount('fakeSessionApi')).toBe(1);
	});
});
