/** Wire details the SDK hides: 400 text bodies, header-safe JSON, `arg` in the query, 401s, faults, log. */
import { Dropbox, DropboxResponseError } from 'dropbox';
import { Agent, request } from 'undici';
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import { bearer, rawCall } from '../../support/raw-http';
import type { AccountCredentials } from '../accounts/credentials';
import { summary } from './summary';

let emu: TestEmulator;
beforeAll(async () => {
	emu = await startTestEmulator();
});
afterAll(() => emu.stop());

const API = 'https://api.dropboxapi.com/2';
const CONTENT = 'https://content.dropboxapi.com/2';
const json = (token: string, body: string) => ({ headers: { ...bearer(token), 'Content-Type': 'application/json' }, body });

describe('400 plain-text answers', () => {
	it('names an unknown function', async () => {
		const answer = await rawCall(`${API}/files/no_such_route`, json(emu.demo.access_token, '{}'));
		expect([answer.status, answer.text]).toEqual([
			400,
			'Error in call to API function "files/no_such_route": Unknown API function: /2/files/no_such_route',
		]);
	});

	it('refuses a route on the wrong host', async () => {
		const answer = await rawCall(`${API}/files/download`, { headers: { ...bearer(emu.demo.access_token), 'Dropbox-API-Arg': '{"path":"/x"}' } });
		expect(answer.status).toBe(400);
		expect(answer.text).toMatch(/^Error in call to API function "files\/download": .*content\.dropboxapi\.com/);
	});

	it('refuses a body that is not JSON', async () => {
		const answer = await rawCall(`${API}/check/user`, json(emu.demo.access_token, '{"query":'));
		expect([answer.status, answer.text]).toEqual([
			400,
			'Error in call to API function "check/user": request body: could not decode input as JSON',
		]);
	});

	it('refuses a wrong Content-Type for RPC', async () => {
		const answer = await rawCall(`${API}/check/user`, { headers: { ...bearer(emu.demo.access_token), 'Content-Type': 'text/plain' }, body: '{}' });
		expect(answer.status).toBe(400);
		expect(answer.text).toMatch(/^Error in call to API function "check\/user": Bad HTTP "Content-Type" header: "text\/plain"/);
	});

	it('refuses an argument that breaks the spec (missing required field), naming the field', async () => {
		const answer = await rawCall(`${API}/users/get_account`, json(emu.demo.access_token, '{}'));
		expect(answer.status).toBe(400);
		expect(answer.text).toMatch(/^Error in call to API function "users\/get_account": request body: .*account_id/);
	});

	it('refuses a JSON body for a Void route other than null', async () => {
		const ok = await rawCall(`${API}/users/get_current_account`, json(emu.demo.access_token, 'null'));
		expect(ok.status).toBe(200);
		const bad = await rawCall(`${API}/users/get_current_account`, json(emu.demo.access_token, '{"a":1}'));
		expect(bad.status).toBe(400);
	});

	it('asks for the Authorization header when it is missing or malformed', async () => {
		const missing = await rawCall(`${API}/check/user`, { headers: { 'Content-Type': 'application/json' }, body: '{}' });
		expect([missing.status, missing.text]).toEqual([
			400,
			'Error in call to API function "check/user": Must provide HTTP header "Authorization" or URL parameter "authorization".',
		]);
		const malformed = await rawCall(`${API}/check/user`, { headers: { Authorization: 'Token abc', 'Content-Type': 'application/json' }, body: '{}' });
		expect(malformed.status).toBe(400);
		expect(malformed.text).toContain('Expecting "Bearer <oauth2-access-token>"');
	});

	it('answers 405 for a method other than POST on an RPC route', async () => {
		const answer = await rawCall(`${API}/check/user`, { method: 'GET', headers: bearer(emu.demo.access_token) });
		expect(answer.status).toBe(405);
	});

	it('does not serve team routes', async () => {
		const answer = await rawCall(`${API}/team/get_info`, json(emu.demo.access_token, 'null'));
		expect(answer.status).toBe(400);
		expect(answer.text).toMatch(/^Error in call to API function "team\/get_info"/);
	});
});

describe('401 JSON answers', () => {
	it('invalid, expired, and missing_scope tokens', async () => {
		const invalid = await rawCall(`${API}/check/user`, json('sl.bogus', '{}'));
		expect([invalid.status, invalid.json()]).toEqual([401, { error_summary: summary('invalid_access_token'), error: { '.tag': 'invalid_access_token' } }]);

		const account = await emu.admin<AccountCredentials>('POST', '/accounts', {});
		await emu.admin('POST', '/tokens/expire', { account_id: account.account_id });
		const expired = await rawCall(`${API}/check/user`, json(account.access_token, '{}'));
		expect([expired.status, expired.json()]).toEqual([401, { error_summary: summary('expired_access_token'), error: { '.tag': 'expired_access_token' } }]);

		const narrow = await rawCall(
			`https://api.dropboxapi.com/oauth2/token?grant_type=refresh_token&refresh_token=${emu.demo.refresh_token}` +
				`&client_id=${emu.demo.app_key}&client_secret=${emu.demo.app_secret}&scope=account_info.read`,
		);
		const token = narrow.json<{ access_token: string }>().access_token;
		const noScope = await rawCall(`${API}/files/list_folder`, json(token, '{"path":""}'));
		expect([noScope.status, noScope.json()]).toEqual([
			401,
			{ error_summary: summary('missing_scope'), error: { '.tag': 'missing_scope', required_scope: 'files.metadata.read' } },
		]);
	});
});

describe('downloads', () => {
	const name = '/Café/naïve – 日本 😀.txt';
	const content = Buffer.from('0123456789abcdef');
	beforeAll(async () => {
		await emu.admin('POST', '/files', { account_id: emu.demo.account_id, path: name, content_base64: content.toString('base64') });
	});

	it('answers in Dropbox-API-Result with header-safe JSON; the argument may come in the `arg` query parameter', async () => {
		const arg = encodeURIComponent(JSON.stringify({ path: name }));
		const answer = await rawCall(`${CONTENT}/files/download?arg=${arg}`, { headers: bearer(emu.demo.access_token) });
		expect(answer.status).toBe(200);
		expect(answer.headers['content-type']).toBe('application/octet-stream');
		const header = String(answer.headers['dropbox-api-result']);
		expect(header).toMatch(/^[\x20-\x7e]+$/);
		expect(header).toContain('\\u00ef');
		expect(JSON.parse(header)).toMatchObject({ name: 'naïve – 日本 😀.txt', size: content.length });
		expect(answer.text).toBe(content.toString());
	});

	it('serves Range requests with 206 and refuses a range past the end with 416', async () => {
		const headers = { ...bearer(emu.demo.access_token), 'Dropbox-API-Arg': JSON.stringify({ path: name }).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) };
		const partial = await rawCall(`${CONTENT}/files/download`, { headers: { ...headers, Range: 'bytes=10-' } });
		expect([partial.status, partial.headers['content-range'], partial.text]).toEqual([206, 'bytes 10-15/16', 'abcdef']);
		const beyond = await rawCall(`${CONTENT}/files/download`, { headers: { ...headers, Range: 'bytes=16-20' } });
		expect([beyond.status, beyond.headers['content-range']]).toEqual([416, 'bytes */16']);
	});

	it('accepts the token in the `authorization` query parameter (GET)', async () => {
		const arg = encodeURIComponent(JSON.stringify({ path: name }));
		const auth = encodeURIComponent(`Bearer ${emu.demo.access_token}`);
		const answer = await rawCall(`${CONTENT}/files/download?arg=${arg}&authorization=${auth}`, { method: 'GET' });
		expect([answer.status, answer.text]).toEqual([200, content.toString()]);
	});

	it('a reset fault sends part of the body, then drops the connection', async () => {
		await emu.admin('POST', '/faults', { route: 'files/download', kind: 'reset', after_bytes: 4 });
		// Seen on the wire: the SDK (10.34, through node-fetch 2) never settles a download whose connection drops
		// mid-body, because node-fetch pipes the response into a stream that does not pass the error on.
		const arg = encodeURIComponent(JSON.stringify({ path: name }));
		const cut = await request(`${CONTENT}/files/download?arg=${arg}`, { method: 'POST', headers: bearer(emu.demo.access_token) });
		expect([cut.statusCode, cut.headers['content-length']]).toEqual([200, String(content.length)]);
		let received = 0;
		const reading = (async () => {
			for await (const chunk of cut.body) received += (chunk as Buffer).length;
		})();
		await expect(reading).rejects.toThrow();
		expect(received).toBeLessThanOrEqual(4);
		const whole = await new Dropbox({ accessToken: emu.demo.access_token }).filesDownload({ path: name });
		expect(Buffer.from((whole.result as unknown as { fileBinary: Buffer }).fileBinary)).toEqual(content);
	});
});

describe('faults, latency and the log', () => {
	it('a 429 fault answers too_many_requests with Retry-After, as the SDK shows it', async () => {
		await emu.admin('POST', '/faults', { route: 'check/user', kind: 'status', status: 429, retry_after: 7 });
		const dbx = new Dropbox({ accessToken: emu.demo.access_token });
		const error = (await dbx.checkUser({ query: 'x' }).catch((e: unknown) => e)) as DropboxResponseError<unknown>;
		expect(error.status).toBe(429);
		expect(error.headers.get('retry-after')).toBe('7');
		expect(error.error).toEqual({
			error_summary: summary('too_many_requests'),
			error: { reason: { '.tag': 'too_many_requests' }, retry_after: 7 },
		});
		await expect(dbx.checkUser({ query: 'x' })).resolves.toBeDefined();
	});

	it('status faults answer 5xx as text and 409 as JSON, `times` in a row', async () => {
		await emu.admin('POST', '/faults', { route: 'check/user', kind: 'status', status: 503, times: 2 });
		await emu.admin('POST', '/faults', { route: 'check/user', kind: 'status', status: 409 });
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await rawCall(`${API}/check/user`, json(emu.demo.access_token, '{}'))).status);
		expect(statuses).toEqual([503, 503, 409, 200]);
	});

	it('a reset fault on an RPC route drops the connection without an answer', async () => {
		await emu.admin('POST', '/faults', { route: 'check/user', kind: 'reset' });
		await expect(rawCall(`${API}/check/user`, json(emu.demo.access_token, '{}'))).rejects.toThrow();
		const log = await emu.log();
		expect(log.filter((e) => e.route === 'check/user').at(-1)?.status).toBe(0);
	});

	it('a reset fault on an upload reads part of the body, drops the line, and stores nothing', async () => {
		await emu.admin('POST', '/faults', { route: 'files/upload', kind: 'reset', after_bytes: 1024 });
		const dbx = new Dropbox({ accessToken: emu.demo.access_token });
		await expect(dbx.filesUpload({ path: '/dropped.bin', contents: Buffer.alloc(64 * 1024, 1) })).rejects.toThrow();
		const stat = `/files?account_id=${encodeURIComponent(emu.demo.account_id)}&path=/dropped.bin`;
		await expect(emu.admin('GET', stat)).rejects.toThrow(/404/);
		await dbx.filesUpload({ path: '/dropped.bin', contents: Buffer.alloc(64 * 1024, 1) });
		await expect(emu.admin('GET', stat)).resolves.toMatchObject({ size: 64 * 1024 });
	});

	it('a delay fault holds the answer at least that long (log ms)', async () => {
		await emu.admin('POST', '/faults', { route: 'check/app', kind: 'delay', delay_ms: 120 });
		const dbx = new Dropbox({ clientId: emu.demo.app_key, clientSecret: emu.demo.app_secret });
		await dbx.checkApp({ query: 'slow' });
		const entry = (await emu.log()).filter((e) => e.route === 'check/app').at(-1);
		expect(entry).toMatchObject({ host: 'api.dropboxapi.com', status: 200 });
		expect(entry!.ms).toBeGreaterThanOrEqual(120);
	});

	it('logs every request with host, route and status', async () => {
		await rawCall(`${API}/files/nope`, json(emu.demo.access_token, '{}'));
		const log = await emu.log();
		expect(log.at(-1)).toEqual({ host: 'api.dropboxapi.com', route: 'files/nope', status: 400, ms: expect.any(Number) });
	});
});

describe('admin interface', () => {
	it('answers 404 for an unknown call and 400 for a bad fault', async () => {
		await expect(emu.admin('GET', '/nothing')).rejects.toThrow(/404/);
		await expect(emu.admin('POST', '/faults', { route: 'check/user', kind: 'explode' })).rejects.toThrow(/400/);
		await expect(emu.admin('POST', '/tokens/expire', { account_id: 'dbid:none' })).rejects.toThrow(/404/);
	});

	it('seeds and describes files', async () => {
		const seeded = await emu.admin<{ size: number }>('POST', '/files', { account_id: emu.demo.account_id, path: '/seeded.bin', size: 5000 });
		expect(seeded.size).toBe(5000);
		const stat = await emu.admin('GET', `/files?account_id=${encodeURIComponent(emu.demo.account_id)}&path=/seeded.bin`);
		expect(stat).toMatchObject({ size: 5000, content_hash: expect.stringMatching(/^[0-9a-f]{64}$/), rev: expect.any(String), id: expect.stringMatching(/^id:/) });
		await expect(emu.admin('GET', `/files?account_id=${encodeURIComponent(emu.demo.account_id)}&path=/absent`)).rejects.toThrow(/404/);
	});

	it('reset returns to the start state with the same demo credentials', async () => {
		const demo = { ...emu.demo };
		const extra = await emu.admin<AccountCredentials>('POST', '/accounts', {});
		await emu.admin('POST', '/reset');
		expect(emu.demo).toEqual(demo);
		expect(await emu.log()).toEqual([]);
		const dbx = new Dropbox({ clientId: demo.app_key, clientSecret: demo.app_secret, refreshToken: demo.refresh_token });
		expect((await dbx.usersGetCurrentAccount()).result.account_id).toBe(demo.account_id);
		expect((await new Dropbox({ accessToken: demo.access_token }).checkUser({ query: 'same' })).result.result).toBe('same');
		const gone = await rawCall(`${API}/check/user`, json(extra.access_token, '{}'));
		expect(gone.status).toBe(401);
		await expect(emu.admin('GET', `/files?account_id=${encodeURIComponent(demo.account_id)}&path=/seeded.bin`)).rejects.toThrow(/404/);
	});
});

describe('latency', () => {
	it('--latency-ms delays every Dropbox request', async () => {
		const slow = await startTestEmulator({ latencyMs: 80 });
		// Fresh connections: the shared pool still holds some to this file's other emulator.
		const dispatcher = new Agent();
		try {
			const answer = await rawCall(`${API}/check/user`, { ...json(slow.demo.access_token, '{}'), dispatcher });
			expect(answer.status).toBe(200);
			const [entry] = await slow.log();
			expect(entry.ms).toBeGreaterThanOrEqual(80);
		} finally {
			await dispatcher.close();
			await slow.stop();
			// This file's emulator takes the redirect back.
			const { install } = await import('../../support/redirect-dropbox.cjs');
			install({ url: emu.url, ca: emu.ca });
		}
	});
});
