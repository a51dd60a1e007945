/**
 * 429 in each of the shapes Dropbox sends, chosen with the fault's `body`: JSON with `retry_after` and
 * `Retry-After`, JSON without `retry_after`, and plain text. A client has to survive all three.
 */
import { Dropbox, DropboxResponseError } from 'dropbox';
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import { bearer, rawCall } from '../../support/raw-http';
import { summary } from './summary';

let emu: TestEmulator;
beforeAll(async () => {
	emu = await startTestEmulator();
});
afterAll(() => emu.stop());

const CHECK = 'https://api.dropboxapi.com/2/check/user';
const check = () => rawCall(CHECK, { headers: { ...bearer(emu.demo.access_token), 'Content-Type': 'application/json' }, body: '{"query":"q"}' });
const fault = (extra: Record<string, unknown>) => emu.admin('POST', '/faults', { route: 'check/user', kind: 'status', status: 429, ...extra });

it('json (the default): retry_after in the body and Retry-After', async () => {
	await fault({ body: 'json', retry_after: 4 });
	const answer = await check();
	expect([answer.status, answer.headers['retry-after'], answer.headers['content-type']]).toEqual([429, '4', 'application/json']);
	expect(answer.json()).toEqual({ error_summary: summary('too_many_requests'), error: { reason: { '.tag': 'too_many_requests' }, retry_after: 4 } });
});

it('json_no_retry_after: no retry_after, and Retry-After only when the fault names a wait', async () => {
	await fault({ body: 'json_no_retry_after' });
	const bare = await check();
	expect(bare.status).toBe(429);
	expect(bare.headers['retry-after']).toBeUndefined();
	expect(bare.json()).toEqual({ error_summary: summary('too_many_requests'), error: { reason: { '.tag': 'too_many_requests' } } });

	await fault({ body: 'json_no_retry_after', retry_after: 2 });
	const withHeader = await check();
	expect(withHeader.headers['retry-after']).toBe('2');
	expect(withHeader.json()).not.toHaveProperty('error.retry_after');
});

it('text: a plain-text body', async () => {
	await fault({ body: 'text', retry_after: 3 });
	const answer = await check();
	expect([answer.status, answer.headers['retry-after'], answer.text]).toEqual([429, '3', 'Too many requests']);
	expect(answer.headers['content-type']).toMatch(/^text\/plain/);
});

it('the official SDK reports each shape as a 429', async () => {
	const dbx = new Dropbox({ accessToken: emu.demo.access_token });
	for (const body of ['json', 'json_no_retry_after', 'text']) {
		await fault({ body });
		const error = await dbx.checkUser({ query: 'q' }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DropboxResponseError);
		expect((error as DropboxResponseError<unknown>).status).toBe(429);
	}
	await expect(dbx.checkUser({ query: 'q' })).resolves.toBeDefined();
});

it('refuses a body shape that is not one of the three, or on another status', async () => {
	await expect(fault({ body: 'html' })).rejects.toThrow(/400/);
	await expect(emu.admin('POST', '/faults', { route: 'check/user', kind: 'status', status: 503, body: 'text' })).rejects.toThrow(/400/);
});
