/**
 * file → listRevisions and file → restore through n8n-core against the emulator: newest first, path and id modes,
 * paging past Dropbox's 100 a call, a deleted file's state, restoring, and the errors a person can act on.
 */
import { assertPairedItems } from '../support/n8n';
import { jsonOf, locator, runSuite, seed, stat, useEmulator } from './file-ops.fixture';

const env = useEmulator();

const listRevisions = (path: string, extra: Record<string, unknown> = {}, options = {}) =>
	runSuite(env.emulator, { resource: 'file', operation: 'listRevisions', path: locator(path), ...extra }, options);

describe('file → listRevisions', () => {
	it('lists a file\'s revisions newest first, one item each, with the file\'s state on every item', async () => {
		const path = '/Revisions/plan 📝.md';
		const revs = [];
		for (const text of ['one', 'two', 'three']) revs.push((await seed(env.emulator, path, text)).rev);

		const result = await listRevisions(path, { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.rev)).toEqual([...revs].reverse());
		expect(result.items.every((item) => item.json.is_deleted === false && item.json.server_deleted === undefined)).toBe(true);
		expect(result.items[0].json).toMatchObject({ name: 'plan 📝.md', path_display: path, size: 5 });
		assertPairedItems(result.nodeOutput[0]);

		const limited = await listRevisions(path, { returnAll: false, limit: 2 });
		expect(limited.items.map((item) => item.json.rev)).toEqual([revs[2], revs[1]]);
	});

	it('returns all of more than 100 revisions at a path, paging with before_rev, each listed once', async () => {
		// Two files in turn at one path (the first deleted): path mode lists the revisions of both.
		const path = '/Revisions/busy.txt';
		const { Dropbox } = await import('dropbox');
		const revs: string[] = [];
		for (let i = 0; i < 60; i++) revs.push((await seed(env.emulator, path, `first file, version ${i}`)).rev);
		await new Dropbox({ accessToken: env.emulator.demo.access_token }).filesDeleteV2({ path });
		for (let i = 0; i < 60; i++) revs.push((await seed(env.emulator, path, `second file, version ${i}`)).rev);
		const before = (await env.emulator.log()).length;

		const result = await listRevisions(path, { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.rev)).toEqual([...revs].reverse());
		const calls = (await env.emulator.log()).slice(before).filter((entry) => entry.route === 'files/list_revisions');
		expect(calls).toHaveLength(2);
		// The file's state is the newest revision's, on every item, the older file's included.
		expect(result.items.every((item) => item.json.is_deleted === false)).toBe(true);

		const capped = await listRevisions(path, { returnAll: false, limit: 100 });
		expect(capped.items).toHaveLength(100);
	});

	it('follows a file across a rename in id mode, while path mode sees only the new path', async () => {
		const before = await seed(env.emulator, '/Revisions/old name.txt', 'first');
		await seed(env.emulator, '/Revisions/old name.txt', 'second');
		const current = await runSuite(env.emulator, {
			resource: 'file',
			operation: 'get',
			path: locator('/Revisions/old name.txt'),
		});
		expect(current.items[0].json.id).toBe(before.id);
		// Rename through the API, as a user would.
		const { Dropbox } = await import('dropbox');
		await new Dropbox({ accessToken: env.emulator.demo.access_token }).filesMoveV2({
			from_path: '/Revisions/old name.txt',
			to_path: '/Revisions/new name.txt',
		});
		await seed(env.emulator, '/Revisions/new name.txt', 'third');

		const byPath = await listRevisions('/Revisions/new name.txt', { returnAll: true });
		const byId = await listRevisions('/Revisions/new name.txt', { returnAll: true, mode: 'id' });
		expect(byId.items.length).toBeGreaterThan(byPath.items.length);
		expect(byId.items.map((item) => item.json.id)).toEqual(byId.items.map(() => before.id));
		expect(byId.items.some((item) => item.json.rev === before.rev)).toBe(true);
	});

	it('keeps is_deleted and server_deleted for a deleted file', async () => {
		const path = '/Revisions/deleted.txt';
		await seed(env.emulator, path, 'soon gone');
		const { Dropbox } = await import('dropbox');
		await new Dropbox({ accessToken: env.emulator.demo.access_token }).filesDeleteV2({ path });

		const result = await listRevisions(path, { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.is_deleted).toBe(true);
		expect(new Date(result.items[0].json.server_deleted as string).getTime()).not.toBeNaN();
	});

	it('fails clearly for a missing file and for a folder, naming each item\'s path', async () => {
		await seed(env.emulator, '/Revisions/A Folder/inside.txt', 'x');
		const result = await runSuite(
			env.emulator,
			{ resource: 'file', operation: 'listRevisions', path: locator('={{ $json.path }}'), returnAll: true },
			{ continueOnFail: true, inputItems: [{ json: { path: '/Revisions/nothing here.txt' } }, { json: { path: '/Revisions/A Folder' } }] },
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const [missing, folder] = jsonOf(result.items);
		expect(missing).toMatchObject({ error_summary: 'path/not_found', description: expect.stringContaining('"/Revisions/nothing here.txt"') });
		expect(folder).toMatchObject({ error_summary: 'path/not_file', description: expect.stringContaining('"/Revisions/A Folder"') });
	});
});

describe('file → restore', () => {
	it('makes an earlier revision current again, as a new revision with its content', async () => {
		const path = '/Restore/report.txt';
		const first = await seed(env.emulator, path, 'the good version');
		await seed(env.emulator, path, 'a mistake');

		const result = await runSuite(env.emulator, { resource: 'file', operation: 'restore', path: locator(path), rev: first.rev });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ path_display: path, size: 'the good version'.length, content_hash: first.content_hash });
		assertPairedItems(result.nodeOutput[0]);
		const now = await stat(env.emulator, path);
		expect(now.content_hash).toBe(first.content_hash);
		expect(result.items[0].json.rev).toBe(now.rev);
	});

	it('restores a deleted file, and explains an unknown revision and an empty one, item by item', async () => {
		const path = '/Restore/deleted.txt';
		const kept = await seed(env.emulator, path, 'bring me back');
		const { Dropbox } = await import('dropbox');
		await new Dropbox({ accessToken: env.emulator.demo.access_token }).filesDeleteV2({ path });

		const result = await runSuite(
			env.emulator,
			{ resource: 'file', operation: 'restore', path: locator(path), rev: '={{ $json.rev }}' },
			{ continueOnFail: true, inputItems: [{ json: { rev: kept.rev } }, { json: { rev: '0123456789abcdef' } }, { json: { rev: ' ' } }] },
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const [restored, unknown, empty] = jsonOf(result.items);
		expect(restored).toMatchObject({ path_display: path, content_hash: kept.content_hash });
		expect(unknown).toMatchObject({ error_summary: 'invalid_revision', description: expect.stringContaining('List Revisions') });
		expect(unknown.description).toContain(`"${path}"`);
		expect(empty).toMatchObject({ error: '"Revision" is empty' });
	});

	it('without Continue On Fail, stops at the failed item with its index', async () => {
		const path = '/Restore/stop.txt';
		const kept = await seed(env.emulator, path, 'v1');
		const result = await runSuite(
			env.emulator,
			{ resource: 'file', operation: 'restore', path: locator(path), rev: '={{ $json.rev }}' },
			{ inputItems: [{ json: { rev: kept.rev } }, { json: { rev: 'ffffffffffffffff' } }] },
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/invalid_revision/);
		expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
	});
});
