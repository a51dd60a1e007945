import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { IBinaryData, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	downloadFile,
	downloadFolderZip,
	openDownload,
	type BinaryContext,
	type DownloadRequest,
} from '../../../nodes/shared/transfer/download';
import { DropboxApiError } from '../../../nodes/shared/transport';
import { dropboxNode } from '../transport/node.fixture';
import { fakeSession, recordingPolicy, routeOf, type FakeAnswer } from '../transport/session.fixture';

const MiB = 1024 * 1024;

/** Dropbox's content hash, written out independently of the code under test. */
function dropboxContentHash(bytes: Buffer): string {
	const blocks: Buffer[] = [];
	for (let offset = 0; offset < bytes.length; offset += 4 * MiB) {
		blocks.push(createHash('sha256').update(bytes.subarray(offset, offset + 4 * MiB)).digest());
	}
	return createHash('sha256').update(Buffer.concat(blocks)).digest('hex');
}

/** A response body handing out `bytes` in pieces of `piece` bytes; `failAt` makes it fail like a dropped line. */
async function* bodyOf(bytes: Buffer, options: { piece?: number; failAt?: number; endAt?: number } = {}): AsyncGenerator<Buffer> {
	const piece = options.piece ?? 64 * 1024;
	const end = options.endAt ?? bytes.length;
	for (let offset = 0; offset < end; offset += piece) {
		const next = Math.min(offset + piece, end);
		if (options.failAt !== undefined && next > options.failAt) {
			if (options.failAt > offset) yield bytes.subarray(offset, options.failAt);
			throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
		}
		yield bytes.subarray(offset, next);
	}
}

function metadataOf(bytes: Buffer, overrides: Record<string, unknown> = {}) {
	return { name: 'Zoë 🚀.bin', rev: '015f0000000000000001', size: bytes.length, content_hash: dropboxContentHash(bytes), ...overrides };
}

function resultHeader(result: unknown): Record<string, string> {
	return { 'dropbox-api-result': JSON.stringify(result).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) };
}

/** A file answer; with `range`, a 206 from that byte as Dropbox sends it. */
function fileAnswer(bytes: Buffer, body: AsyncIterable<Buffer>, options: { range?: number; metadata?: object } = {}): FakeAnswer {
	const headers = resultHeader(options.metadata ?? metadataOf(bytes));
	if (options.range !== undefined) headers['content-range'] = `bytes ${options.range}-${bytes.length - 1}/${bytes.length}`;
	return { statusCode: options.range !== undefined ? 206 : 200, headers, body };
}

async function collect(body: AsyncIterable<Buffer>): Promise<Buffer> {
	const pieces: Buffer[] = [];
	for await (const piece of body) pieces.push(piece);
	return Buffer.concat(pieces);
}

function argOf(request: IHttpRequestOptions): unknown {
	return JSON.parse(String((request.headers as Record<string, string>)['Dropbox-API-Arg']));
}

function rangeOf(request: IHttpRequestOptions): string | undefined {
	return (request.headers as Record<string, string>).Range;
}

const fileRequest = (path: string): DownloadRequest<ReturnType<typeof metadataOf>> => ({
	route: 'files/download',
	arg: { path },
	errorContext: { path },
	resumeArg: (metadata) => ({ path: `rev:${metadata.rev}` }),
	facts: (metadata) => ({ rev: metadata.rev, size: metadata.size, contentHash: metadata.content_hash }),
});

/** A context whose prepareBinaryData reads the stream to the end, as n8n's filesystem mode does. */
function storingContext(store?: (input: unknown) => Promise<Buffer>) {
	const calls: Array<{ input: unknown; fileName?: string; mimeType?: string; bytes?: Buffer }> = [];
	const ctx: BinaryContext = {
		getNode: () => dropboxNode(),
		helpers: {
			prepareBinaryData: async (input: unknown, fileName?: string, mimeType?: string) => {
				const call: (typeof calls)[number] = { input, fileName, mimeType };
				calls.push(call);
				call.bytes = store ? await store(input) : await collect(input as AsyncIterable<Buffer>);
				return { data: 'filesystem-v2', fileName, mimeType: mimeType ?? 'text/plain', bytes: call.bytes.length } as IBinaryData;
			},
		} as BinaryContext['helpers'],
	};
	return { ctx, calls };
}

describe('openDownload', () => {
	it('hands the pieces on unchanged and checks them against the size and content hash', async () => {
		const bytes = randomBytes(9 * MiB + 17);
		const { session, sent } = fakeSession({ answer: () => fileAnswer(bytes, bodyOf(bytes)) });
		const download = await openDownload(session, fileRequest('/Zoë 🚀.bin'));
		expect(download.result.name).toBe('Zoë 🚀.bin');
		expect((await collect(download.body)).equals(bytes)).toBe(true);
		expect(sent).toHaveLength(1);
		expect(routeOf(sent[0])).toBe('files/download');
		expect(rangeOf(sent[0])).toBeUndefined();
	});

	it('resumes a connection dropped mid-body from the bytes received, asking for the same revision', async () => {
		const bytes = randomBytes(9 * MiB);
		const dropAt = 5 * MiB + 123; // inside the second hash block
		const policy = recordingPolicy();
		const { session, sent } = fakeSession({
			retryPolicy: policy,
			answer: (request, index) =>
				index === 0
					? fileAnswer(bytes, bodyOf(bytes, { failAt: dropAt }))
					: fileAnswer(bytes, bodyOf(bytes.subarray(dropAt)), { range: dropAt }),
		});
		const download = await openDownload(session, fileRequest('/Zoë 🚀.bin'));
		expect((await collect(download.body)).equals(bytes)).toBe(true);
		expect(sent).toHaveLength(2);
		expect(argOf(sent[1])).toEqual({ path: 'rev:015f0000000000000001' });
		expect(rangeOf(sent[1])).toBe(`bytes=${dropAt}-`);
		// One back-off step before the resumed request, as for any dropped connection.
		expect(policy.waits).toEqual([250]);
	});

	it('resumes a body that ends early without an error, and again when the resumed one drops too', async () => {
		const bytes = randomBytes(3 * MiB);
		const { session, sent } = fakeSession({
			answer: (_request, index) => {
				if (index === 0) return fileAnswer(bytes, bodyOf(bytes, { endAt: MiB }));
				if (index === 1) return fileAnswer(bytes, bodyOf(bytes.subarray(MiB), { failAt: MiB }), { range: MiB });
				return fileAnswer(bytes, bodyOf(bytes.subarray(2 * MiB)), { range: 2 * MiB });
			},
		});
		const download = await openDownload(session, fileRequest('/a.bin'));
		expect((await collect(download.body)).equals(bytes)).toBe(true);
		expect(sent.map(rangeOf)).toEqual([undefined, `bytes=${MiB}-`, `bytes=${2 * MiB}-`]);
	});

	it('skips what it already has when the server ignores Range and sends the whole file again', async () => {
		const bytes = randomBytes(MiB + 5);
		const { session } = fakeSession({
			answer: (_request, index) =>
				index === 0 ? fileAnswer(bytes, bodyOf(bytes, { failAt: 300_001 })) : fileAnswer(bytes, bodyOf(bytes, { piece: 100_000 })),
		});
		const download = await openDownload(session, fileRequest('/a.bin'));
		expect((await collect(download.body)).equals(bytes)).toBe(true);
	});

	it('fails loudly, naming the path, when the bytes do not match the content hash', async () => {
		const bytes = randomBytes(MiB);
		const tampered = Buffer.from(bytes);
		tampered[1000] ^= 0xff;
		const { session } = fakeSession({ answer: () => fileAnswer(bytes, bodyOf(tampered)) });
		const download = await openDownload(session, fileRequest('/Reports/Zoë 🚀.bin'));
		const failure = collect(download.body);
		await expect(failure).rejects.toBeInstanceOf(DropboxApiError);
		await expect(failure).rejects.toMatchObject({
			message: 'The download of "/Reports/Zoë 🚀.bin" is corrupt: its bytes do not match Dropbox\'s content hash',
			dropboxTags: ['content_hash_mismatch'],
			errorSummary: 'content_hash_mismatch',
		});
		await expect(failure).rejects.toMatchObject({ description: expect.stringContaining('"/Reports/Zoë 🚀.bin"') });
	});

	it('checks the hash across a resume: a resumed part with other bytes fails', async () => {
		const bytes = randomBytes(2 * MiB);
		const other = randomBytes(2 * MiB);
		const { session } = fakeSession({
			answer: (_request, index) =>
				index === 0
					? fileAnswer(bytes, bodyOf(bytes, { failAt: MiB }))
					: fileAnswer(bytes, bodyOf(other.subarray(MiB)), { range: MiB }),
		});
		const download = await openDownload(session, fileRequest('/a.bin'));
		await expect(collect(download.body)).rejects.toMatchObject({ dropboxTags: ['content_hash_mismatch'] });
	});

	it('refuses a resumed answer of another revision or from another byte', async () => {
		const bytes = randomBytes(MiB);
		const otherRev = fakeSession({
			answer: (_request, index) =>
				index === 0
					? fileAnswer(bytes, bodyOf(bytes, { failAt: 1000 }))
					: fileAnswer(bytes, bodyOf(bytes.subarray(1000)), { range: 1000, metadata: metadataOf(bytes, { rev: '0160000000000000002' }) }),
		});
		const first = await openDownload(otherRev.session, fileRequest('/a.bin'));
		await expect(collect(first.body)).rejects.toMatchObject({
			dropboxTags: ['download_inconsistent'],
			message: expect.stringContaining('revision 0160000000000000002'),
		});

		const otherStart = fakeSession({
			answer: (_request, index) =>
				index === 0 ? fileAnswer(bytes, bodyOf(bytes, { failAt: 1000 })) : fileAnswer(bytes, bodyOf(bytes.subarray(999)), { range: 999 }),
		});
		const second = await openDownload(otherStart.session, fileRequest('/a.bin'));
		await expect(collect(second.body)).rejects.toMatchObject({ message: expect.stringContaining('starts at byte 999, not 1000') });
	});

	it('refuses more bytes than the answer announced', async () => {
		const bytes = randomBytes(1000);
		const { session } = fakeSession({ answer: () => fileAnswer(bytes, bodyOf(Buffer.concat([bytes, Buffer.from('x')]))) });
		const download = await openDownload(session, fileRequest('/a.bin'));
		await expect(collect(download.body)).rejects.toMatchObject({ dropboxTags: ['download_inconsistent'] });
	});

	it('gives up when the connection keeps dropping without progress, with the network error and the attempts', async () => {
		const bytes = randomBytes(MiB);
		const policy = recordingPolicy({ maxAttempts: 3 });
		const { session, sent } = fakeSession({
			retryPolicy: policy,
			answer: (_request, index) =>
				index === 0
					? fileAnswer(bytes, bodyOf(bytes, { failAt: 5000 }))
					: fileAnswer(bytes, bodyOf(bytes.subarray(5000), { failAt: 0 }), { range: 5000 }),
		});
		const download = await openDownload(session, fileRequest('/a.bin'));
		const failure = collect(download.body);
		await expect(failure).rejects.toBeInstanceOf(DropboxApiError);
		await expect(failure).rejects.toMatchObject({
			message: 'Could not reach Dropbox: the connection failed',
			description: expect.stringContaining('(ECONNRESET) after 3 attempts'),
		});
		expect(sent).toHaveLength(3);
		expect(policy.waits).toEqual([250, 500]);
	});

	it('does not resume a route that serves no ranges: the drop fails the item, saying why', async () => {
		const bytes = randomBytes(100_000);
		const { session, sent } = fakeSession({
			answer: () => ({ statusCode: 200, headers: resultHeader({ metadata: { name: 'Photos' } }), body: bodyOf(bytes, { failAt: 4096 }) }),
		});
		const download = await openDownload(session, { route: 'files/download_zip', arg: { path: '/Photos' }, errorContext: { path: '/Photos' } });
		await expect(collect(download.body)).rejects.toMatchObject({
			message: 'Could not reach Dropbox: the connection failed',
			description: expect.stringMatching(/dropped after 4096 bytes of "\/Photos".*cannot resume/),
		});
		expect(sent).toHaveLength(1);
	});

	it('reports a cancellation, not a dropped connection, when the execution is cancelled mid-body', async () => {
		const bytes = randomBytes(MiB);
		const controller = new AbortController();
		async function* cancelledMidway(): AsyncGenerator<Buffer> {
			yield bytes.subarray(0, 1000);
			controller.abort();
			throw Object.assign(new Error('canceled'), { code: 'ERR_CANCELED' });
		}
		const { session, sent } = fakeSession({ abortSignal: controller.signal, answer: () => fileAnswer(bytes, cancelledMidway()) });
		const download = await openDownload(session, fileRequest('/a.bin'));
		await expect(collect(download.body)).rejects.toMatchObject({ failure: { networkCode: 'ERR_CANCELED' } });
		expect(sent).toHaveLength(1);
	});

	it('with a Node stream as the body, hands on a Node Readable (for n8n\'s in-memory and database modes) read only on demand', async () => {
		const bytes = randomBytes(2 * MiB);
		let piecesRead = 0;
		const source = Readable.from(
			(async function* () {
				for (let offset = 0; offset < bytes.length; offset += 64 * 1024) {
					piecesRead++;
					yield bytes.subarray(offset, offset + 64 * 1024);
				}
			})(),
		);
		const { session } = fakeSession({ answer: () => fileAnswer(bytes, source) });
		const download = await openDownload(session, fileRequest('/a.bin'));
		expect(download.body).toBeInstanceOf(Readable);
		// Nothing is pulled from the connection before n8n reads.
		await new Promise((resolve) => setImmediate(resolve));
		expect(piecesRead).toBeLessThanOrEqual(2);
		// n8n's in-memory mode reads through events, not async iteration.
		const viaEvents = await new Promise<Buffer>((resolve, reject) => {
			const stream = download.body as Readable;
			const pieces: Buffer[] = [];
			stream.on('data', (piece: Buffer) => pieces.push(piece));
			stream.once('end', () => resolve(Buffer.concat(pieces)));
			stream.once('error', reject);
		});
		expect(viaEvents.equals(bytes)).toBe(true);
	});

	it('closes the connection when n8n stops reading (the stream is destroyed)', async () => {
		const bytes = randomBytes(4 * MiB);
		const source = Readable.from(bodyOf(bytes));
		const { session } = fakeSession({ answer: () => fileAnswer(bytes, source) });
		const download = await openDownload(session, fileRequest('/a.bin'));
		const stream = download.body as Readable;
		await new Promise<void>((resolve) => stream.once('data', () => resolve()));
		stream.destroy();
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(source.destroyed).toBe(true);
	});
});

describe('downloadFile and downloadFolderZip', () => {
	it('streams the file into prepareBinaryData with its name, and returns its metadata', async () => {
		const bytes = randomBytes(MiB);
		const { session, sent } = fakeSession({ answer: () => fileAnswer(bytes, bodyOf(bytes)) });
		const { ctx, calls } = storingContext();
		const { result, binary } = await downloadFile(ctx, session, { path: '/Zoë 🚀.bin', rev: '015f0000000000000001' });
		expect(result).toMatchObject({ name: 'Zoë 🚀.bin', size: bytes.length });
		expect(binary.fileName).toBe('Zoë 🚀.bin');
		expect(calls[0].fileName).toBe('Zoë 🚀.bin');
		// n8n's own table decides the MIME type of a name with an extension.
		expect(calls[0].mimeType).toBeUndefined();
		expect(calls[0].bytes!.equals(bytes)).toBe(true);
		expect(argOf(sent[0])).toEqual({ path: '/Zoë 🚀.bin', rev: '015f0000000000000001' });
		// The argument travels as header-safe JSON.
		expect((sent[0].headers as Record<string, string>)['Dropbox-API-Arg']).toBe(
			'{"path":"/Zo\\u00eb \\ud83d\\ude80.bin","rev":"015f0000000000000001"}',
		);
	});

	it('calls a file without an extension application/octet-stream rather than n8n\'s text/plain guess', async () => {
		const bytes = randomBytes(10);
		const { session } = fakeSession({ answer: () => fileAnswer(bytes, bodyOf(bytes), { metadata: metadataOf(bytes, { name: 'LICENSE' }) }) });
		const { ctx, calls } = storingContext();
		await downloadFile(ctx, session, { path: '/LICENSE' });
		expect(calls[0].mimeType).toBe('application/octet-stream');
	});

	it('names a ZIP after its folder', async () => {
		const zip = randomBytes(5000);
		const { session, sent } = fakeSession({
			answer: () => ({ statusCode: 200, headers: resultHeader({ metadata: { '.tag': 'folder', name: 'Café 日本' } }), body: bodyOf(zip) }),
		});
		const { ctx, calls } = storingContext();
		const { result } = await downloadFolderZip(ctx, session, { path: '/Café 日本' });
		expect(routeOf(sent[0])).toBe('files/download_zip');
		expect(result).toEqual({ '.tag': 'folder', name: 'Café 日本' });
		expect(calls[0]).toMatchObject({ fileName: 'Café 日本.zip', mimeType: 'application/zip' });
		expect(calls[0].bytes!.equals(zip)).toBe(true);
	});

	it('passes a corrupt download\'s error through prepareBinaryData unchanged', async () => {
		const bytes = randomBytes(1000);
		const { session } = fakeSession({ answer: () => fileAnswer(bytes, bodyOf(randomBytes(1000))) });
		const { ctx } = storingContext();
		await expect(downloadFile(ctx, session, { path: '/a.bin' })).rejects.toMatchObject({ dropboxTags: ['content_hash_mismatch'] });
	});

	it('reports n8n failing to store the file as that, with the binary data modes as the way out', async () => {
		const bytes = randomBytes(1000);
		const { session } = fakeSession({ answer: () => fileAnswer(bytes, bodyOf(bytes)) });
		const { ctx } = storingContext(async () => {
			throw new RangeError('Invalid string length');
		});
		const failure = downloadFile(ctx, session, { path: '/a.bin' });
		await expect(failure).rejects.toBeInstanceOf(NodeOperationError);
		await expect(failure).rejects.toMatchObject({
			message: 'n8n could not store the downloaded file "Zoë 🚀.bin"',
			description: expect.stringContaining('N8N_DEFAULT_BINARY_DATA_MODE=filesystem'),
		});
	});
});
