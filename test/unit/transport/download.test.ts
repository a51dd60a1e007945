import type { IHttpRequestOptions } from 'n8n-workflow';

import { DropboxApiError, dropboxDownload, type DropboxContext } from '../../../nodes/Dropbox/transport';
import { dropboxNode } from './node.fixture';

async function* chunksOf(...parts: Array<string | Uint8Array>): AsyncGenerator<Buffer> {
	for (const part of parts) yield Buffer.from(part);
}

/** A context whose one HTTP answer is given; records the request it was sent. */
function answering(answer: { statusCode: number; headers?: Record<string, string>; body: unknown }) {
	const node = dropboxNode({ authentication: 'appApi' }, { dropboxToolkitAppApi: { id: 'c1', name: 'app' } });
	const sent: IHttpRequestOptions[] = [];
	const ctx = {
		getNode: () => node,
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				sent.push(options);
				return { headers: {}, ...answer };
			},
		},
	} as unknown as DropboxContext;
	return { ctx, sent };
}

describe('dropboxDownload', () => {
	it('hands the body on unread and reads the result from Dropbox-API-Result', async () => {
		const body = chunksOf('hello ', 'world');
		const { ctx, sent } = answering({
			statusCode: 200,
			headers: { 'dropbox-api-result': '{"name":"Caf\\u00e9.txt","size":11}' },
			body,
		});
		const download = await dropboxDownload<{ name: string }>(ctx, {
			route: 'files/download',
			arg: { path: '/Café.txt' },
			range: { start: 6 },
		});
		expect(download.result.name).toBe('Café.txt');
		expect(download.body).toBe(body);
		expect(sent[0].url).toBe('https://content.dropboxapi.com/2/files/download');
		expect(sent[0].encoding).toBe('stream');
		expect(sent[0].headers).toMatchObject({ 'Dropbox-API-Arg': '{"path":"/Caf\\u00e9.txt"}', Range: 'bytes=6-' });
	});

	it('reads a streamed 409 body, split inside a multi-byte character, into the error', async () => {
		const summary = Buffer.from('{"error_summary":"path/not_found/..","error":{".tag":"path","path":{".tag":"not_found"}},"x":"é"}');
		const cut = summary.indexOf(0xc3) + 1;
		const { ctx } = answering({ statusCode: 409, body: chunksOf(summary.subarray(0, cut), summary.subarray(cut)) });
		const failure = dropboxDownload(ctx, { route: 'files/download', arg: { path: '/missing.txt' }, errorContext: { path: '/missing.txt' } });
		await expect(failure).rejects.toBeInstanceOf(DropboxApiError);
		await expect(failure).rejects.toMatchObject({ errorSummary: 'path/not_found/..', httpCode: '409' });
	});
});
