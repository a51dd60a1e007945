/**
 * paperDoc → create and update through n8n-core against the emulator: content from text or a binary in each import
 * format, the update policies and paper_revision, and clear errors (a path without .paper, a stale revision, a missing
 * doc, a doc too long for Dropbox, content over one request refused before anything is sent).
 */
import { Readable } from 'node:stream';

import { assertPairedItems, binaryInput, storedBinaryInput } from '../support/n8n';
import { jsonOf, locator, runSuite, useEmulator } from './file-ops.fixture';

const env = useEmulator();
const MiB = 1024 * 1024;

const create = (path: string, extra: Record<string, unknown> = {}, options = {}) =>
	runSuite(env.emulator, { resource: 'paperDoc', operation: 'create', path: locator(path), ...extra }, options);

const update = (path: string, extra: Record<string, unknown> = {}, options = {}) =>
	runSuite(env.emulator, { resource: 'paperDoc', operation: 'update', path: locator(path), ...extra }, options);

/** The doc's content as Markdown, read back through File → Export. */
async function markdownOf(path: string): Promise<string> {
	const result = await runSuite(env.emulator, { resource: 'file', operation: 'export', path: locator(path), options: { exportFormat: 'markdown' } });
	expect(result.error).toBeUndefined();
	return (await result.readBinary(result.items[0].binary!.data)).toString();
}

describe('paperDoc → create', () => {
	it('creates a doc from Markdown text: its link, path, ID and first revision, and it exports back', async () => {
		const result = await create('/Paper/Plan 📝.paper', { inputType: 'text', fileContent: '# Plan\n\nShip **it**.\n', importFormat: 'markdown' });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ result_path: '/Paper/Plan 📝.paper', paper_revision: 1, file_id: expect.stringMatching(/^id:/) });
		expect(result.items[0].json.url).toMatch(/^https:\/\//);
		assertPairedItems(result.nodeOutput[0]);
		expect(await markdownOf('/Paper/Plan 📝.paper')).toMatch(/# Plan[\s\S]*Ship \*\*it\*\*/);
	});

	it('creates docs from an HTML binary and from plain text, one per item', async () => {
		const result = await create(
			'={{ $json.path }}',
			{ inputType: 'binary', binaryPropertyName: 'doc', importFormat: '={{ $json.format }}' },
			{
				inputItems: [
					{ json: { path: '/Paper/From HTML.paper', format: 'html' }, binary: { doc: binaryInput('<h1>Notes</h1><p>From a page</p>', 'notes.html', 'text/html') } },
					{ json: { path: '/Paper/From text.paper', format: 'plain_text' }, binary: { doc: binaryInput('Just *words*', 'notes.txt', 'text/plain') } },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items).map((json) => json.result_path)).toEqual(['/Paper/From HTML.paper', '/Paper/From text.paper']);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(await markdownOf('/Paper/From HTML.paper')).toMatch(/# Notes[\s\S]*From a page/);
		expect(await markdownOf('/Paper/From text.paper')).toContain('Just');
	});

	it('fails clearly, item by item: no .paper extension, no binary field, a doc too long for Dropbox', async () => {
		const result = await create(
			'={{ $json.path }}',
			{ inputType: 'binary', importFormat: 'plain_text' },
			{
				continueOnFail: true,
				inputItems: [
					{ json: { path: '/Paper/Notes.txt' }, binary: { data: binaryInput('x', 'x.txt') } },
					{ json: { path: '/Paper/No binary.paper' } },
					{ json: { path: '/Paper/Huge.paper' }, binary: { data: binaryInput(Buffer.alloc(MiB + 10, 'a'), 'huge.txt') } },
				],
			},
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const [extension, noBinary, huge] = jsonOf(result.items);
		expect(extension).toMatchObject({ error_summary: 'invalid_file_extension', description: expect.stringContaining('"/Paper/Notes.txt" does not') });
		expect(noBinary).toMatchObject({ error: 'The item has no binary field "data"' });
		expect(huge).toMatchObject({ error_summary: 'doc_length_exceeded', description: expect.stringContaining('Split the content') });
	});

	it('refuses content over one request\'s 150 MiB before sending anything', async () => {
		const size = 150 * MiB + 1;
		const stored = await storedBinaryInput(
			Readable.from((function* () {
				for (let left = size; left > 0; left -= 4 * MiB) yield Buffer.alloc(Math.min(4 * MiB, left), 'b');
			})()),
			'too big.md',
		);
		const before = (await env.emulator.log()).length;
		const result = await create('/Paper/Too big.paper', { inputType: 'binary' }, { inputItems: [{ json: {}, binary: { data: stored } }] });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(`The content is ${size} bytes: more than Dropbox takes for a Paper doc`);
		expect((result.error as { description?: string }).description).toContain('150 MiB');
		expect((await env.emulator.log()).slice(before).filter((entry) => entry.route === 'files/paper/create')).toEqual([]);
	});
});

describe('paperDoc → update', () => {
	const path = '/Paper/Log.paper';

	beforeAll(async () => {
		const created = await create(path, { fileContent: 'middle' });
		expect(created.error).toBeUndefined();
	});

	it('appends, prepends and overwrites, each answering the doc\'s new revision', async () => {
		const appended = await update(path, { fileContent: 'end', docUpdatePolicy: 'append' });
		expect(appended.error).toBeUndefined();
		expect(appended.items[0].json).toEqual({ path, paper_revision: 2 });
		assertPairedItems(appended.nodeOutput[0]);
		const prepended = await update(path, { fileContent: 'start', docUpdatePolicy: 'prepend' });
		expect(prepended.items[0].json.paper_revision).toBe(3);
		expect(await markdownOf(path)).toMatch(/start[\s\S]*middle[\s\S]*end/);

		const overwritten = await update(path, { fileContent: '<p>fresh</p>', importFormat: 'html', docUpdatePolicy: 'overwrite' });
		expect(overwritten.items[0].json.paper_revision).toBe(4);
		const now = await markdownOf(path);
		expect(now).toContain('fresh');
		expect(now).not.toContain('middle');
	});

	it('replaces only an unchanged doc: the current revision works, a stale one is explained', async () => {
		const current = await update(path, { fileContent: 'checked', docUpdatePolicy: 'overwrite' });
		const revision = current.items[0].json.paper_revision as number;

		const ok = await update(path, { fileContent: 'replaced', docUpdatePolicy: 'update', paperRevision: revision });
		expect(ok.error).toBeUndefined();
		expect(ok.items[0].json.paper_revision).toBe(revision + 1);

		const stale = await update(path, { fileContent: 'lost', docUpdatePolicy: 'update', paperRevision: revision }, { continueOnFail: true });
		expect(stale.items[0].json).toMatchObject({ error_summary: 'revision_mismatch', description: expect.stringContaining('"/Paper/Log.paper" has changed') });
		expect(await markdownOf(path)).toContain('replaced');
	});

	it('fails clearly for a missing doc and for a file that is not a Paper doc', async () => {
		const { Dropbox } = await import('dropbox');
		await new Dropbox({ accessToken: env.emulator.demo.access_token }).filesUpload({ path: '/Paper/notes.txt', contents: 'plain' });
		const result = await update(
			'={{ $json.path }}',
			{ fileContent: 'x', docUpdatePolicy: 'append' },
			{ continueOnFail: true, inputItems: [{ json: { path: '/Paper/Nowhere.paper' } }, { json: { path: '/Paper/notes.txt' } }] },
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const [missing, notPaper] = jsonOf(result.items);
		expect(missing).toMatchObject({ error_summary: 'path/not_found', description: expect.stringContaining('"/Paper/Nowhere.paper"') });
		expect(notPaper.error_summary).toBe('path/unsupported_content_type');
	});
});
