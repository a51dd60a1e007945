/**
 * Revisions through the official SDK: every write keeps one (upload, overwrite, update, session finish,
 * move, restore), list_revisions finds them by path or id, deleted files keep theirs, restore and
 * `rev:` / `rev` downloads read any of them.
 */
import { describeRoute } from './describe-route';
import { expectSpecShape, routeFailure, sdkWorld } from './files-support';

const world = sdkWorld();

/** The SDK's types predate before_rev, include_restorable_info, has_more and is_restorable. */
type RevisionsPage = { is_deleted: boolean; server_deleted?: string; has_more: boolean; entries: Array<{ rev: string; size: number; path_display?: string; is_restorable?: boolean }> };
async function revisionsOf(arg: { path: string; mode?: { '.tag': 'path' | 'id' }; limit?: number; before_rev?: string; include_restorable_info?: boolean }): Promise<RevisionsPage> {
	return (await world.dbx.filesListRevisions(arg)).result as unknown as RevisionsPage;
}

async function text(arg: { path: string; rev?: string }): Promise<string> {
	const result = (await world.dbx.filesDownload(arg)).result as unknown as { fileBinary: Buffer };
	return Buffer.from(result.fileBinary).toString('utf8');
}

/** Four revisions of /Rev/doc.txt: add, overwrite, update, session finish. Answers their revs, oldest first. */
async function writeFourTimes(path: string): Promise<string[]> {
	const revs: string[] = [];
	revs.push((await world.dbx.filesUpload({ path, contents: 'one' })).result.rev);
	revs.push((await world.dbx.filesUpload({ path, contents: 'two', mode: { '.tag': 'overwrite' } })).result.rev);
	revs.push((await world.dbx.filesUpload({ path, contents: 'three', mode: { '.tag': 'update', update: revs[1] } })).result.rev);
	const session = (await world.dbx.filesUploadSessionStart({ contents: 'fo' })).result.session_id;
	revs.push((await world.dbx.filesUploadSessionFinish({ cursor: { session_id: session, offset: 2 }, commit: { path, mode: { '.tag': 'overwrite' } }, contents: 'ur' })).result.rev);
	return revs;
}

describeRoute('files/list_revisions', () => world.emu, () => {
	it('lists every write\'s revision, newest first, with limit and before_rev paging', async () => {
		const revs = await writeFourTimes('/Rev/doc.txt');
		const all = await revisionsOf({ path: '/Rev/doc.txt' });
		expectSpecShape('ListRevisionsResult', all);
		expect(all.is_deleted).toBe(false);
		expect(all.server_deleted).toBeUndefined();
		expect(all.entries.map((e) => e.rev)).toEqual([...revs].reverse());
		expect(all.entries.map((e) => e.size)).toEqual([4, 5, 3, 3]);
		const first = await revisionsOf({ path: '/Rev/doc.txt', limit: 2 });
		expect(first).toMatchObject({ has_more: true });
		expect(first.entries.map((e) => e.rev)).toEqual([revs[3], revs[2]]);
		const rest = await revisionsOf({ path: '/Rev/doc.txt', limit: 2, before_rev: revs[2] });
		expect(rest.entries.map((e) => e.rev)).toEqual([revs[1], revs[0]]);
		expect(rest.has_more).toBe(false);
		const restorable = await revisionsOf({ path: '/Rev/doc.txt', limit: 1, include_restorable_info: true });
		expect(restorable.entries[0].is_restorable).toBe(true);
	});

	it('follows a file across a move in id mode; path mode sees only the path\'s revisions', async () => {
		const revs = await writeFourTimes('/Rev/moving.txt');
		const moved = (await world.dbx.filesMoveV2({ from_path: '/Rev/moving.txt', to_path: '/Rev/moved.txt' })).result.metadata as { id: string; rev: string };
		const byId = await revisionsOf({ path: moved.id, mode: { '.tag': 'id' } });
		expect(byId.entries.map((e) => e.rev)).toEqual([moved.rev, ...[...revs].reverse()]);
		expect(byId.entries[0].path_display).toBe('/Rev/moved.txt');
		expect(byId.entries[1].path_display).toBe('/Rev/moving.txt');
		const byPath = await revisionsOf({ path: '/Rev/moved.txt' });
		expect(byPath.entries.map((e) => e.rev)).toEqual([moved.rev]);
		const oldPath = await revisionsOf({ path: '/Rev/moving.txt' });
		expect(oldPath.is_deleted).toBe(true);
		expect(oldPath.entries).toHaveLength(4);
	});

	it('keeps a deleted file\'s revisions, with the time it was deleted', async () => {
		const revs = await writeFourTimes('/Rev/deleted.txt');
		await world.dbx.filesDeleteV2({ path: '/Rev/deleted.txt' });
		const result = await revisionsOf({ path: '/Rev/deleted.txt' });
		expect(result.is_deleted).toBe(true);
		expect(result.server_deleted).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		expect(result.entries.map((e) => e.rev)).toEqual([...revs].reverse());
		expect(await text({ path: `rev:${revs[0]}` })).toBe('one');
	});

	it('answers the spec\'s errors', async () => {
		expect(await routeFailure(revisionsOf({ path: '/Rev/never.txt' }))).toEqual({ '.tag': 'path', path: { '.tag': 'not_found' } });
		await world.dbx.filesCreateFolderV2({ path: '/Rev/folder' });
		expect(await routeFailure(revisionsOf({ path: '/Rev/folder' }))).toEqual({ '.tag': 'path', path: { '.tag': 'not_file' } });
		await world.dbx.filesUpload({ path: '/Rev/one.txt', contents: 'x' });
		expect(await routeFailure(revisionsOf({ path: '/Rev/one.txt', before_rev: '0000000001' }))).toEqual({ '.tag': 'invalid_before_rev' });
		expect(await routeFailure(revisionsOf({ path: '/Rev/one.txt', mode: { '.tag': 'id' }, before_rev: '0000000001' }))).toEqual({ '.tag': 'before_rev_not_supported' });
	});
});

describeRoute('files/restore', () => world.emu, () => {
	it('restores an older revision as a new one, same id; download reads any kept revision', async () => {
		const revs = await writeFourTimes('/Rev/restore.txt');
		const current = (await world.dbx.filesGetMetadata({ path: '/Rev/restore.txt' })).result as { id: string };
		expect(await text({ path: `rev:${revs[1]}` })).toBe('two');
		expect(await text({ path: '/Rev/restore.txt', rev: revs[0] })).toBe('one');
		const restored = (await world.dbx.filesRestore({ path: '/Rev/restore.txt', rev: revs[0] })).result;
		expectSpecShape('FileMetadata', restored);
		expect(restored).toMatchObject({ id: current.id, size: 3 });
		expect(revs).not.toContain(restored.rev);
		expect(await text({ path: '/Rev/restore.txt' })).toBe('one');
		const listed = (await revisionsOf({ path: '/Rev/restore.txt' })).entries.map((e) => e.rev);
		expect(listed).toEqual([restored.rev, ...[...revs].reverse()]);
	});

	it('brings a deleted file back with its id', async () => {
		const added = (await world.dbx.filesUpload({ path: '/Rev/back.txt', contents: 'back' })).result;
		await world.dbx.filesDeleteV2({ path: '/Rev/back.txt' });
		const restored = (await world.dbx.filesRestore({ path: '/Rev/back.txt', rev: added.rev })).result;
		expect(restored).toMatchObject({ id: added.id, path_display: '/Rev/back.txt', content_hash: added.content_hash });
		expect(await text({ path: '/Rev/back.txt' })).toBe('back');
	});

	it('answers invalid_revision, path_write and malformed paths as the spec says', async () => {
		const added = (await world.dbx.filesUpload({ path: '/Rev/r.txt', contents: 'r' })).result;
		expect(await routeFailure(world.dbx.filesRestore({ path: '/Rev/r.txt', rev: 'abcdef0123456' }))).toEqual({ '.tag': 'invalid_revision' });
		await world.dbx.filesCreateFolderV2({ path: '/Rev/dir' });
		expect(await routeFailure(world.dbx.filesRestore({ path: '/Rev/dir', rev: added.rev }))).toEqual({ '.tag': 'path_write', path_write: { '.tag': 'conflict', conflict: { '.tag': 'folder' } } });
		expect(await routeFailure(world.dbx.filesDownload({ path: 'rev:abcdef0123456' }))).toEqual({ '.tag': 'path', path: { '.tag': 'not_found' } });
	});
});
