/**
 * `--data-dir` keeps the emulator's state across a restart, as a playground that restarts needs: the
 * demo credentials, other accounts and their tokens, and the stored tree with the same ids, revs, content
 * hashes and times. Without `--data-dir` every start is a fresh one. Checked from outside, on the CLI.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulatorCli, type EmulatorCli, type EmulatorLine } from '../../support/emulator-cli';
import { headerSafeJson } from '../dispatch/header-safe-json';
import { basicAuth, bearer, DropboxWire, dropboxContentHash, formBody } from './cli-wire';

type Credentials = EmulatorLine['demo'];
type Stat = { size: number; content_hash: string; rev: string; id: string };
type FileMetadata = Stat & { name: string; path_display: string; server_modified: string; client_modified: string };

const NAME = '/Kept/Résumé 日本.txt';
const CONTENT = Buffer.from('kept across a restart: ü');

let dataDir: string;
const running: EmulatorCli[] = [];

beforeAll(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-restart-'));
});

afterAll(async () => {
	for (const cli of running) if (cli.child.exitCode === null && cli.child.signalCode === null) await cli.stop('SIGTERM');
	fs.rmSync(dataDir, { recursive: true, force: true });
});

async function start(args: string[]): Promise<{ cli: EmulatorCli; wire: DropboxWire }> {
	const cli = await startEmulatorCli({ via: 'tsx', args: ['--port', '0', '--longpoll-jitter-ms', '0', ...args] });
	running.push(cli);
	return { cli, wire: new DropboxWire(cli.line) };
}

async function stop({ cli, wire }: { cli: EmulatorCli; wire: DropboxWire }): Promise<void> {
	await wire.close();
	expect((await cli.stop('SIGTERM')).code).toBe(0);
}

async function admin<T>(cli: EmulatorCli, method: 'GET' | 'POST', adminPath: string, body?: unknown): Promise<T> {
	const answer = await cli.admin<T>(method, adminPath, body);
	if (answer.status !== 200) throw new Error(`admin ${method} ${adminPath} → ${answer.status} ${JSON.stringify(answer.body)}`);
	return answer.body;
}

function refresh(wire: DropboxWire, credentials: Credentials) {
	return wire.call('api.dropboxapi.com', '/oauth2/token', {
		...formBody({ grant_type: 'refresh_token', refresh_token: credentials.refresh_token }),
		headers: { ...formBody({}).headers, ...basicAuth(credentials.app_key, credentials.app_secret) },
	});
}

const metadata = (wire: DropboxWire, token: string, filePath: string) => wire.rpc('files/get_metadata', token, { path: filePath });

/** An upload whose argument may name non-ASCII paths: Dropbox-API-Arg must be header-safe JSON. */
function upload(wire: DropboxWire, token: string, arg: Record<string, unknown>, data: Buffer) {
	return wire.call('content.dropboxapi.com', '/2/files/upload', {
		headers: { ...bearer(token), 'Content-Type': 'application/octet-stream', 'Dropbox-API-Arg': headerSafeJson(arg) },
		body: data,
	});
}

it('a restart with the same --data-dir keeps credentials, accounts, tokens and files', async () => {
	const first = await start(['--data-dir', dataDir]);
	const demo = first.cli.line.demo;
	const uploaded = (await upload(first.wire, demo.access_token, { path: NAME }, CONTENT)).json<FileMetadata>();
	const other = await admin<Credentials>(first.cli, 'POST', '/accounts', { team: true });
	await first.wire.upload('files/upload', other.access_token, { path: '/theirs.bin' }, Buffer.alloc(1000, 3));
	const refreshed = (await refresh(first.wire, demo)).json<{ access_token: string }>().access_token;
	const cursor = (await first.wire.rpc('files/list_folder/get_latest_cursor', demo.access_token, { path: '' })).json<{ cursor: string }>().cursor;
	await stop(first);

	const second = await start(['--data-dir', dataDir]);
	expect(second.cli.line.demo).toEqual(demo);
	expect(second.cli.line.ca).toBe(first.cli.line.ca);

	// The file: same id, rev, content hash and times; same bytes.
	const kept = await metadata(second.wire, demo.access_token, NAME);
	expect(kept.status).toBe(200);
	expect(kept.json()).toEqual({ '.tag': 'file', ...uploaded });
	expect(uploaded.content_hash).toBe(dropboxContentHash(CONTENT));
	const stat = await admin<Stat>(second.cli, 'GET', `/files?account_id=${encodeURIComponent(demo.account_id)}&path=${encodeURIComponent(NAME)}`);
	expect(stat).toEqual({ size: CONTENT.length, content_hash: uploaded.content_hash, rev: uploaded.rev, id: uploaded.id });
	const bytes = await second.wire.call('content.dropboxapi.com', '/2/files/download', {
		headers: { ...bearer(demo.access_token), 'Dropbox-API-Arg': JSON.stringify({ path: uploaded.id }) },
	});
	expect(bytes.text).toBe(CONTENT.toString('utf8'));

	// The demo files are there once, not seeded again.
	const root = (await second.wire.rpc('files/list_folder', demo.access_token, { path: '' })).json<{ entries: Array<{ name: string }> }>();
	expect(root.entries.filter((entry) => entry.name === 'Getting Started.txt')).toHaveLength(1);

	// Credentials: the demo refresh token, a token refreshed before the restart, the other (team) account.
	expect((await refresh(second.wire, demo)).status).toBe(200);
	expect((await second.wire.rpc('check/user', refreshed, { query: 'still valid' })).json()).toEqual({ result: 'still valid' });
	const them = await second.wire.rpc('users/get_current_account', other.access_token, null);
	expect(them.json()).toMatchObject({ account_id: other.account_id, account_type: { '.tag': 'business' } });
	expect((await metadata(second.wire, other.access_token, '/theirs.bin')).json()).toMatchObject({ size: 1000 });

	// New revisions come after the kept ones; cursors from before the restart go on (cli-restart-cursors.test.ts).
	const rewritten = (await upload(second.wire, demo.access_token, { path: NAME, mode: 'overwrite' }, Buffer.from('new'))).json<FileMetadata>();
	expect(rewritten.id).toBe(uploaded.id);
	expect(parseInt(rewritten.rev, 16)).toBeGreaterThan(parseInt(uploaded.rev, 16));
	const continued = await second.wire.rpc('files/list_folder/continue', demo.access_token, { cursor });
	expect(continued.status).toBe(200);

	// An admin reset is kept too: back to the start state, same demo credentials.
	await admin(second.cli, 'POST', '/reset');
	await stop(second);

	const third = await start(['--data-dir', dataDir]);
	expect(third.cli.line.demo).toEqual(demo);
	expect((await metadata(third.wire, demo.access_token, NAME)).status).toBe(409);
	expect((await third.wire.rpc('users/get_current_account', other.access_token, null)).status).toBe(401);
	expect((await metadata(third.wire, demo.access_token, '/Getting Started.txt')).status).toBe(200);
	await stop(third);
}, 60_000);

it('without --data-dir every start is a fresh one', async () => {
	const [a, b] = await Promise.all([start([]), start([])]);
	expect(a.cli.line.demo.account_id).not.toBe(b.cli.line.demo.account_id);
	expect(a.cli.line.demo.refresh_token).not.toBe(b.cli.line.demo.refresh_token);
	await Promise.all([stop(a), stop(b)]);
}, 30_000);
