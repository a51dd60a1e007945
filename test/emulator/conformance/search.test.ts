/** files/search_v2 and files/search/continue_v2 through the official SDK. */
import type { Dropbox, files } from 'dropbox';
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import type { AccountCredentials } from '../accounts/credentials';
import { describeRoute } from './describe-route';
import { client, sdkFailure } from './sdk-support';
import { expectOfType } from './spec-shape';

let emu: TestEmulator;
let dbx: Dropbox;
beforeAll(async () => {
	emu = await startTestEmulator();
	const account = await emu.admin<AccountCredentials>('POST', '/accounts', {});
	dbx = client(emu, account.access_token);
	// Modification times in the opposite order of the paths, so that ordering by time is seen.
	await dbx.filesUpload({ path: '/Reports/Quarterly Report.txt', contents: 'revenue grew in the north', client_modified: '2024-03-01T00:00:00Z' });
	await dbx.filesUpload({ path: '/Reports/notes.md', contents: 'the quarterly numbers are final', client_modified: '2024-02-01T00:00:00Z' });
	await dbx.filesUpload({ path: '/Photos/report-cover.png', contents: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), client_modified: '2024-01-01T00:00:00Z' });
	await dbx.filesUpload({ path: '/Old/report draft.txt', contents: 'draft' });
	await dbx.filesDeleteV2({ path: '/Old/report draft.txt' });
	await dbx.filesCreateFolderV2({ path: '/Reports/Archive' });
});
afterAll(() => emu.stop());

type Match = { metadata: files.MetadataV2 };
/** The matched things' paths; a result kind other than `metadata` would show as undefined and fail. */
const paths = (matches: Match[]) => matches.map((match) => (match.metadata['.tag'] === 'metadata' ? match.metadata.metadata.path_display : undefined));

describeRoute('files/search_v2', () => emu, () => {
	it('finds names containing every word, best name match first, with the match type', async () => {
		const { result } = await dbx.filesSearchV2({ query: 'report', options: { filename_only: true } });
		expectOfType('files', 'SearchV2Result', result);
		expect(paths(result.matches)).toEqual(['/Photos/report-cover.png', '/Reports', '/Reports/Quarterly Report.txt']);
		expect(result.matches.every((match) => match.match_type?.['.tag'] === 'filename')).toBe(true);
		expect(result.has_more).toBe(false);
	});

	it('searches the text of text files unless filename_only', async () => {
		const { result } = await dbx.filesSearchV2({ query: 'quarterly' });
		expectOfType('files', 'SearchV2Result', result);
		const types = Object.fromEntries(result.matches.map((match) => [match.metadata['.tag'] === 'metadata' ? match.metadata.metadata.path_display : '', match.match_type?.['.tag']]));
		expect(types).toEqual({ '/Reports/Quarterly Report.txt': 'filename', '/Reports/notes.md': 'file_content' });
	});

	it('scopes to a path, filters by extension and category, and orders by modification time', async () => {
		const scoped = (await dbx.filesSearchV2({ query: 'report', options: { path: '/Photos' } })).result;
		expect(paths(scoped.matches)).toEqual(['/Photos/report-cover.png']);
		const texts = (await dbx.filesSearchV2({ query: 'e', options: { file_extensions: ['txt', '.md'], filename_only: true } })).result;
		expect(paths(texts.matches).sort()).toEqual(['/Reports/Quarterly Report.txt', '/Reports/notes.md']);
		const images = (await dbx.filesSearchV2({ query: 'report', options: { file_categories: [{ '.tag': 'image' }] } })).result;
		expect(paths(images.matches)).toEqual(['/Photos/report-cover.png']);
		const folders = (await dbx.filesSearchV2({ query: 're', options: { file_categories: [{ '.tag': 'folder' }] } })).result;
		expect(paths(folders.matches)).toEqual(['/Reports']);
		const byTime = (await dbx.filesSearchV2({ query: 'e', options: { order_by: { '.tag': 'last_modified_time' }, filename_only: true } })).result;
		const files = paths(byTime.matches).filter((path) => path?.includes('.'));
		expect(files).toEqual(['/Reports/Quarterly Report.txt', '/Reports/notes.md', '/Photos/report-cover.png']);
	});

	it('finds deleted things with file_status deleted', async () => {
		const { result } = await dbx.filesSearchV2({ query: 'draft', options: { file_status: { '.tag': 'deleted' } } });
		expectOfType('files', 'SearchV2Result', result);
		expect(result.matches.map((match) => (match.metadata as files.MetadataV2Metadata).metadata)).toEqual([
			{ '.tag': 'deleted', name: 'report draft.txt', path_lower: '/old/report draft.txt', path_display: '/Old/report draft.txt' },
		]);
		const active = (await dbx.filesSearchV2({ query: 'draft', options: { filename_only: true } })).result;
		expect(active.matches).toEqual([]);
	});

	it('gives highlight spans of the name when asked', async () => {
		const { result } = await dbx.filesSearchV2({ query: 'report', options: { path: '/Reports', filename_only: true }, match_field_options: { include_highlights: true } });
		expectOfType('files', 'SearchV2Result', result);
		expect(result.matches[0].highlight_spans).toEqual([
			{ highlight_str: 'Quarterly ', is_highlighted: false },
			{ highlight_str: 'Report', is_highlighted: true },
			{ highlight_str: '.txt', is_highlighted: false },
		]);
		const plain = (await dbx.filesSearchV2({ query: 'report', options: { path: '/Reports', filename_only: true } })).result;
		expect(plain.matches[0].highlight_spans).toBeUndefined();
	});

	it('answers path/not_found for a missing scope, invalid_argument for an empty query or filters on deleted', async () => {
		const missing = await sdkFailure(dbx.filesSearchV2({ query: 'x', options: { path: '/Nope' } }));
		expect(missing.status).toBe(409);
		expect(missing.error.error).toEqual({ '.tag': 'path', path: { '.tag': 'not_found' } });
		const empty = await sdkFailure(dbx.filesSearchV2({ query: '  ' }));
		expect(empty.error.error['.tag']).toBe('invalid_argument');
		const filtered = await sdkFailure(dbx.filesSearchV2({ query: 'x', options: { file_status: { '.tag': 'deleted' }, file_extensions: ['txt'] } }));
		expect(filtered.error.error['.tag']).toBe('invalid_argument');
	});
});

describeRoute('files/search/continue_v2', () => emu, () => {
	it('pages through every match with the cursor', async () => {
		const first = (await dbx.filesSearchV2({ query: 'r', options: { max_results: 2, filename_only: true } })).result;
		expect(first.matches).toHaveLength(2);
		expect(first.has_more).toBe(true);
		const all = paths(first.matches);
		let cursor = first.cursor;
		while (cursor) {
			const next = (await dbx.filesSearchContinueV2({ cursor })).result;
			expectOfType('files', 'SearchV2Result', next);
			all.push(...paths(next.matches));
			cursor = next.has_more ? next.cursor : undefined;
		}
		const whole = (await dbx.filesSearchV2({ query: 'r', options: { filename_only: true } })).result;
		expect(all).toEqual(paths(whole.matches));
		expect(all.length).toBeGreaterThan(2);
	});

	it('caps a page at the admin limit search_page_size', async () => {
		await emu.admin('POST', '/limits', { search_page_size: 1 });
		try {
			const first = (await dbx.filesSearchV2({ query: 'r', options: { filename_only: true } })).result;
			expect(first.matches).toHaveLength(1);
			expect(first.has_more).toBe(true);
			const second = (await dbx.filesSearchContinueV2({ cursor: first.cursor! })).result;
			expect(second.matches).toHaveLength(1);
			expect(paths(second.matches)).not.toEqual(paths(first.matches));
		} finally {
			await emu.admin('POST', '/limits', { search_page_size: 1000 });
		}
	});

	it('answers invalid_argument for a string that is not a search cursor', async () => {
		const error = await sdkFailure(dbx.filesSearchContinueV2({ cursor: 'nonsense' }));
		expect(error.status).toBe(409);
		expect(error.error.error['.tag']).toBe('invalid_argument');
	});
});
