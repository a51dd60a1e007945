/**
 * Search → Query through n8n-core against the emulator: matches by name and content, scope, filters, deleted
 * things, order, highlights, pages past the first, and the errors a person can act on.
 */
import type { AccountCredentials } from '../emulator/accounts/credentials';
import { assertPairedItems } from '../support/n8n';
import { jsonOf, locator, requestLog, runSuite, seed, useEmulator } from './file-ops.fixture';

const env = useEmulator();

const search = (query: string, parameters: Record<string, unknown> = {}, extra = {}) =>
	runSuite(env.emulator, { resource: 'search', operation: 'query', query, path: locator('/Search'), returnAll: true, ...parameters }, extra);
const { routesSince } = requestLog(env);

beforeAll(async () => {
	await seed(env.emulator, '/Search/Invoices/invoice 2024-01.pdf', '%PDF-1.4 not text\u0000');
	await seed(env.emulator, '/Search/Invoices/invoice 2024-02.txt', 'amount due: 120');
	await seed(env.emulator, '/Search/Notes/meeting.md', 'We talked about the invoice for the garden.');
	await seed(env.emulator, '/Search/Photos/garden.jpg', Buffer.from([0xff, 0xd8, 0x00, 0x01]));
	await seed(env.emulator, '/Elsewhere/invoice 2024-03.txt', 'outside the scope');
});

describe('search → query', () => {
	it('finds names and text content within the folder, one item per match with its metadata and match type', async () => {
		const result = await search('invoice');
		expect(result.error).toBeUndefined();
		assertPairedItems(result.nodeOutput[0]);
		const byPath = Object.fromEntries(jsonOf(result.items).map((json) => [json.path_display, json]));
		expect(Object.keys(byPath).sort()).toEqual([
			'/Search/Invoices',
			'/Search/Invoices/invoice 2024-01.pdf',
			'/Search/Invoices/invoice 2024-02.txt',
			'/Search/Notes/meeting.md',
		]);
		expect(byPath['/Search/Invoices/invoice 2024-02.txt']).toMatchObject({ '.tag': 'file', name: 'invoice 2024-02.txt', match_type: 'filename', size: 15 });
		expect(byPath['/Search/Notes/meeting.md'].match_type).toBe('file_content');
		expect(byPath['/Search/Invoices'].highlight).toBeUndefined();
	});

	it('searches the whole Space from "/", names only when asked, and by extension or category', async () => {
		const everywhere = await search('invoice 2024', { path: locator('/'), options: { filenameOnly: true } });
		expect(jsonOf(everywhere.items).map((json) => json.name).sort()).toEqual(['invoice 2024-01.pdf', 'invoice 2024-02.txt', 'invoice 2024-03.txt']);
		const names = await search('invoice', { options: { filenameOnly: true } });
		expect(jsonOf(names.items).map((json) => json.name)).not.toContain('meeting.md');
		const pdfs = await search('invoice', { options: { fileExtensions: '.PDF, docx' } });
		expect(jsonOf(pdfs.items).map((json) => json.name)).toEqual(['invoice 2024-01.pdf']);
		const folders = await search('invoice', { options: { fileCategories: ['folder'] } });
		expect(jsonOf(folders.items).map((json) => json.path_display)).toEqual(['/Search/Invoices']);
		const images = await search('garden', { options: { fileCategories: ['image'] } });
		expect(jsonOf(images.items).map((json) => json.name)).toEqual(['garden.jpg']);
	});

	it('orders by last modification when asked, and highlights the matched words', async () => {
		await seed(env.emulator, '/Search/Order/report old.txt', 'a');
		await new Promise((resolve) => setTimeout(resolve, 1100));
		await seed(env.emulator, '/Search/Order/report new.txt', 'b');
		const newest = await search('report', { path: locator('/Search/Order'), options: { orderBy: 'last_modified_time', includeHighlights: true } });
		expect(jsonOf(newest.items).map((json) => json.name)).toEqual(['report new.txt', 'report old.txt']);
		expect(newest.items[0].json.highlight).toBe('**report** new.txt');
		expect(newest.items[0].json.highlight_spans).toEqual([
			{ highlight_str: 'report', is_highlighted: true },
			{ highlight_str: ' new.txt', is_highlighted: false },
		]);
	});

	it('finds deleted files only when Include Deleted is on', async () => {
		await seed(env.emulator, '/Search/Trash/forgotten draft.txt', 'bye');
		await runSuite(env.emulator, { resource: 'file', operation: 'delete', path: locator('/Search/Trash/forgotten draft.txt') });
		expect((await search('forgotten')).items).toHaveLength(0);
		const deleted = await search('forgotten', { options: { includeDeleted: true } });
		expect(jsonOf(deleted.items)).toEqual([expect.objectContaining({ '.tag': 'deleted', name: 'forgotten draft.txt' })]);
	});

	it('reads every page past the first, and stops at the limit', async () => {
		for (let index = 0; index < 10; index++) await seed(env.emulator, `/Paged/match ${index}.txt`, `${index}`);
		await env.emulator.admin('POST', '/limits', { search_page_size: 3 });
		try {
			const run = (parameters: Record<string, unknown>) => search('match', { path: locator('/Paged'), options: { filenameOnly: true }, ...parameters });
			let before = (await env.emulator.log()).length;
			const all = await run({ returnAll: true });
			expect(all.error).toBeUndefined();
			expect(jsonOf(all.items).map((json) => json.name).sort()).toEqual(Array.from({ length: 10 }, (_unused, index) => `match ${index}.txt`));
			expect(await routesSince(before)).toEqual(['files/search_v2', ...Array(3).fill('files/search/continue_v2')]);

			before = (await env.emulator.log()).length;
			const some = await run({ returnAll: false, limit: 5 });
			expect(jsonOf(some.items).map((json) => json.name)).toEqual(jsonOf(all.items).slice(0, 5).map((json) => json.name));
			expect(await routesSince(before)).toEqual(['files/search_v2', 'files/search/continue_v2']);
		} finally {
			await env.emulator.admin('POST', '/limits', { search_page_size: 1000 });
		}
	});

	it('searches the team space when that Space is chosen', async () => {
		const member = await env.emulator.admin<AccountCredentials>('POST', '/accounts', { team: true });
		const made = await runSuite(env.emulator, { resource: 'folder', operation: 'create', space: 'team', path: locator('/Handbook policies') }, {}, member);
		expect(made.error).toBeUndefined();
		const inSpace = (space: string) =>
			runSuite(env.emulator, { resource: 'search', operation: 'query', query: 'policies', space, path: locator('/'), returnAll: true }, {}, member);
		expect((await inSpace('own')).items).toHaveLength(0);
		const team = await inSpace('team');
		expect(jsonOf(team.items).map((json) => json.path_display)).toEqual(['/Handbook policies']);
	});

	it('explains a missing folder, filters Dropbox cannot combine with deleted files, an empty query and a missing scope', async () => {
		const missing = await search('invoice', { path: locator('/No/Such') });
		expect(missing.error?.message).toBe('Dropbox error: path/not_found');
		expect(missing.error?.description).toContain('"/No/Such"');

		const combined = await search('invoice', { options: { includeDeleted: true, fileExtensions: 'pdf' } });
		expect(combined.error?.message).toMatch(/^Dropbox error: invalid_argument/);
		expect(combined.error?.description).toContain('Include Deleted');

		const empty = await search('  ');
		expect(empty.error?.message).toBe('"Search For" is empty');

		const limited = await env.emulator.admin<AccountCredentials>('POST', '/accounts', { scopes: ['account_info.read'] });
		const refused = await runSuite(env.emulator, { resource: 'search', operation: 'query', query: 'x', path: locator('/') }, {}, limited);
		expect(refused.error?.message).toMatch(/missing_scope/);
		expect(refused.error?.description).toContain('"files.metadata.read"');
	});

	it('keeps going past a failed item with Continue On Fail', async () => {
		const result = await runSuite(
			env.emulator,
			{ resource: 'search', operation: 'query', query: '={{ $json.query }}', path: locator('={{ $json.path }}'), returnAll: true },
			{
				continueOnFail: true,
				inputItems: [
					{ json: { query: 'meeting', path: '/Search' } },
					{ json: { query: 'meeting', path: '/Nowhere' } },
					{ json: { query: 'garden', path: '/Search/Photos' } },
				],
			},
		);
		assertPairedItems(result.nodeOutput[0]);
		expect(result.nodeOutput[0].map((item) => [item.pairedItem, item.json.name ?? item.json.error_summary])).toEqual([
			[{ item: 0 }, 'meeting.md'],
			[{ item: 1 }, 'path/not_found'],
			[{ item: 2 }, 'garden.jpg'],
		]);
	});
});
