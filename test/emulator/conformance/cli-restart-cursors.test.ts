/**
 * list_folder cursors outlive an emulator restart with the same `--data-dir`, as a trigger that keeps its cursor
 * needs when either side restarts: news from before and after the restart come once each, in order; long-poll
 * answers at once for news made while the emulator was down; a cursor reset stays a reset. Checked on the CLI.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulatorCli, type EmulatorCli } from '../../support/emulator-cli';
import { DropboxWire } from './cli-wire';

type Page = { entries: Array<{ '.tag': string; path_display: string }>; cursor: string; has_more: boolean };

let dataDir: string;
const running: EmulatorCli[] = [];

beforeAll(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-cursors-'));
});

afterAll(async () => {
	for (const cli of running) if (cli.child.exitCode === null && cli.child.signalCode === null) await cli.stop('SIGTERM');
	fs.rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<{ cli: EmulatorCli; wire: DropboxWire }> {
	const cli = await startEmulatorCli({ via: 'tsx', args: ['--port', '0', '--longpoll-jitter-ms', '0', '--data-dir', dataDir] });
	running.push(cli);
	return { cli, wire: new DropboxWire(cli.line) };
}

async function stop({ cli, wire }: { cli: EmulatorCli; wire: DropboxWire }): Promise<void> {
	await wire.close();
	expect((await cli.stop('SIGTERM')).code).toBe(0);
}

const names = (page: Page) => page.entries.map((entry) => `${entry['.tag']} ${entry.path_display}`);

it('a cursor from before a restart goes on where it was', async () => {
	const first = await start();
	const token = first.cli.line.demo.access_token;
	await first.wire.rpc('files/create_folder_v2', token, { path: '/Watched' });
	await first.wire.upload('files/upload', token, { path: '/Watched/old.txt' }, Buffer.from('old'));
	const cursor = (await first.wire.rpc('files/list_folder/get_latest_cursor', token, { path: '/Watched', recursive: true })).json<{ cursor: string }>().cursor;
	await first.wire.upload('files/upload', token, { path: '/Watched/before-restart.txt' }, Buffer.from('1'));
	await first.wire.rpc('files/delete_v2', token, { path: '/Watched/old.txt' });
	await stop(first);

	const second = await start();
	await second.wire.upload('files/upload', token, { path: '/Watched/after-restart.txt' }, Buffer.from('2'));
	const poll = await second.wire.call('notify.dropboxapi.com', '/2/files/list_folder/longpoll', {
		headers: { 'Content-Type': 'application/json' },
		body: Buffer.from(JSON.stringify({ cursor, timeout: 30 })),
	});
	expect(poll.json()).toEqual({ changes: true });
	const news = await second.wire.rpc('files/list_folder/continue', token, { cursor });
	expect(news.status).toBe(200);
	const page = news.json<Page>();
	expect(names(page)).toEqual(['file /Watched/before-restart.txt', 'deleted /Watched/old.txt', 'file /Watched/after-restart.txt']);

	// The page's own cursor has nothing more; one made after an admin cursor reset stays reset after a restart.
	expect(names((await second.wire.rpc('files/list_folder/continue', token, { cursor: page.cursor })).json<Page>())).toEqual([]);
	await second.cli.admin('POST', '/cursors/reset', { account_id: second.cli.line.demo.account_id });
	const afterReset = (await second.wire.rpc('files/list_folder/get_latest_cursor', token, { path: '/Watched' })).json<{ cursor: string }>().cursor;
	await stop(second);

	const third = await start();
	expect((await third.wire.rpc('files/list_folder/continue', token, { cursor: page.cursor })).json()).toMatchObject({ error: { '.tag': 'reset' } });
	expect((await third.wire.rpc('files/list_folder/continue', token, { cursor: afterReset })).status).toBe(200);
	await stop(third);
}, 60_000);
