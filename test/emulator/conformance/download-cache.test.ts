/**
 * Download routes as Dropbox serves them beyond the bytes: a weak ETag made from the rev, 304 with no
 * body for a matching `If-None-Match` (POST and GET alike), and a 400 for a request that has a body.
 */
import { Dropbox } from 'dropbox';
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import { bearer, rawCall } from '../../support/raw-http';

let emu: TestEmulator;
beforeAll(async () => {
	emu = await startTestEmulator();
});
afterAll(() => emu.stop());

const DOWNLOAD = 'https://content.dropboxapi.com/2/files/download';
const PATH = '/Cache/file.txt';

async function upload(text: string): Promise<{ rev: string }> {
	const dbx = new Dropbox({ accessToken: emu.demo.access_token });
	return (await dbx.filesUpload({ path: PATH, contents: Buffer.from(text), mode: { '.tag': 'overwrite' } })).result;
}

function download(headers: Record<string, string> = {}, body?: string) {
	return rawCall(DOWNLOAD, {
		headers: { ...bearer(emu.demo.access_token), 'Dropbox-API-Arg': JSON.stringify({ path: PATH }), ...headers },
		body,
	});
}

describe('ETag and If-None-Match', () => {
	it('tags a download with W/"<rev>" and answers 304 with no body when the tag still matches', async () => {
		const { rev } = await upload('first');
		const whole = await download();
		expect(whole.status).toBe(200);
		expect(whole.headers.etag).toBe(`W/"${rev}"`);
		expect(whole.text).toBe('first');

		const cached = await download({ 'If-None-Match': String(whole.headers.etag) });
		expect(cached.status).toBe(304);
		expect(cached.text).toBe('');
		expect(cached.headers.etag).toBe(`W/"${rev}"`);
	});

	it('serves the new content once the file has changed', async () => {
		const { rev: old } = await upload('before');
		const { rev } = await upload('after');
		const fresh = await download({ 'If-None-Match': `W/"${old}"` });
		expect([fresh.status, fresh.text, fresh.headers.etag]).toEqual([200, 'after', `W/"${rev}"`]);
	});

	it('honours If-None-Match on GET with the argument in the query', async () => {
		const { rev } = await upload('by get');
		const arg = encodeURIComponent(JSON.stringify({ path: PATH }));
		const answer = await rawCall(`${DOWNLOAD}?arg=${arg}`, {
			method: 'GET',
			headers: { ...bearer(emu.demo.access_token), 'If-None-Match': `W/"${rev}"` },
		});
		expect(answer.status).toBe(304);
	});
});

describe('a download request with a body', () => {
	it('is a 400 that quotes the body, as Dropbox answers it', async () => {
		await upload('x');
		const answer = await download({ 'Content-Type': 'application/json' }, '{"path":"/Cache/file.txt"}');
		expect(answer.status).toBe(400);
		expect(answer.headers['content-type']).toMatch(/^text\/plain/);
		expect(answer.text).toBe(
			'Error in call to API function "files/download": The request body is supposed to be empty, but it isn\'t; got "{\\"path\\":\\"/Cache/file.txt\\"}"',
		);
	});

	it('an empty body is no body', async () => {
		expect((await download({}, '')).status).toBe(200);
	});
});
