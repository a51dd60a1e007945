/**
 * Copy, move, delete and create-folder batches through the official SDK: an async job (in_progress, then
 * complete) whose entries each succeed or fail on their own, at their positions, in the spec's shapes.
 */
import { bearer, rawCall } from '../../support/raw-http';
import { describeRoute } from './describe-route';
import { expectSpecShape, routeFailure, sdkWorld } from './files-support';
import { client } from './sdk-support';

const world = sdkWorld();

type Status = { '.tag': string; entries?: any[]; failed?: unknown }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Polls a check route until the job is no longer in progress; answers every status seen. */
async function poll(check: (arg: { async_job_id: string }) => Promise<{ result: unknown }>, launch: unknown, typeName: string): Promise<Status[]> {
	const launched = launch as { '.tag': string; async_job_id: string };
	expect(launched['.tag']).toBe('async_job_id');
	const seen: Status[] = [];
	for (;;) {
		const status = (await check({ async_job_id: launched.async_job_id })).result as Status;
		expectSpecShape(typeName, status);
		seen.push(status);
		if (status['.tag'] !== 'in_progress') return seen;
	}
}

async function stat(path: string): Promise<{ id: string; rev: string } | undefined> {
	return world.emu.admin<{ id: string; rev: string }>('GET', `/files?account_id=${encodeURIComponent(world.emu.demo.account_id)}&path=${encodeURIComponent(path)}`).catch(() => undefined);
}

async function seed(path: string, text: string): Promise<void> {
	await world.emu.admin('POST', '/files', { account_id: world.emu.demo.account_id, path, content_base64: Buffer.from(text).toString('base64') });
}

const relocationFailure = (error: unknown) => ({ '.tag': 'failure', failure: { '.tag': 'relocation_error', relocation_error: error } });

describeRoute('files/copy_batch_v2', () => world.emu, () => {
	describeRoute('files/copy_batch/check_v2', () => world.emu, () => {
		it('copies each entry on its own: in_progress first, then every result at its position', async () => {
			await seed('/CopyB/a.txt', 'a');
			await seed('/CopyB/b.txt', 'b');
			await seed('/CopyB/dest/b.txt', 'taken');
			const launch = (await world.dbx.filesCopyBatchV2({
				entries: [
					{ from_path: '/CopyB/a.txt', to_path: '/CopyB/dest/a.txt' },
					{ from_path: '/CopyB/b.txt', to_path: '/CopyB/dest/b.txt' },
					{ from_path: '/CopyB/missing.txt', to_path: '/CopyB/dest/missing.txt' },
					{ from_path: '/CopyB/dest', to_path: '/CopyB/dest/inner' },
				],
			})).result;
			expectSpecShape('RelocationBatchV2Launch', launch);
			const seen = await poll((arg) => world.dbx.filesCopyBatchCheckV2(arg), launch, 'RelocationBatchV2JobStatus');
			expect(seen[0]['.tag']).toBe('in_progress');
			const entries = seen[seen.length - 1].entries!;
			expect(entries).toHaveLength(4);
			expect(entries[0]).toMatchObject({ '.tag': 'success', success: { '.tag': 'file', path_display: '/CopyB/dest/a.txt' } });
			expect(entries.slice(1)).toEqual([
				relocationFailure({ '.tag': 'to', to: { '.tag': 'conflict', conflict: { '.tag': 'file' } } }),
				relocationFailure({ '.tag': 'from_lookup', from_lookup: { '.tag': 'not_found' } }),
				relocationFailure({ '.tag': 'duplicated_or_nested_paths' }),
			]);
			expect(await stat('/CopyB/a.txt')).toBeDefined();
			expect(await stat('/CopyB/dest/a.txt')).toBeDefined();
		});

		it('autorenames every conflicting entry when asked', async () => {
			await seed('/CopyR/x.txt', 'x');
			const launch = (await world.dbx.filesCopyBatchV2({ entries: [{ from_path: '/CopyR/x.txt', to_path: '/CopyR/x.txt' }, { from_path: '/CopyR/x.txt', to_path: '/CopyR/y.txt' }], autorename: true })).result;
			const seen = await poll((arg) => world.dbx.filesCopyBatchCheckV2(arg), launch, 'RelocationBatchV2JobStatus');
			const entries = seen[seen.length - 1].entries!;
			// Copying a file onto itself is a duplicated path even with autorename.
			expect(entries[0]).toEqual(relocationFailure({ '.tag': 'duplicated_or_nested_paths' }));
			expect(entries[1]).toMatchObject({ success: { path_display: '/CopyR/y.txt' } });
		});
	});
});

describeRoute('files/move_batch_v2', () => world.emu, () => {
	describeRoute('files/move_batch/check_v2', () => world.emu, () => {
		it('moves each entry on its own, keeping ids; a folder into itself fails alone', async () => {
			await seed('/MoveB/one.txt', '1');
			await seed('/MoveB/folder/inside.txt', 'in');
			await seed('/MoveB/archive/two.txt', 'old');
			await seed('/MoveB/two.txt', '2');
			const before = await stat('/MoveB/one.txt');
			const launch = (await world.dbx.filesMoveBatchV2({
				entries: [
					{ from_path: '/MoveB/one.txt', to_path: '/MoveB/archive/one.txt' },
					{ from_path: '/MoveB/folder', to_path: '/MoveB/folder/sub/folder' },
					{ from_path: '/MoveB/two.txt', to_path: '/MoveB/archive/two.txt' },
					{ from_path: '/MoveB/gone.txt', to_path: '/MoveB/archive/gone.txt' },
				],
			})).result;
			const seen = await poll((arg) => world.dbx.filesMoveBatchCheckV2(arg), launch, 'RelocationBatchV2JobStatus');
			const entries = seen[seen.length - 1].entries!;
			expect(entries[0]).toMatchObject({ '.tag': 'success', success: { '.tag': 'file', path_display: '/MoveB/archive/one.txt', id: before!.id } });
			expect(entries.slice(1)).toEqual([
				relocationFailure({ '.tag': 'cant_move_folder_into_itself' }),
				relocationFailure({ '.tag': 'to', to: { '.tag': 'conflict', conflict: { '.tag': 'file' } } }),
				relocationFailure({ '.tag': 'from_lookup', from_lookup: { '.tag': 'not_found' } }),
			]);
			expect(await stat('/MoveB/one.txt')).toBeUndefined();
			expect(await stat('/MoveB/two.txt')).toBeDefined();
		});

		it('fails an entry with too_many_files past the operation limit; a job id is only good for its own check route and account', async () => {
			await seed('/MoveBig/f/1.txt', '1');
			await seed('/MoveBig/f/2.txt', '2');
			await seed('/MoveBig/small.txt', 's');
			await world.emu.admin('POST', '/limits', { operation_entry_limit: 2 });
			try {
				const launch = (await world.dbx.filesMoveBatchV2({
					entries: [
						{ from_path: '/MoveBig/f', to_path: '/MoveBig/g' },
						{ from_path: '/MoveBig/small.txt', to_path: '/MoveBig/g2/small.txt' },
					],
				})).result as { async_job_id: string };
				const wrongRoute = await routeFailure(world.dbx.filesCopyBatchCheckV2({ async_job_id: launch.async_job_id }));
				expect(wrongRoute).toEqual({ '.tag': 'invalid_async_job_id' });
				const other = await world.emu.admin<{ access_token: string }>('POST', '/accounts', {});
				const foreign = await routeFailure(client(world.emu, other.access_token).filesMoveBatchCheckV2({ async_job_id: launch.async_job_id }));
				expect(foreign).toEqual({ '.tag': 'invalid_async_job_id' });
				const seen = await poll((arg) => world.dbx.filesMoveBatchCheckV2(arg), launch, 'RelocationBatchV2JobStatus');
				const entries = seen[seen.length - 1].entries!;
				expect(entries[0]).toEqual(relocationFailure({ '.tag': 'too_many_files' }));
				expect(entries[1]).toMatchObject({ '.tag': 'success' });
			} finally {
				await world.emu.admin('POST', '/limits', { operation_entry_limit: 10_000 });
			}
		});

		it('refuses more than 1000 entries with a 400, takes 1000', async () => {
			const entry = { from_path: '/nowhere/a', to_path: '/nowhere/b' };
			const answer = await rawCall('https://api.dropboxapi.com/2/files/move_batch_v2', {
				headers: { ...bearer(world.emu.demo.access_token), 'Content-Type': 'application/json' },
				body: JSON.stringify({ entries: Array.from({ length: 1001 }, () => entry) }),
			});
			expect(answer.status).toBe(400);
			expect(answer.text).toMatch(/^Error in call to API function "files\/move_batch_v2": request body: entries: /);
			const launch = (await world.dbx.filesMoveBatchV2({ entries: Array.from({ length: 1000 }, () => entry) })).result;
			const seen = await poll((arg) => world.dbx.filesMoveBatchCheckV2(arg), launch, 'RelocationBatchV2JobStatus');
			expect(seen[seen.length - 1].entries).toHaveLength(1000);
		});
	});
});

describeRoute('files/delete_batch', () => world.emu, () => {
	describeRoute('files/delete_batch/check', () => world.emu, () => {
		it('deletes each entry on its own: not_found, a stale parent_rev and too_many_files fail alone', async () => {
			await seed('/DelB/a.txt', 'a');
			await seed('/DelB/guarded.txt', 'g');
			await seed('/DelB/big/1.txt', '1');
			await seed('/DelB/big/2.txt', '2');
			await seed('/DelB/c.txt', 'c');
			await world.emu.admin('POST', '/limits', { operation_entry_limit: 2, finish_batch_in_progress_checks: 2 });
			try {
				const launch = (await world.dbx.filesDeleteBatch({
					entries: [
						{ path: '/DelB/a.txt' },
						{ path: '/DelB/missing.txt' },
						{ path: '/DelB/guarded.txt', parent_rev: '0123456789abcdef' },
						{ path: '/DelB/big' },
						{ path: '/DelB/c.txt' },
					],
				})).result;
				expectSpecShape('DeleteBatchLaunch', launch);
				const seen = await poll((arg) => world.dbx.filesDeleteBatchCheck(arg), launch, 'DeleteBatchJobStatus');
				expect(seen.map((s) => s['.tag'])).toEqual(['in_progress', 'in_progress', 'complete']);
				const entries = seen[2].entries!;
				expect(entries[0]).toMatchObject({ '.tag': 'success', metadata: { '.tag': 'file', path_display: '/DelB/a.txt' } });
				expect(entries.slice(1, 4)).toEqual([
					{ '.tag': 'failure', failure: { '.tag': 'path_lookup', path_lookup: { '.tag': 'not_found' } } },
					{ '.tag': 'failure', failure: { '.tag': 'path_write', path_write: { '.tag': 'conflict', conflict: { '.tag': 'file' } } } },
					{ '.tag': 'failure', failure: { '.tag': 'too_many_files' } },
				]);
				expect(entries[4]).toMatchObject({ '.tag': 'success', metadata: { path_display: '/DelB/c.txt' } });
				expect(await stat('/DelB/guarded.txt')).toBeDefined();
				expect(await stat('/DelB/big/1.txt')).toBeDefined();
				expect(await stat('/DelB/c.txt')).toBeUndefined();
			} finally {
				await world.emu.admin('POST', '/limits', { operation_entry_limit: 10_000, finish_batch_in_progress_checks: 1 });
			}
		});

		it('answers too_many_files for a single delete_v2 of a big folder too', async () => {
			await seed('/DelOne/big/1.txt', '1');
			await world.emu.admin('POST', '/limits', { operation_entry_limit: 1 });
			try {
				const error = await routeFailure(world.dbx.filesDeleteV2({ path: '/DelOne/big' }));
				expect(error).toEqual({ '.tag': 'too_many_files' });
			} finally {
				await world.emu.admin('POST', '/limits', { operation_entry_limit: 10_000 });
			}
		});
	});
});

describeRoute('files/create_folder_batch', () => world.emu, () => {
	describeRoute('files/create_folder_batch/check', () => world.emu, () => {
		it('answers synchronously unless forced; each path on its own, duplicates once', async () => {
			await seed('/MkB/file', 'f');
			const result = (await world.dbx.filesCreateFolderBatch({ paths: ['/MkB/one', '/MkB/file', '/MkB/one', '/MkB/file/below', '/MkB/Two'] })).result;
			expectSpecShape('CreateFolderBatchLaunch', result);
			const entries = (result as Status).entries!;
			expect(result['.tag']).toBe('complete');
			expect(entries[0]).toMatchObject({ '.tag': 'success', metadata: { name: 'one', path_display: '/MkB/one' } });
			expect(entries[2]).toEqual(entries[0]);
			expect(entries[1]).toEqual({ '.tag': 'failure', failure: { '.tag': 'path', path: { '.tag': 'conflict', conflict: { '.tag': 'file' } } } });
			expect(entries[3]).toEqual({ '.tag': 'failure', failure: { '.tag': 'path', path: { '.tag': 'conflict', conflict: { '.tag': 'file_ancestor' } } } });
			expect(entries[4]).toMatchObject({ '.tag': 'success', metadata: { path_display: '/MkB/Two' } });
		});

		it('runs as a job with force_async, autorenaming on request', async () => {
			await world.dbx.filesCreateFolderV2({ path: '/MkA/taken' });
			const launch = (await world.dbx.filesCreateFolderBatch({ paths: ['/MkA/taken', '/MkA/new'], autorename: true, force_async: true })).result;
			const seen = await poll((arg) => world.dbx.filesCreateFolderBatchCheck(arg), launch, 'CreateFolderBatchJobStatus');
			expect(seen[0]['.tag']).toBe('in_progress');
			const entries = seen[seen.length - 1].entries!;
			expect(entries.map((e: { metadata: { path_display: string } }) => e.metadata.path_display)).toEqual(['/MkA/taken (1)', '/MkA/new']);
		});

		it('fails the whole job with too_many_files past the operation limit', async () => {
			await world.emu.admin('POST', '/limits', { operation_entry_limit: 2 });
			try {
				const launch = (await world.dbx.filesCreateFolderBatch({ paths: ['/MkX/a', '/MkX/b', '/MkX/c'] })).result;
				const seen = await poll((arg) => world.dbx.filesCreateFolderBatchCheck(arg), launch, 'CreateFolderBatchJobStatus');
				expect(seen[seen.length - 1]).toEqual({ '.tag': 'failed', failed: { '.tag': 'too_many_files' } });
				expect(await world.dbx.filesGetMetadata({ path: '/MkX/a' }).catch(() => 'none')).toBe('none');
			} finally {
				await world.emu.admin('POST', '/limits', { operation_entry_limit: 10_000 });
			}
		});
	});
});
