/**
 * Paper docs through the official SDK: paper/create and paper/update (Markdown, HTML or plain text in, the
 * update policies, paper_revision), stored as `.paper` files that cannot be downloaded but export as
 * Markdown, HTML or plain text, and the errors of each route.
 */
import { describeRoute } from './describe-route';
import { expectSpecShape, routeFailure, sdkWorld } from './files-support';

const world = sdkWorld();

type Format = 'markdown' | 'html' | 'plain_text';

async function create(path: string, contents: string, format: Format = 'markdown') {
	return (await world.dbx.filesPaperCreate({ path, import_format: { '.tag': format }, contents })).result;
}

async function exported(path: string, export_format?: string): Promise<{ text: string; result: { export_metadata: { name: string; size: number; paper_revision?: number } } }> {
	const answer = (await world.dbx.filesExport({ path, ...(export_format ? { export_format } : {}) })).result as unknown as { fileBinary: Buffer; export_metadata: { name: string; size: number; paper_revision?: number } };
	const { fileBinary, ...result } = answer;
	expectSpecShape('ExportResult', result);
	return { text: Buffer.from(fileBinary).toString('utf8'), result };
}

const DOC = '# Plan\n\nShip **fast**, test *well*.\n\n- one\n- two\n';

describeRoute('files/paper/create', () => world.emu, () => {
	it('stores a Paper doc as a .paper file that is not downloadable and offers its export formats', async () => {
		const created = await create('/Paper/Plan.paper', DOC);
		expectSpecShape('PaperCreateResult', created);
		expect(created).toMatchObject({ result_path: '/Paper/Plan.paper', paper_revision: 1 });
		expect(created.url).toMatch(/^https:\/\/paper\.dropbox\.com\/doc\//);
		const metadata = (await world.dbx.filesGetMetadata({ path: created.file_id })).result;
		expect(metadata).toMatchObject({ '.tag': 'file', is_downloadable: false, export_info: { export_as: 'markdown', export_options: ['markdown', 'html', 'plain_text'] } });
		expect(await routeFailure(world.dbx.filesDownload({ path: '/Paper/Plan.paper' }))).toEqual({ '.tag': 'unsupported_file' });
	});

	it('autorenames a taken name and reports where the doc went', async () => {
		await create('/Paper/Twice.paper', 'first');
		const second = await create('/Paper/Twice.paper', 'second');
		expect(second.result_path).toBe('/Paper/Twice (1).paper');
	});

	it('imports HTML and plain text into the same doc model', async () => {
		await create('/Paper/FromHtml.paper', '<html><body><h2>Title &amp; more</h2><p>Some <strong>bold</strong> and <a href="https://x.test/">a link</a></p><ol><li>a</li><li>b</li></ol></body></html>', 'html');
		expect((await exported('/Paper/FromHtml.paper')).text).toBe('## Title & more\n\nSome **bold** and [a link](https://x.test/)\n\n1. a\n2. b\n');
		await create('/Paper/FromText.paper', '# not a heading\n*literal* stars', 'plain_text');
		expect((await exported('/Paper/FromText.paper', 'plain_text')).text).toBe('# not a heading\n*literal* stars\n');
		expect((await exported('/Paper/FromText.paper', 'html')).text).toContain('<p># not a heading<br>*literal* stars</p>');
	});

	it('answers invalid_file_extension, content_malformed, doc_length_exceeded and invalid_path', async () => {
		expect(await routeFailure(world.dbx.filesPaperCreate({ path: '/Paper/notes.txt', import_format: { '.tag': 'markdown' }, contents: 'x' }))).toEqual({ '.tag': 'invalid_file_extension' });
		expect(await routeFailure(world.dbx.filesPaperCreate({ path: '/Paper/Bad.paper', import_format: { '.tag': 'html' }, contents: '<p><b>unclosed</p>' }))).toEqual({ '.tag': 'content_malformed' });
		expect(await routeFailure(world.dbx.filesPaperCreate({ path: '/Paper/Bin.paper', import_format: { '.tag': 'markdown' }, contents: Buffer.from([0xff, 0xfe, 0x00]) }))).toEqual({ '.tag': 'content_malformed' });
		expect(await routeFailure(world.dbx.filesPaperCreate({ path: '/Paper/Huge.paper', import_format: { '.tag': 'markdown' }, contents: Buffer.alloc(1024 * 1024 + 1, 'a') }))).toEqual({ '.tag': 'doc_length_exceeded' });
		await world.dbx.filesUpload({ path: '/Paper/file.txt', contents: 'f' });
		expect(await routeFailure(world.dbx.filesPaperCreate({ path: '/Paper/file.txt/Below.paper', import_format: { '.tag': 'markdown' }, contents: 'x' }))).toEqual({ '.tag': 'invalid_path' });
	});
});

describeRoute('files/export', () => world.emu, () => {
	it('exports a doc as Markdown (the default), HTML or plain text, with the export\'s name, size and paper_revision', async () => {
		await create('/Paper/Export.paper', DOC);
		const markdown = await exported('/Paper/Export.paper');
		expect(markdown.text).toBe(DOC);
		expect(markdown.result.export_metadata).toMatchObject({ name: 'Export.md', size: Buffer.byteLength(DOC), paper_revision: 1 });
		const html = await exported('/Paper/Export.paper', 'html');
		expect(html.result.export_metadata.name).toBe('Export.html');
		expect(html.text).toContain('<h1>Plan</h1>');
		expect(html.text).toContain('<p>Ship <strong>fast</strong>, test <em>well</em>.</p>');
		expect(html.text).toContain('<ul><li>one</li><li>two</li></ul>');
		const plain = await exported('/Paper/Export.paper', 'plain_text');
		expect([plain.result.export_metadata.name, plain.text]).toEqual(['Export.txt', 'Plan\n\nShip fast, test well.\n\n- one\n- two\n']);
	});

	it('answers non_exportable, invalid_export_format and path errors', async () => {
		await create('/Paper/Formats.paper', 'x');
		await world.dbx.filesUpload({ path: '/Paper/plain.txt', contents: 'downloadable' });
		expect(await routeFailure(world.dbx.filesExport({ path: '/Paper/plain.txt' }))).toEqual({ '.tag': 'non_exportable' });
		expect(await routeFailure(world.dbx.filesExport({ path: '/Paper/Formats.paper', export_format: 'docx' }))).toEqual({ '.tag': 'invalid_export_format' });
		expect(await routeFailure(world.dbx.filesExport({ path: '/Paper/none.paper' }))).toEqual({ '.tag': 'path', path: { '.tag': 'not_found' } });
	});
});

describeRoute('files/paper/update', () => world.emu, () => {
	it('overwrites, appends, prepends and updates by revision, each a new paper_revision and file revision', async () => {
		await create('/Paper/Log.paper', 'middle');
		const update = (policy: 'overwrite' | 'append' | 'prepend' | 'update', contents: string, paper_revision?: number) =>
			world.dbx.filesPaperUpdate({ path: '/Paper/Log.paper', import_format: { '.tag': 'markdown' }, doc_update_policy: { '.tag': policy }, contents, ...(paper_revision ? { paper_revision } : {}) });
		expect((await update('append', 'end')).result).toEqual({ paper_revision: 2 });
		expect((await update('prepend', 'start')).result).toEqual({ paper_revision: 3 });
		expect((await exported('/Paper/Log.paper')).text).toBe('start\n\nmiddle\n\nend\n');
		expect(await routeFailure(update('update', 'stale', 2))).toEqual({ '.tag': 'revision_mismatch' });
		expect((await update('update', 'fresh', 3)).result).toEqual({ paper_revision: 4 });
		expect((await update('overwrite', 'fresh')).result).toEqual({ paper_revision: 5 });
		expect((await exported('/Paper/Log.paper')).result.export_metadata.paper_revision).toBe(5);
		const revisions = (await world.dbx.filesListRevisions({ path: '/Paper/Log.paper', limit: 10 })).result.entries;
		expect(revisions).toHaveLength(5);
	});

	it('answers path errors, unsupported_content_type for a file that is not a doc, and doc_deleted', async () => {
		const update = (path: string) => world.dbx.filesPaperUpdate({ path, import_format: { '.tag': 'markdown' }, doc_update_policy: { '.tag': 'overwrite' }, contents: 'x' });
		expect(await routeFailure(update('/Paper/Missing.paper'))).toEqual({ '.tag': 'path', path: { '.tag': 'not_found' } });
		await world.dbx.filesUpload({ path: '/Paper/text.txt', contents: 't' });
		expect(await routeFailure(update('/Paper/text.txt'))).toEqual({ '.tag': 'path', path: { '.tag': 'unsupported_content_type' } });
		await create('/Paper/Gone.paper', 'bye');
		await world.dbx.filesDeleteV2({ path: '/Paper/Gone.paper' });
		expect(await routeFailure(update('/Paper/Gone.paper'))).toEqual({ '.tag': 'doc_deleted' });
	});
});
