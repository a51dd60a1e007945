/**
 * file → export through n8n-core against the emulator: a Paper doc into a binary in its default format or one it
 * offers, and clear errors for a format it does not offer, a regular file and a missing one.
 */
import { assertPairedItems } from '../support/n8n';
import { jsonOf, locator, runSuite, seed, useEmulator } from './file-ops.fixture';

const env = useEmulator();

const exportRun = (path: string, extra: Record<string, unknown> = {}, options = {}) =>
	runSuite(env.emulator, { resource: 'file', operation: 'export', path: locator(path), ...extra }, options);

const MARKDOWN = '# Weekly plan\n\n- ship the node\n- write the docs\n';

describe('file → export', () => {
	beforeAll(async () => {
		await seed(env.emulator, '/Export/Weekly plan 🗓.paper', MARKDOWN);
	});

	it('exports a Paper doc in its default format into a binary, with the file\'s and the export\'s metadata', async () => {
		const result = await exportRun('/Export/Weekly plan 🗓.paper');
		expect(result.error).toBeUndefined();
		const item = result.items[0];
		expect(item.json).toMatchObject({
			name: 'Weekly plan 🗓.paper',
			path_display: '/Export/Weekly plan 🗓.paper',
			is_downloadable: false,
			export_metadata: { name: 'Weekly plan 🗓.md', paper_revision: 1 },
		});
		const binary = item.binary!.data;
		expect(binary).toMatchObject({ fileName: 'Weekly plan 🗓.md' });
		const bytes = await result.readBinary(binary);
		expect(bytes.toString()).toContain('# Weekly plan');
		expect((item.json.export_metadata as { size: number }).size).toBe(bytes.length);
		assertPairedItems(result.nodeOutput[0]);
	});

	it('exports in a format the doc offers, into the named field', async () => {
		const result = await exportRun('/Export/Weekly plan 🗓.paper', { binaryPropertyName: 'page', options: { exportFormat: 'html' } });
		expect(result.error).toBeUndefined();
		const binary = result.items[0].binary!.page;
		expect(binary.fileName).toBe('Weekly plan 🗓.html');
		expect((await result.readBinary(binary)).toString()).toMatch(/<h1>Weekly plan<\/h1>/);
	});

	it('fails clearly, item by item: a format not offered (naming those offered), a regular file, a missing one', async () => {
		await seed(env.emulator, '/Export/plain.txt', 'just text');
		const result = await runSuite(
			env.emulator,
			{ resource: 'file', operation: 'export', path: locator('={{ $json.path }}'), options: { exportFormat: '={{ $json.format }}' } },
			{
				continueOnFail: true,
				inputItems: [
					{ json: { path: '/Export/Weekly plan 🗓.paper', format: 'docx' } },
					{ json: { path: '/Export/plain.txt', format: '' } },
					{ json: { path: '/Export/none.paper', format: '' } },
				],
			},
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items.every((item) => item.binary === undefined)).toBe(true);
		const [format, regular, missing] = jsonOf(result.items);
		expect(format).toMatchObject({ error_summary: 'invalid_export_format' });
		expect(format.description).toBe(
			'"/Export/Weekly plan 🗓.paper" cannot be exported as "docx". It offers: markdown, html, plain_text. Set "Export Format" to one of them, or leave it empty for its default (markdown).',
		);
		expect(regular).toMatchObject({ error_summary: 'non_exportable', description: expect.stringContaining('File → Download') });
		expect(regular.description).toContain('"/Export/plain.txt"');
		expect(missing).toMatchObject({ error_summary: 'path/not_found', description: expect.stringContaining('"/Export/none.paper"') });
	});
});
