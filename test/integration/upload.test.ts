/** File → Upload through n8n-core's real execution and binary-data service, against the emulator. */
import { randomBytes } from 'node:crypto';

import { DropboxSuite } from '../../nodes/DropboxSuite/DropboxSuite.node';
import { contentHashOf } from '../emulator/files/content-hash';
import { startTestEmulator, type TestEmulator } from '../support/emulator-harness';
import { assertPairedItems, binaryInput, runNode } from '../support/n8n';
import { credentialFor, credentialTypes } from './credentials.fixture';

const MIB = 1024 * 1024;

describe('file → upload', () => {
	let emulator: TestEmulator;

	beforeAll(async () => {
		emulator = await startTestEmulator();
	});
	afterAll(async () => await emulator.stop());

	const run = async (parameters: Record<string, unknown>, extra: Partial<Parameters<typeof runNode>[0]> = {}) =>
		await runNode({
			nodeType: new DropboxSuite(),
			parameters: { authentication: 'appApi', resource: 'file', operation: 'upload', ...parameters } as never,
			credentials: credentialFor('appApi', emulator.demo),
			credentialTypes,
			...extra,
		});

	const stored = async (path: string) =>
		await emulator.admin<{ size: number; content_hash: string; rev: string; id: string }>(
			'GET',
			`/files?account_id=${encodeURIComponent(emulator.demo.account_id)}&path=${encodeURIComponent(path)}`,
		);

	const routesSince = async (before: number) => (await emulator.log()).slice(before).map((entry) => `${entry.route} ${entry.status}`);

	const at = (value: string) => ({ __rl: true, mode: 'path', value });

	it('writes text into a file, in one request', async () => {
		const before = (await emulator.log()).length;
		const result = await run({ inputType: 'text', fileContent: 'héllo – 日本 🎉', path: at('/Uploads/notes 🎉.txt') });
		expect(result.error).toBeUndefined();
		const content = Buffer.from('héllo – 日本 🎉', 'utf8');
		expect(result.items[0].json).toMatchObject({ name: 'notes 🎉.txt', size: content.length, skipped: false });
		expect((await stored('/Uploads/notes 🎉.txt')).content_hash).toBe(contentHashOf(content));
		expect(await routesSince(before)).toEqual(['files/upload 200']);
	});

	it('streams a binary larger than one chunk through an upload session, into a folder under its own name', async () => {
		const content = randomBytes(10 * MIB + 12345);
		const before = (await emulator.log()).length;
		const result = await run(
			{ path: at('/Uploads/Big/'), options: { chunkSizeMiB: 4 } },
			{ inputItems: [{ json: {}, binary: { data: binaryInput(content, 'Grüße – big.bin') } }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ path_display: '/Uploads/Big/Grüße – big.bin', size: content.length });
		assertPairedItems(result.nodeOutput[0]);
		expect((await stored('/Uploads/Big/Grüße – big.bin')).content_hash).toBe(contentHashOf(content));
		// 10 MiB and a bit in 4 MiB chunks: the first with the start, two appends, and an empty finish.
		expect(await routesSince(before)).toEqual([
			'files/upload_session/start 200',
			'files/upload_session/append_v2 200',
			'files/upload_session/append_v2 200',
			'files/upload_session/finish 200',
		]);
	});

	it('re-sends only the chunk whose connection dropped, and stores the exact bytes', async () => {
		const content = randomBytes(9 * MIB);
		await emulator.admin('POST', '/faults', { route: 'files/upload_session/append_v2', kind: 'reset', after_bytes: MIB, times: 1 });
		const before = (await emulator.log()).length;
		const result = await run(
			{ path: at('/Uploads/dropped.bin'), options: { chunkSizeMiB: 4 } },
			{ inputItems: [{ json: {}, binary: { data: binaryInput(content, 'dropped.bin') } }] },
		);
		expect(result.error).toBeUndefined();
		expect((await stored('/Uploads/dropped.bin')).content_hash).toBe(contentHashOf(content));
		const routes = await routesSince(before);
		expect(routes.filter((route) => route.startsWith('files/upload_session/start'))).toHaveLength(1);
		expect(routes.filter((route) => route === 'files/upload_session/append_v2 200')).toHaveLength(2);
	});

	it('finds a committed file when the answer to its commit was lost, instead of sending it again', async () => {
		const content = randomBytes(6 * MIB);
		await emulator.admin('POST', '/faults', { route: 'files/upload_session/finish', kind: 'status', status: 503, times: 1 });
		const result = await run(
			{ path: at('/Uploads/finish-lost.bin'), options: { chunkSizeMiB: 4 } },
			{ inputItems: [{ json: {}, binary: { data: binaryInput(content, 'x.bin') } }] },
		);
		// The 503 fault answers before committing: the node must then send the finish again, once.
		expect(result.error).toBeUndefined();
		expect((await stored('/Uploads/finish-lost.bin')).content_hash).toBe(contentHashOf(content));
	});

	it('add mode fails on an existing file with a clear error; overwrite replaces it; update needs the current rev', async () => {
		const path = '/Uploads/modes.txt';
		expect((await run({ inputType: 'text', fileContent: 'one', path: at(path) })).error).toBeUndefined();
		const conflict = await run({ inputType: 'text', fileContent: 'two', path: at(path) });
		expect(conflict.error?.message).toBe('Dropbox error: path/conflict/file');
		expect(conflict.error?.description).toMatch(/already exists at "\/Uploads\/modes\.txt"/);

		const overwritten = await run({ inputType: 'text', fileContent: 'three', path: at(path), options: { writeMode: 'overwrite' } });
		expect(overwritten.error).toBeUndefined();
		const rev = String(overwritten.items[0].json.rev);

		const stale = await run({ inputType: 'text', fileContent: 'four', path: at(path), options: { writeMode: 'update', rev: '0123456789a' } });
		expect(stale.error?.message).toMatch(/path\/conflict/);
		const updated = await run({ inputType: 'text', fileContent: 'five', path: at(path), options: { writeMode: 'update', rev } });
		expect(updated.error).toBeUndefined();
		expect((await stored(path)).content_hash).toBe(contentHashOf(Buffer.from('five')));
	});

	it('skips a file whose destination holds the same bytes', async () => {
		const parameters = { inputType: 'text', fileContent: 'nightly', path: at('/Uploads/nightly.txt'), options: { skipIfUnchanged: true } };
		expect((await run(parameters)).items[0].json.skipped).toBe(false);
		const before = (await emulator.log()).length;
		const again = await run(parameters);
		expect(again.items[0].json).toMatchObject({ skipped: true, name: 'nightly.txt' });
		expect((await routesSince(before)).filter((route) => route.startsWith('files/upload'))).toEqual([]);
	});

	it('uploads many items in parallel and commits them in one batch; a failed item fails alone', async () => {
		const files = Array.from({ length: 200 }, (_, index) => ({ name: `file-${index}.txt`, content: randomBytes(2000 + index) }));
		await run({ inputType: 'text', fileContent: 'already here', path: at('/Batch/file-7.txt') });
		const before = (await emulator.log()).length;
		const result = await run(
			{ path: at('/Batch/') },
			{
				continueOnFail: true,
				inputItems: files.map((file) => ({ json: {}, binary: { data: binaryInput(file.content, file.name) } })),
			},
		);
		expect(result.error).toBeUndefined();
		assertPairedItems(result.nodeOutput[0], files.length);
		expect(result.items.map((item) => item.pairedItem)).toEqual(files.map((_, index) => ({ item: index })));
		expect(result.items[7].json).toMatchObject({ error_summary: 'path/conflict/file' });
		for (const [index, file] of files.entries()) {
			if (index === 7) continue;
			expect(result.items[index].json).toMatchObject({ name: file.name, size: file.content.length });
			expect((await stored(`/Batch/${file.name}`)).content_hash).toBe(contentHashOf(file.content));
		}
		const routes = await routesSince(before);
		expect(routes.filter((route) => route.startsWith('files/upload_session/finish_batch_v2'))).toEqual([
			'files/upload_session/finish_batch_v2 200',
		]);
		expect(routes.filter((route) => route.startsWith('files/upload '))).toEqual([]);
	});

	it('a full account fails the upload with what to do, and leaves nothing behind', async () => {
		const account = await emulator.admin<{ account_id: string; app_key: string; app_secret: string; refresh_token: string; access_token: string }>(
			'POST',
			'/accounts',
			{ quota_bytes: 5 * MIB },
		);
		const result = await runNode({
			nodeType: new DropboxSuite(),
			parameters: {
				authentication: 'appApi',
				resource: 'file',
				operation: 'upload',
				path: at('/Full/too-big.bin'),
				options: { chunkSizeMiB: 4 },
			} as never,
			credentials: credentialFor('appApi', account),
			credentialTypes,
			inputItems: [{ json: {}, binary: { data: binaryInput(randomBytes(6 * MIB), 'too-big.bin') } }],
		});
		expect(result.error?.message).toMatch(/insufficient_space/);
		expect(result.error?.description).toMatch(/account is full/);
		await expect(
			emulator.admin('GET', `/files?account_id=${encodeURIComponent(account.account_id)}&path=${encodeURIComponent('/Full/too-big.bin')}`),
		).rejects.toThrow(/404/);
	});

	it('says what is wrong with bad input, and sends nothing', async () => {
		const before = (await emulator.log()).length;
		const missing = await run({ path: at('/Uploads/x.bin') }, { inputItems: [{ json: {} }] });
		expect(missing.error?.message).toBe('The item has no binary field "data"');
		const chunk = await run({ inputType: 'text', fileContent: 'x', path: at('/Uploads/x.txt'), options: { chunkSizeMiB: 10 } });
		expect(chunk.error?.message).toMatch(/chunk size of 10 MiB/);
		const relative = await run({ inputType: 'text', fileContent: 'x', path: 'Uploads/x.txt' });
		expect(relative.error?.message).toMatch(/not a Dropbox path/);
		const noRev = await run({ inputType: 'text', fileContent: 'x', path: at('/Uploads/x.txt'), options: { writeMode: 'update' } });
		expect(noRev.error?.message).toMatch(/needs the revision/);
		expect(await routesSince(before)).toEqual([]);
	});
});
