import { DropboxApiError } from '../../../nodes/shared/transport';
import { fakeSession, type FakeAnswer } from './session.fixture';

async function* chunksOf(...parts: Array<string | Uint8Array>): AsyncGenerator<Buffer> {
	for (const part of parts) yield Buffer.from(part);
}

/** A session whose one HTTP answer is given; records the request it was sent. */
function answering(answer: FakeAnswer) {
	const { session, sent } = fakeSession({ answer: () => answer });
	return { session, sent };
}

describe('session.download', () => {
	it('hands the body on unread and reads the result from Dropbox-API-Result', async () => {
		const body = chunksOf('hello ', 'world');
		const { session, sent } = answering({
			statusCode: 200,
			headers: { 'dropbox-api-result': '{"name":"Caf\\u00e9.txt","size":11}' },
			body,
		});
		const download = await session.download<{ name: string }>('files/download', {
			arg: { path: '/Café.txt' },
			range: { start: 6 },
		});
		expect(download.result.name).toBe('Café.txt');
		expect(download.body).toBe(body);
		expect(sent[0].url).toBe('https://content.dropboxapi.com/2/files/download');
		expect(sent[0].encoding).toBe('stream');
		// Dropbox refuses a download request that has a body.
		expect(sent[0].body).toBeUndefined();
		expect(sent[0].headers).toMatchObject({ 'Dropbox-API-Arg': '{"path":"/Caf\\u00e9.txt"}', Range: 'bytes=6-' });
	});

	it('reads a streamed 409 body, split inside a multi-byte character, into the error', async () => {
		const summary = Buffer.from('{"error_summary":"path/not_found/..","error":{".tag":"path","path":{".tag":"not_found"}},"x":"é"}');
		const cut = summary.indexOf(0xc3) + 1;
		const { session } = answering({ statusCode: 409, body: chunksOf(summary.subarray(0, cut), summary.subarray(cut)) });
		const failure = session.download('files/download', { arg: { path: '/missing.txt' }, errorContext: { path: '/missing.txt' } });
		await expect(failure).rejects.toBeInstanceOf(DropboxApiError);
		await expect(failure).rejects.toMatchObject({ errorSummary: 'path/not_found', httpCode: '409' });
	});
});
