/**
 * file → download and folder → downloadZip through the real n8n-core engine and its real filesystem
 * BinaryDataService, against the in-process emulator: names in any script, revisions, a connection dropped
 * mid-body, 100 MiB in bounded memory, a folder as a ZIP, and the errors a person can act on.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { IBinaryData, IDataObject } from 'n8n-workflow';
import { binaryToBuffer } from 'n8n-core';

import { DropboxSuite } from '../../nodes/DropboxSuite/DropboxSuite.node';
import { startTestEmulator, type TestEmulator } from '../support/emulator-harness';
import { assertPairedItems, getHarnessEnvironment, runNode } from '../support/n8n';
import { credentialFor, credentialTypes } from './credentials.fixture';

const MiB = 1024 * 1024;

interface Stat {
	size: number;
	content_hash: string;
	rev: string;
	id: string;
}

let emulator: TestEmulator;

beforeAll(async () => {
	emulator = await startTestEmulator();
});
afterAll(async () => await emulator.stop());

async function seed(path: string, content: Buffer | { size: number }): Promise<Stat> {
	const body = Buffer.isBuffer(content) ? { content_base64: content.toString('base64') } : content;
	await emulator.admin('POST', '/files', { account_id: emulator.demo.account_id, path, ...body });
	return await stat(path);
}

async function stat(path: string): Promise<Stat> {
	const query = new URLSearchParams({ account_id: emulator.demo.account_id, path });
	return await emulator.admin<Stat>('GET', `/files?${query}`);
}

const locator = (value: string) => ({ __rl: true, mode: 'path', value });

async function run(parameters: Record<string, unknown>, extra: Partial<Parameters<typeof runNode>[0]> = {}) {
	return await runNode({
		nodeType: new DropboxSuite(),
		parameters: { authentication: 'appApi', ...parameters } as never,
		credentials: credentialFor('appApi', emulator.demo),
		credentialTypes,
		...extra,
	});
}

const downloadFile = (path: string, extra: Record<string, unknown> = {}) =>
	run({ resource: 'file', operation: 'download', path: locator(path), ...extra });

/** Dropbox's content hash of a stored binary, read as a stream: the test holds no more of it than the node does. */
async function storedContentHash(binary: IBinaryData): Promise<{ hash: string; bytes: number }> {
	const { binaryDataService } = await getHarnessEnvironment();
	const blockDigests = createHash('sha256');
	let block = createHash('sha256');
	let inBlock = 0;
	let bytes = 0;
	for await (const piece of await binaryDataService.getAsStream(binary.id!, 4 * MiB)) {
		let chunk = piece as Buffer;
		bytes += chunk.length;
		while (chunk.length > 0) {
			const take = Math.min(4 * MiB - inBlock, chunk.length);
			block.update(chunk.subarray(0, take));
			inBlock += take;
			chunk = chunk.subarray(take);
			if (inBlock === 4 * MiB) {
				blockDigests.update(block.digest());
				block = createHash('sha256');
				inBlock = 0;
			}
		}
	}
	if (inBlock > 0) blockDigests.update(block.digest());
	return { hash: blockDigests.digest('hex'), bytes };
}

async function downloadCalls(route = 'files/download'): Promise<number[]> {
	return (await emulator.log()).filter((entry) => entry.route === route).map((entry) => entry.status);
}

describe('file → download', () => {
	it('streams a file with a Unicode and emoji name into a binary named as the file, its metadata as the JSON', async () => {
		const content = Buffer.from('Grüße aus 日本 🚀\n'.repeat(1000));
		const path = '/Ünïcödé/Zoë – 日本 🚀.txt';
		const seeded = await seed(path, content);

		const result = await downloadFile(path);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const item = result.items[0];
		expect(item.json).toMatchObject({ name: 'Zoë – 日本 🚀.txt', path_display: path, rev: seeded.rev, size: content.length });
		const binary = item.binary!.data;
		expect(binary).toMatchObject({ fileName: 'Zoë – 日本 🚀.txt', mimeType: 'text/plain', fileExtension: 'txt', bytes: content.length });
		expect(binary.id).toMatch(/^filesystem-v2:/);
		expect((await result.readBinary(binary)).equals(content)).toBe(true);
		assertPairedItems(result.nodeOutput[0]);
	});

	it('puts the file in the named field, with the MIME type n8n knows for its extension', async () => {
		await seed('/Reports/q1 report.pdf', Buffer.from('%PDF-1.4 not really'));
		const result = await downloadFile('/Reports/q1 report.pdf', { binaryPropertyName: 'report' });
		expect(result.error).toBeUndefined();
		expect(Object.keys(result.items[0].binary!)).toEqual(['report']);
		expect(result.items[0].binary!.report).toMatchObject({ fileName: 'q1 report.pdf', mimeType: 'application/pdf' });
	});

	it('downloads the revision asked for, and says clearly when that revision is gone', async () => {
		const path = '/Revisions/notes.md';
		const first = await seed(path, Buffer.from('first version'));
		const byRev = await downloadFile(path, { options: { rev: first.rev } });
		expect(byRev.error).toBeUndefined();
		expect(byRev.items[0].json.rev).toBe(first.rev);
		expect((await byRev.readBinary(byRev.items[0].binary!.data)).toString()).toBe('first version');

		const second = await seed(path, Buffer.from('second version'));
		expect(second.rev).not.toBe(first.rev);
		const current = await downloadFile(path);
		expect((await current.readBinary(current.items[0].binary!.data)).toString()).toBe('second version');

		// Earlier revisions stay downloadable; a revision the file never had is "not found".
		const earlier = await downloadFile(path, { options: { rev: first.rev } });
		expect(earlier.error).toBeUndefined();
		expect((await earlier.readBinary(earlier.items[0].binary!.data)).toString()).toBe('first version');
		const gone = await downloadFile(path, { options: { rev: `${first.rev.slice(0, -4)}ffff` } });
		expect(gone.status).toBe('error');
		expect(gone.error?.message).toMatch(/path\/not_found/);
		expect(gone.error?.description).toContain(`"${path}"`);
	});

	it('resumes a connection dropped mid-body with Range, and the bytes match Dropbox\'s content hash', async () => {
		const path = '/Big/dropped 🚧.bin';
		const seeded = await seed(path, { size: 10 * MiB + 3 });
		const before = (await downloadCalls()).length;
		await emulator.admin('POST', '/faults', { route: 'files/download', kind: 'reset', after_bytes: 3 * MiB + 7, times: 2 });

		const result = await downloadFile(path);
		expect(result.error).toBeUndefined();
		const binary = result.items[0].binary!.data;
		expect(binary.bytes).toBe(seeded.size);
		expect(await storedContentHash(binary)).toEqual({ hash: seeded.content_hash, bytes: seeded.size });
		// The first answer and the first resume were cut after 3 MiB + 7 bytes each; the third answer finished the file.
		expect((await downloadCalls()).slice(before)).toEqual([200, 206, 206]);
	});

	it('downloads 100 MiB with the bytes\' hash checked and memory far below the file size', async () => {
		const path = '/Big/hundred.bin';
		const seeded = await seed(path, { size: 100 * MiB });
		// Warm up: modules, TLS session, the first binary write.
		await downloadFile('/Reports/q1 report.pdf');

		const gc = (global as { gc?: () => void }).gc;
		gc?.();
		const baseline = process.memoryUsage();
		const peak = { ...baseline };
		const sampler = setInterval(() => {
			const now = process.memoryUsage();
			for (const key of ['rss', 'heapUsed', 'external', 'arrayBuffers'] as const) peak[key] = Math.max(peak[key], now[key]);
		}, 5);
		const started = Date.now();
		let result;
		try {
			result = await downloadFile(path);
		} finally {
			clearInterval(sampler);
		}
		const ms = Date.now() - started;
		expect(result.error).toBeUndefined();

		const growth = (key: 'rss' | 'heapUsed' | 'external' | 'arrayBuffers') => (peak[key] - baseline[key]) / MiB;
		console.log(
			`100 MiB download in ${ms} ms (gc ${gc ? 'forced before' : 'not exposed'}); peak growth over baseline: ` +
				`rss +${growth('rss').toFixed(1)} MiB, heapUsed +${growth('heapUsed').toFixed(1)} MiB, ` +
				`external +${growth('external').toFixed(1)} MiB, arrayBuffers +${growth('arrayBuffers').toFixed(1)} MiB ` +
				'(the emulator serving the file runs in this process too)',
		);
		// Pieces in flight and not yet collected garbage (this process also runs the emulator and its TLS) measured
		// +14–33 MiB of arrayBuffers; n8n's in-memory mode, which holds the file, measured +115 MiB the same way.
		expect(growth('heapUsed')).toBeLessThan(50);
		expect(growth('arrayBuffers')).toBeLessThan(64);
		expect(growth('rss')).toBeLessThan(100);

		const binary = result.items[0].binary!.data;
		expect(binary.bytes).toBe(100 * MiB);
		expect(await storedContentHash(binary)).toEqual({ hash: seeded.content_hash, bytes: 100 * MiB });
	});

	it('also streams into n8n\'s in-memory ("default") binary data mode, which reads the stream through its events', async () => {
		const content = Buffer.from('in memory ✓');
		await seed('/Modes/memory.txt', content);
		const { binaryDataService } = await getHarnessEnvironment();
		const service = binaryDataService as unknown as { mode: string };
		const mode = service.mode;
		service.mode = 'default';
		let result;
		try {
			result = await downloadFile('/Modes/memory.txt');
		} finally {
			service.mode = mode;
		}
		expect(result.error).toBeUndefined();
		const binary = result.items[0].binary!.data;
		expect(binary.id).toBeUndefined();
		expect(Buffer.from(binary.data, 'base64').equals(content)).toBe(true);
	});

	it('streams into a stored mode that buffers through n8n-core\'s binaryToBuffer, as the database and S3 managers do', async () => {
		const content = Buffer.from('database-like manager');
		await seed('/Modes/database.txt', content);
		const { binaryDataService } = await getHarnessEnvironment();
		const stored: Buffer[] = [];
		binaryDataService.setManager('database', {
			init: async () => undefined,
			store: async (_location: unknown, bufferOrStream: Buffer | Readable) => {
				const buffer = await binaryToBuffer(bufferOrStream);
				stored.push(buffer);
				return { fileId: `f${stored.length}`, fileSize: buffer.length };
			},
		} as never);
		const service = binaryDataService as unknown as { mode: string };
		const mode = service.mode;
		service.mode = 'database';
		let result;
		try {
			result = await downloadFile('/Modes/database.txt');
		} finally {
			service.mode = mode;
		}
		expect(result.error).toBeUndefined();
		expect(result.items[0].binary!.data.id).toMatch(/^database:f\d+$/);
		expect(stored.at(-1)?.equals(content)).toBe(true);
	});

	it('fails clearly, naming each item\'s path: a folder, a path without "/", a missing file', async () => {
		await seed('/A Folder/inside.txt', Buffer.from('x'));
		const result = await run(
			{ resource: 'file', operation: 'download', path: locator('={{ $json.path }}') },
			{
				continueOnFail: true,
				inputItems: [{ json: { path: '/A Folder' } }, { json: { path: 'A Folder/inside.txt' } }, { json: { path: '/missing 🚫.bin' } }],
			},
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const [folder, relative, missing] = result.items.map((item) => item.json as IDataObject);
		expect(folder).toMatchObject({
			error_summary: 'path/not_file',
			description: 'The item at "/A Folder" is a folder, and this operation needs a file.',
		});
		expect(relative.error).toBe('"A Folder/inside.txt" is not a Dropbox file or folder address');
		expect(missing).toMatchObject({ error_summary: 'path/not_found', description: expect.stringContaining('"/missing 🚫.bin"') });
		expect(result.items.every((item) => item.binary === undefined)).toBe(true);
	});

	it('without Continue On Fail, the failed item\'s index is on the error', async () => {
		const result = await run(
			{ resource: 'file', operation: 'download', path: locator('={{ $json.path }}') },
			{ inputItems: [{ json: { path: '/Reports/q1 report.pdf' } }, { json: { path: '/A Folder' } }] },
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/path\/not_file/);
		expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
	});
});

/** The entries of a ZIP, read from its central directory, and a stored entry's bytes. */
function readZip(zip: Buffer): { names: string[]; contentOf(name: string): Buffer } {
	const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	expect(eocd).toBeGreaterThan(0);
	const count = zip.readUInt16LE(eocd + 10);
	let offset = zip.readUInt32LE(eocd + 16);
	const entries = new Map<string, { local: number; size: number; method: number }>();
	for (let i = 0; i < count; i++) {
		expect(zip.readUInt32LE(offset)).toBe(0x02014b50);
		const flags = zip.readUInt16LE(offset + 8);
		const nameLength = zip.readUInt16LE(offset + 28);
		const extraLength = zip.readUInt16LE(offset + 30);
		const commentLength = zip.readUInt16LE(offset + 32);
		const name = zip.toString(flags & 0x800 ? 'utf8' : 'latin1', offset + 46, offset + 46 + nameLength);
		entries.set(name, { local: zip.readUInt32LE(offset + 42), size: zip.readUInt32LE(offset + 20), method: zip.readUInt16LE(offset + 10) });
		offset += 46 + nameLength + extraLength + commentLength;
	}
	return {
		names: [...entries.keys()],
		contentOf(name) {
			const entry = entries.get(name)!;
			expect(entry.method).toBe(0);
			const start = entry.local + 30 + zip.readUInt16LE(entry.local + 26) + zip.readUInt16LE(entry.local + 28);
			return zip.subarray(start, start + entry.size);
		},
	};
}

describe('folder → downloadZip', () => {
	it('streams a folder as "<folder name>.zip", application/zip, with every entry in it', async () => {
		await seed('/Zip Me 📦/a.txt', Buffer.from('alpha'));
		await seed('/Zip Me 📦/Sub/b – 日本.txt', Buffer.from('beta'));
		await seed('/Zip Me 📦/Sub/Deeper/c.bin', { size: 300_000 });

		const result = await run({ resource: 'folder', operation: 'downloadZip', path: locator('/Zip Me 📦') });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ name: 'Zip Me 📦', path_display: '/Zip Me 📦' });
		const binary = result.items[0].binary!.data;
		expect(binary).toMatchObject({ fileName: 'Zip Me 📦.zip', mimeType: 'application/zip', fileExtension: 'zip' });
		const zip = readZip(await result.readBinary(binary));
		expect(zip.names).toEqual(
			expect.arrayContaining(['Zip Me 📦/a.txt', 'Zip Me 📦/Sub/b – 日本.txt', 'Zip Me 📦/Sub/Deeper/c.bin']),
		);
		expect(zip.contentOf('Zip Me 📦/Sub/b – 日本.txt').toString()).toBe('beta');
		assertPairedItems(result.nodeOutput[0]);
	});

	it('fails a ZIP whose connection drops mid-body, saying that Dropbox cannot resume one', async () => {
		await seed('/Zip Dropped/big.bin', { size: 2 * MiB });
		await emulator.admin('POST', '/faults', { route: 'files/download_zip', kind: 'reset', after_bytes: 100_000, times: 1 });
		const result = await run({ resource: 'folder', operation: 'downloadZip', path: locator('/Zip Dropped') }, { continueOnFail: true });
		expect(result.items[0].json).toMatchObject({
			error: 'Could not reach Dropbox: the connection failed',
			description: expect.stringMatching(/dropped after \d+ bytes of "\/Zip Dropped".*cannot resume it/),
		});
		expect(result.items[0].binary).toBeUndefined();
	});

	it('reports Dropbox\'s limits (too many entries, too large) and a file given for a folder clearly', async () => {
		await seed('/Crowded/1.txt', Buffer.from('1'));
		await seed('/Crowded/2.txt', Buffer.from('2'));
		await seed('/Crowded/3.txt', Buffer.from('3'));
		const state = emulator.state as { limits?: Record<string, number> };
		const limits = state.limits;
		const zipRun = (path: string) =>
			run({ resource: 'folder', operation: 'downloadZip', path: locator(path) }, { continueOnFail: true });
		try {
			state.limits = { zipSizeLimit: 20 * 1024 ** 3, zipEntryLimit: 3, batchInProgressChecks: 1 };
			const tooMany = (await zipRun('/Crowded')).items[0].json;
			expect(tooMany).toMatchObject({ error_summary: 'too_many_files', description: expect.stringContaining('10,000 entries') });
			expect(tooMany.description).toContain('"/Crowded"');

			state.limits = { zipSizeLimit: 2, zipEntryLimit: 10_000, batchInProgressChecks: 1 };
			const tooLarge = (await zipRun('/Crowded')).items[0].json;
			expect(tooLarge).toMatchObject({ error_summary: 'too_large', description: expect.stringContaining('under 20 GB') });
		} finally {
			state.limits = limits;
		}

		const aFile = (await zipRun('/Crowded/1.txt')).items[0].json;
		expect(aFile).toMatchObject({
			error_summary: 'path/not_folder',
			description: 'The item at "/Crowded/1.txt" is a file, and this operation needs a folder.',
		});

		const root = (await zipRun('/')).items[0].json;
		expect(root.error).toMatch(/Choose a folder/);
	});
});
