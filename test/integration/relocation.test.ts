/**
 * File and folder → copy, move and delete through n8n-core against the emulator: one item through the plain
 * route, many through the batch routes and their jobs, each item with its own result or error, in input order.
 */
import { assertPairedItems } from '../support/n8n';
import { jsonOf, locator, requestLog, type RunOptions, runSuite, seed, stat, useEmulator } from './file-ops.fixture';

const env = useEmulator();

const run = (parameters: Record<string, unknown>, extra: RunOptions = {}) => runSuite(env.emulator, parameters, extra);
const exists = async (path: string) =>
	await stat(env.emulator, path).then(
		() => true,
		() => false,
	);
const { logLength, routesSince } = requestLog(env);
const fromItems = (paths: string[], to?: (path: string) => string) =>
	paths.map((path) => ({ json: { from: path, ...(to ? { to: to(path) } : {}) } }));
const perItem = { path: locator('={{ $json.from }}'), toPath: locator('={{ $json.to }}') };

describe('copy and move, one item', () => {
	it('copies a file through copy_v2 and outputs the copy', async () => {
		await seed(env.emulator, '/Single/a.txt', 'alpha');
		const before = await logLength();
		const result = await run({ resource: 'file', operation: 'copy', path: locator('/Single/a.txt'), toPath: locator('/Single/b.txt') });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ '.tag': 'file', path_display: '/Single/b.txt', size: 5 });
		expect(await routesSince(before)).toEqual(['files/copy_v2']);
		expect((await stat(env.emulator, '/Single/b.txt')).content_hash).toBe((await stat(env.emulator, '/Single/a.txt')).content_hash);
	});

	it('moves into a folder named with a trailing "/", keeping the name, also for a source given by ID', async () => {
		const { id } = await seed(env.emulator, '/Inbox/report 📄.pdf', '%PDF');
		const result = await run({ resource: 'file', operation: 'move', path: { __rl: true, mode: 'id', value: id }, toPath: locator('/Archive/2024/') });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ path_display: '/Archive/2024/report 📄.pdf', id });
		expect(await exists('/Inbox/report 📄.pdf')).toBe(false);
	});

	it('refuses an existing destination with to/conflict naming it, and renames when asked', async () => {
		await seed(env.emulator, '/Conflict/a.txt', 'a');
		await seed(env.emulator, '/Conflict/b.txt', 'b');
		const refused = await run({ resource: 'file', operation: 'copy', path: locator('/Conflict/a.txt'), toPath: locator('/Conflict/b.txt') });
		expect(refused.error?.message).toBe('Dropbox error: to/conflict/file');
		expect(refused.error?.description).toContain('"/Conflict/b.txt"');
		expect(refused.error?.description).toMatch(/rename option/);

		const renamed = await run({
			resource: 'file',
			operation: 'copy',
			path: locator('/Conflict/a.txt'),
			toPath: locator('/Conflict/b.txt'),
			options: { autorename: true },
		});
		expect(renamed.items[0].json.path_display).toBe('/Conflict/b (1).txt');
	});

	it('says a folder cannot go into itself, and names a missing source', async () => {
		await seed(env.emulator, '/Nest/inner/x.txt', 'x');
		const into = await run({ resource: 'folder', operation: 'move', path: locator('/Nest'), toPath: locator('/Nest/inner/Nest') });
		expect(into.error?.message).toMatch(/cant_move_folder_into_itself/);
		expect(into.error?.description).toMatch(/inside itself/);

		const missing = await run({ resource: 'file', operation: 'copy', path: locator('/Nowhere/ghost.txt'), toPath: locator('/Somewhere/ghost.txt') });
		expect(missing.error?.message).toBe('Dropbox error: from_lookup/not_found');
		expect(missing.error?.description).toContain('"/Nowhere/ghost.txt"');
	});
});

describe('copy, move and delete, many items: the batch routes', () => {
	it('copies 300 items in one batch job; missing sources fail alone, in input order, under Continue On Fail', async () => {
		const paths = Array.from({ length: 300 }, (_unused, index) => `/Batch/src/f${String(index).padStart(3, '0')}.txt`);
		const missing = new Set([7, 150, 299]);
		for (const [index, path] of paths.entries()) if (!missing.has(index)) await seed(env.emulator, path, `file ${index}`);
		const before = await logLength();
		const result = await run(
			{ resource: 'file', operation: 'copy', ...perItem },
			{ inputItems: fromItems(paths, (path) => path.replace('/src/', '/dst/')), continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		assertPairedItems(result.nodeOutput[0]);
		expect(result.items).toHaveLength(300);
		result.items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			if (missing.has(index)) {
				expect(item.json.error).toMatch(/from_lookup\/not_found/);
			} else {
				expect(item.json.path_display).toBe(paths[index].replace('/src/', '/dst/'));
			}
		});
		const routes = await routesSince(before);
		expect(routes.filter((route) => route === 'files/copy_batch_v2')).toHaveLength(1);
		expect(routes.filter((route) => route === 'files/copy_batch/check_v2').length).toBeGreaterThanOrEqual(1);
		expect(routes).not.toContain('files/copy_v2');
		expect(await exists('/Batch/dst/f008.txt')).toBe(true);
		expect(await exists('/Batch/dst/f007.txt')).toBe(false);
	});

	it('without Continue On Fail, a failed entry fails the node naming its item, after the others were moved', async () => {
		await seed(env.emulator, '/Strict/one.txt', '1');
		await seed(env.emulator, '/Strict/two.txt', '2');
		const result = await run(
			{ resource: 'file', operation: 'move', ...perItem },
			{ inputItems: fromItems(['/Strict/one.txt', '/Strict/missing.txt', '/Strict/two.txt'], (path) => path.replace('/Strict/', '/Strict/moved/')) },
		);
		expect(result.error?.message).toMatch(/from_lookup\/not_found/);
		expect(result.error?.description).toContain('"/Strict/missing.txt"');
		expect(await exists('/Strict/moved/one.txt')).toBe(true);
		expect(await exists('/Strict/moved/two.txt')).toBe(true);
	});

	it('puts items with different rename options into different jobs', async () => {
		await seed(env.emulator, '/Mixed/a.txt', 'a');
		await seed(env.emulator, '/Mixed/b.txt', 'b');
		await seed(env.emulator, '/Mixed/out/a.txt', 'taken');
		await seed(env.emulator, '/Mixed/out/b.txt', 'taken');
		const before = await logLength();
		const result = await run(
			{ resource: 'file', operation: 'copy', ...perItem, options: { autorename: '={{ $json.rename }}' } },
			{
				inputItems: [
					{ json: { from: '/Mixed/a.txt', to: '/Mixed/out/a.txt', rename: true } },
					{ json: { from: '/Mixed/b.txt', to: '/Mixed/out/b.txt', rename: false } },
				],
				continueOnFail: true,
			},
		);
		expect(result.items[0].json.path_display).toBe('/Mixed/out/a (1).txt');
		expect(result.items[1].json.error).toMatch(/to\/conflict/);
		expect((await routesSince(before)).filter((route) => route === 'files/copy_batch_v2')).toHaveLength(2);
	});

	it('deletes many files through delete_batch; a stale revision guard fails only its file', async () => {
		const a = await seed(env.emulator, '/Trash/a.txt', 'a');
		await seed(env.emulator, '/Trash/b.txt', 'b');
		const c = await seed(env.emulator, '/Trash/c.txt', 'c');
		await seed(env.emulator, '/Trash/c.txt', 'c, changed since');
		const before = await logLength();
		const result = await run(
			{ resource: 'file', operation: 'delete', path: locator('={{ $json.from }}'), options: { parentRev: '={{ $json.rev }}' } },
			{
				inputItems: [
					{ json: { from: '/Trash/a.txt', rev: a.rev } },
					{ json: { from: '/Trash/b.txt', rev: '' } },
					{ json: { from: '/Trash/c.txt', rev: c.rev } },
				],
				continueOnFail: true,
			},
		);
		expect(jsonOf(result.items).map((json) => json.path_display ?? json.error)).toEqual([
			'/Trash/a.txt',
			'/Trash/b.txt',
			expect.stringMatching(/path_write\/conflict|conflict/),
		]);
		expect(await exists('/Trash/c.txt')).toBe(true);
		expect(await routesSince(before)).toContain('files/delete_batch');
	});

	it('reports too_many_files for a folder too big to delete in one request, with what to do', async () => {
		for (let index = 0; index < 6; index++) await seed(env.emulator, `/Huge/f${index}.txt`, 'x');
		await env.emulator.admin('POST', '/limits', { operation_entry_limit: 5 });
		try {
			const result = await run({ resource: 'folder', operation: 'delete', path: locator('/Huge') });
			expect(result.error?.message).toMatch(/too_many_files/);
			expect(result.error?.description).toMatch(/smaller parts|one subfolder at a time/);
			expect(await exists('/Huge/f0.txt')).toBe(true);
		} finally {
			await env.emulator.admin('POST', '/limits', { operation_entry_limit: 10_000 });
		}
	});
});
