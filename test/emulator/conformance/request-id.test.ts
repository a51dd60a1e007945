/**
 * `X-Dropbox-Request-Id` on every answer of every Dropbox host: successes, route errors, Dropbox's 400
 * texts, 401s, 404s, the OAuth pages, downloads, long-polls and injected faults. A fresh id each time.
 */
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import { bearer, rawCall, type RawAnswer } from '../../support/raw-http';

let emu: TestEmulator;
beforeAll(async () => {
	emu = await startTestEmulator();
});
afterAll(() => emu.stop());

const API = 'https://api.dropboxapi.com';
const json = (token: string, body: string) => ({ headers: { ...bearer(token), 'Content-Type': 'application/json' }, body });

it('every answer carries its own X-Dropbox-Request-Id', async () => {
	await emu.admin('POST', '/faults', { route: 'check/app', kind: 'status', status: 429, body: 'text' });
	const token = emu.demo.access_token;
	const answers: Record<string, RawAnswer> = {
		ok: await rawCall(`${API}/2/check/user`, json(token, '{"query":"x"}')),
		routeError: await rawCall(`${API}/2/files/get_metadata`, json(token, '{"path":"/nothing"}')),
		badRequest: await rawCall(`${API}/2/check/user`, json(token, '{')),
		unknownRoute: await rawCall(`${API}/2/files/nope`, json(token, '{}')),
		unauthorized: await rawCall(`${API}/2/check/user`, json('sl.bogus', '{}')),
		notFound: await rawCall(`${API}/not-an-api-path`, { method: 'GET' }),
		tokenEndpoint: await rawCall(`${API}/oauth2/token`, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=nope' }),
		authorizePage: await rawCall(`https://www.dropbox.com/oauth2/authorize?client_id=${emu.demo.app_key}&response_type=code`, { method: 'GET' }),
		download: await rawCall('https://content.dropboxapi.com/2/files/download', {
			headers: { ...bearer(token), 'Dropbox-API-Arg': '{"path":"/Getting Started.txt"}' },
		}),
		longpoll: await rawCall('https://notify.dropboxapi.com/2/files/list_folder/longpoll', json(token, '{"cursor":"x"}')),
		fault: await rawCall(`${API}/2/check/app`, { headers: { Authorization: `Basic ${Buffer.from(`${emu.demo.app_key}:${emu.demo.app_secret}`).toString('base64')}`, 'Content-Type': 'application/json' }, body: '{}' }),
	};
	const ids = Object.entries(answers).map(([name, answer]) => [name, answer.headers['x-dropbox-request-id']]);
	for (const [name, id] of ids) expect([name, id]).toEqual([name, expect.stringMatching(/^[0-9a-f]{32}$/)]);
	expect(new Set(ids.map(([, id]) => id)).size).toBe(ids.length);
	// The statuses show that each kind of answer was met.
	expect(Object.values(answers).map((answer) => answer.status)).toEqual([200, 409, 400, 400, 401, 404, 400, 200, 200, 400, 429]);
});
