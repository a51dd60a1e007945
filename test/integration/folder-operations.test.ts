/** Folder → create, get and list through n8n-core against the emulator. */
import { assertPairedItems } from '../support/n8n';
import { jsonOf, locator, requestLog, type RunOptions, runSuite, seed, useEmulator } from './file-ops.fixture';

const env = useEmulator();

const run = (parameters: Record<string, unknown>, extra: RunOptions = {}) => runSuite(env.emulator, parameters, extra);
const { logLength, routesSince } = requestLog(env);

describe('folder → create', () => {
	it('creates one folder through create_folder_v2, parents included', async () => {
		const before = await logLength();
		const result = await run({ resource: 'folder', operation: 'create', path: locator('/Projects/2024/Reports') });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ name: 'Reports', path_display: '/Projects/2024/Reports' });
		expect(await routesSince(before)).toEqual(['files/create_folder_v2']);
		const parent = await run({ resource: 'folder', operation: 'get', path: locator('/Projects/2024') });
		expect(parent.items[0].json).toMatchObject({ '.tag': 'folder', path_display: '/Projects/2024' });
	});

	it('fails on an existing folder with a clear error, or returns it when asked', async () => {
		await run({ resource: 'folder', operation: 'create', path: locator('/Again') });
		const refused = await run({ resource: 'folder', operation: 'create', path: locator('/Again') });
		expect(refused.error?.message).toBe('Dropbox error: path/conflict/folder');
		expect(refused.error?.description).toContain('"/Again"');
		const returned = await run({ resource: 'folder', operation: 'create', path: locator('/Again'), options: { returnExisting: true } });
		expect(returned.error).toBeUndefined();
		expect(returned.items[0].json).toMatchObject({ path_display: '/Again', existing: true });
		expect(returned.items[0].json['.tag']).toBeUndefined();
	});

	it('creates many folders through create_folder_batch, each item with its own result, in input order', async () => {
		await run({ resource: 'folder', operation: 'create', path: locator('/Many/f05') });
		await seed(env.emulator, '/Many/f09', 'a file in the way');
		const names = Array.from({ length: 40 }, (_unused, index) => `/Many/f${String(index).padStart(2, '0')}`);
		const before = await logLength();
		const result = await run(
			{ resource: 'folder', operation: 'create', path: locator('={{ $json.path }}'), options: { returnExisting: true } },
			{ inputItems: names.map((path) => ({ json: { path } })), continueOnFail: true },
		);
		assertPairedItems(result.nodeOutput[0]);
		expect(result.items).toHaveLength(40);
		result.items.forEach((item, index) => {
			if (index === 9) expect(item.json.error).toMatch(/path\/conflict\/file/);
			else expect(item.json.path_display).toBe(names[index]);
		});
		expect(result.items[5].json.existing).toBe(true);
		const routes = await routesSince(before);
		expect(routes).toContain('files/create_folder_batch');
		expect(routes).not.toContain('files/create_folder_v2');
	});
});

describe('folder → get', () => {
	it('gets a folder, and says clearly when the path is a file or the root', async () => {
		await seed(env.emulator, '/Docs/readme.txt', 'hi');
		const folder = await run({ resource: 'folder', operation: 'get', path: locator('/Docs') });
		expect(folder.items[0].json).toMatchObject({ '.tag': 'folder', path_display: '/Docs' });
		const file = await run({ resource: 'folder', operation: 'get', path: locator('/Docs/readme.txt') });
		expect(file.error?.message).toBe('"/Docs/readme.txt" is a file, not a folder');
		const root = await run({ resource: 'folder', operation: 'get', path: locator('/') });
		expect(root.error?.message).toMatch(/root folder/);
	});
});

describe('folder → list', () => {
	beforeAll(async () => {
		for (let index = 0; index < 30; index++) await seed(env.emulator, `/List/file ${String(index).padStart(2, '0')}.${index % 3 === 0 ? 'pdf' : 'txt'}`, `${index}`);
		await seed(env.emulator, '/List/Sub/deep/inner.pdf', 'deep');
		await env.emulator.admin('POST', '/limits', { list_folder_page_size: 7 });
	});
	afterAll(async () => await env.emulator.admin('POST', '/limits', { list_folder_page_size: 2000 }));

	const list = async (parameters: Record<string, unknown>) =>
		await run({ resource: 'folder', operation: 'list', path: locator('/List'), ...parameters });

	it('returns every entry across pages, one item each', async () => {
		const before = await logLength();
		const result = await list({ returnAll: true });
		expect(result.error).toBeUndefined();
		const names = jsonOf(result.items).map((json) => json.name);
		expect(names).toHaveLength(31);
		expect(new Set(names).size).toBe(31);
		expect(names).toContain('Sub');
		const routes = await routesSince(before);
		expect(routes.filter((route) => route === 'files/list_folder/continue').length).toBeGreaterThanOrEqual(4);
	});

	it('stops at the limit without reading further pages', async () => {
		const before = await logLength();
		const result = await list({ returnAll: false, limit: 10 });
		expect(result.items).toHaveLength(10);
		expect((await routesSince(before)).filter((route) => route === 'files/list_folder/continue')).toHaveLength(1);
	});

	it('lists subfolders when recursive (not the listed folder itself), and filters by type and extension', async () => {
		const recursive = await list({ returnAll: true, recursive: true });
		expect(jsonOf(recursive.items).map((json) => json.path_display)).toEqual(expect.arrayContaining(['/List/Sub/deep', '/List/Sub/deep/inner.pdf']));
		const pdfs = await list({ returnAll: true, recursive: true, options: { extensions: '.PDF, docx' } });
		expect(jsonOf(pdfs.items).every((json) => String(json.name).endsWith('.pdf'))).toBe(true);
		expect(pdfs.items).toHaveLength(11);
		const folders = await list({ returnAll: true, recursive: true, options: { type: 'folders' } });
		expect(jsonOf(folders.items).map((json) => json.path_display)).toEqual(['/List/Sub', '/List/Sub/deep']);
	});

	it('includes deleted entries only when asked', async () => {
		await seed(env.emulator, '/Gone/old.txt', 'old');
		await seed(env.emulator, '/Gone/kept.txt', 'kept');
		await run({ resource: 'file', operation: 'delete', path: locator('/Gone/old.txt') });
		const plain = await run({ resource: 'folder', operation: 'list', path: locator('/Gone'), returnAll: true });
		expect(jsonOf(plain.items).map((json) => json.name)).toEqual(['kept.txt']);
		const withDeleted = await run({ resource: 'folder', operation: 'list', path: locator('/Gone'), returnAll: true, options: { includeDeleted: true } });
		expect(jsonOf(withDeleted.items).find((json) => json.name === 'old.txt')?.['.tag']).toBe('deleted');
	});

	it('names the folder when it does not exist', async () => {
		const result = await run({ resource: 'folder', operation: 'list', path: locator('/No/Such/Folder'), returnAll: true });
		expect(result.error?.message).toBe('Dropbox error: path/not_found');
		expect(result.error?.description).toContain('"/No/Such/Folder"');
	});
});
