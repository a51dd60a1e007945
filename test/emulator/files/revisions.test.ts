/** Kept revisions survive a restart with the same data directory (a snapshot saved, then loaded). */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import type { EmulatorState, HandlerResult } from '../contract';
import { loadRouteTable } from '../routes';
import { createFileService, filesHandlers } from './index';
import { loadFiles, saveFiles } from './persist';
import { type FilesWorld, makeFilesWorld } from './testing/files-world';

let world: FilesWorld;
beforeEach(async () => {
	world = await makeFilesWorld();
});
afterEach(() => world.close());

async function* bytes(text: string): AsyncIterable<Buffer> {
	yield Buffer.from(text);
}

/** A handler called on another file service over the same state (a restarted emulator). */
function callOn(state: EmulatorState, routeKey: string, arg: unknown): Promise<HandlerResult> {
	const route = loadRouteTable().get(routeKey)!;
	return filesHandlers[routeKey]({ route, arg, account: world.user, body: bytes(''), req: {} as IncomingMessage, signal: new AbortController().signal, emulator: state });
}

it('keeps every revision, its content and the deletion time across a restart', async () => {
	const first = await world.json('files/upload', { path: '/kept.txt' }, { body: Buffer.from('first') });
	const second = await world.json('files/upload', { path: '/kept.txt', mode: 'overwrite' }, { body: Buffer.from('second') });
	await world.json('files/upload', { path: '/gone.txt' }, { body: Buffer.from('gone') });
	await world.json('files/delete_v2', { path: '/gone.txt' });
	const before = await world.json('files/list_revisions', { path: '/gone.txt' });

	const snapshot = JSON.parse(JSON.stringify(saveFiles(world.state.files)));
	const { files: _old, ...base } = world.state;
	const restarted: EmulatorState = { ...base, files: createFileService(base) };
	await loadFiles(restarted.files, snapshot);

	const kept = await callOn(restarted, 'files/list_revisions', { path: '/kept.txt' });
	expect(kept.kind === 'json' && (kept.body as { entries: Array<{ rev: string }> }).entries.map((e) => e.rev)).toEqual([second.rev, first.rev]);
	const gone = await callOn(restarted, 'files/list_revisions', { path: '/gone.txt' });
	expect(gone.kind === 'json' && gone.body).toEqual(before);
	const old = await callOn(restarted, 'files/download', { path: `rev:${first.rev}` });
	if (old.kind !== 'download') throw new Error('expected a download');
	expect((await readFile(old.file)).toString()).toBe('first');
});
