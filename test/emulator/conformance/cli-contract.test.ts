/**
 * The emulator's fixed contract (README "Testing"; CONTRIBUTING.md, "The emulator") checked from outside, the way
 * other programs meet it: the CLI as its own process, clients in processes of their own through the preload, and
 * plain HTTPS.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
	peakRssBytes,
	startEmulatorCli,
	type AdminAnswer,
	type EmulatorCli,
} from '../../support/emulator-cli';
import { runPreloadedNode } from '../../support/preloaded-node';
import { basicAuth, bearer, DropboxWire, dropboxContentHash, formBody } from './cli-wire';
import { summary } from './summary';

const TOKEN_LIFETIME_S = 3_600;
const LATENCY_MS = 400;
const MiB = 1024 * 1024;

type Credentials = { account_id: string; app_key: string; app_secret: string; refresh_token: string; access_token: string };
type Stat = { size: number; content_hash: string; rev: string; id: string };
type LogEntry = { host: string; route: string; status: number; ms: number };

let dataDir: string;
let emu: EmulatorCli;
let slow: EmulatorCli;
let wire: DropboxWire;

beforeAll(async () => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-cli-contract-'));
	[emu, slow] = await Promise.all([
		startEmulatorCli({ via: 'tsx', args: ['--port', '0', '--latency-ms', '0', '--token-lifetime-s', String(TOKEN_LIFETIME_S), '--data-dir', dataDir] }),
		startEmulatorCli({ via: 'tsx', args: ['--port', '0', '--latency-ms', String(LATENCY_MS)] }),
	]);
	wire = new DropboxWire(emu.line);
}, 40_000);

afterAll(async () => {
	await wire?.close().catch(() => undefined);
	for (const cli of [emu, slow]) if (cli && cli.child.exitCode === null && cli.child.signalCode === null) await cli.stop('SIGTERM');
	fs.rmSync(dataDir, { recursive: true, force: true });
});

const demo = () => emu.line.demo;

async function admin<T>(method: 'GET' | 'POST', adminPath: string, body?: unknown): Promise<T> {
	const answer: AdminAnswer<T> = await emu.admin<T>(method, adminPath, body);
	if (answer.status !== 200) throw new Error(`admin ${method} ${adminPath} → ${answer.status} ${JSON.stringify(answer.body)}`);
	return answer.body;
}

async function newAccount(body: Record<string, unknown> = {}): Promise<Credentials> {
	return admin<Credentials>('POST', '/accounts', body);
}

async function refresh(credentials: Credentials, extra: Record<string, string> = {}) {
	return wire.call('api.dropboxapi.com', '/oauth2/token', {
		...formBody({ grant_type: 'refresh_token', refresh_token: credentials.refresh_token, ...extra }),
		headers: { ...formBody({}).headers, ...basicAuth(credentials.app_key, credentials.app_secret) },
	});
}

describe('the command line', () => {
	it('prints exactly one JSON line with url, ca, admin and the demo credentials', () => {
		expect(emu.stdoutLines).toHaveLength(1);
		const { line } = emu;
		expect(Object.keys(line).sort()).toEqual(['admin', 'ca', 'demo', 'url']);
		expect(line.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
		expect(line.admin).toBe(`${line.url}/__admin`);
		expect(Object.keys(line.demo).sort()).toEqual(['access_token', 'account_id', 'app_key', 'app_secret', 'refresh_token']);
		expect(fs.readFileSync(line.ca, 'utf8')).toContain('-----BEGIN CERTIFICATE-----');
	});

	it('`npm run --silent emulator -- --port 0` prints the same one line, and stops with its launcher', async () => {
		const viaNpm = await startEmulatorCli({ via: 'npm', args: ['--port', '0'] });
		let stopped;
		try {
			expect(viaNpm.stdoutLines).toHaveLength(1);
			expect(Object.keys(viaNpm.line).sort()).toEqual(['admin', 'ca', 'demo', 'url']);
			expect(Object.keys(viaNpm.line.demo).sort()).toEqual(['access_token', 'account_id', 'app_key', 'app_secret', 'refresh_token']);
			expect((await viaNpm.admin('GET', '/log')).status).toBe(200);
		} finally {
			// npm passes SIGTERM to its shell only: the emulator must notice and not live on as an orphan.
			stopped = await viaNpm.stop('SIGTERM');
		}
		expect(stopped.serverOutlived).toBe(false);
		expect(viaNpm.stdoutLines).toHaveLength(1);
	});

	it('--token-lifetime-s sets expires_in of the tokens it issues', async () => {
		const answer = await wire.call(
			'api.dropboxapi.com',
			`/oauth2/token?grant_type=refresh_token&refresh_token=${demo().refresh_token}&client_id=${demo().app_key}&client_secret=${demo().app_secret}`,
		);
		expect(answer.status).toBe(200);
		expect(answer.json().expires_in).toBe(TOKEN_LIFETIME_S);
	});

	it('--latency-ms delays every Dropbox request', async () => {
		const slowWire = new DropboxWire(slow.line);
		try {
			const answer = await slowWire.rpc('check/user', slow.line.demo.access_token, { query: 'slow' });
			expect(answer.status).toBe(200);
			expect(answer.ms).toBeGreaterThanOrEqual(LATENCY_MS - 5);
			const [entry] = (await slow.admin<LogEntry[]>('GET', '/log')).body;
			expect(entry.ms).toBeGreaterThanOrEqual(LATENCY_MS - 5);
		} finally {
			await slowWire.close();
		}
	});

	it('--data-dir holds the CA and the file contents', async () => {
		expect(path.dirname(emu.line.ca)).toBe(dataDir);
		await admin('POST', '/files', { account_id: demo().account_id, path: '/data-dir/probe.bin', size: 3 * MiB });
		const sizes = fileSizes(dataDir);
		expect(sizes).toContain(3 * MiB);
	});
});

/** Sizes of the files under `dir`; one that vanishes while listed is skipped (the emulator saves its state there as it runs). */
function fileSizes(dir: string): number[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return fileSizes(full);
		try {
			return [fs.statSync(full).size];
		} catch {
			return [];
		}
	});
}

describe('clients in processes of their own, through the preload, with production URLs', () => {
	const script = (name: string) => path.join(__dirname, 'clients', name);

	it('the official SDK refreshes from a refresh token, then reads the account, uploads, lists and downloads', async () => {
		const account = await newAccount();
		type SdkAnswer = {
			account_id: string;
			access_token: string;
			uploaded: { path_display: string; size: number; content_hash: string };
			listed: string[];
			downloaded: { name: string; text: string };
			sent: string;
		};
		const answer = await runPreloadedNode<SdkAnswer>(script('sdk-client.cjs'), emu.line, { ...account, folder: '/SDK' });
		expect(answer.account_id).toBe(account.account_id);
		expect(answer.access_token).not.toBe(account.access_token);
		expect(answer.uploaded.path_display).toBe('/SDK/Ünïcode 日本.txt');
		expect(answer.uploaded.content_hash).toBe(dropboxContentHash(Buffer.from(answer.sent, 'utf8')));
		expect(answer.listed).toEqual(['/SDK/Ünïcode 日本.txt']);
		expect(answer.downloaded).toEqual({ name: 'Ünïcode 日本.txt', text: answer.sent });
	});

	it('the built-in fetch and the https module reach https://api.dropboxapi.com', async () => {
		type Call = { status: number; body: Record<string, unknown> };
		const answer = await runPreloadedNode<Record<'fetch' | 'https', { account: Call; check: Call }>>(
			script('builtin-clients.cjs'),
			emu.line,
			{ access_token: demo().access_token },
		);
		for (const [client, query] of [['fetch', 'fetch'], ['https', 'https']] as const) {
			expect(answer[client].account).toMatchObject({ status: 200, body: { account_id: demo().account_id } });
			expect(answer[client].check).toEqual({ status: 200, body: { result: query } });
		}
	});
});

describe('admin: accounts', () => {
	it('answers exactly the credentials of a new, empty account', async () => {
		const account = await newAccount();
		expect(Object.keys(account).sort()).toEqual(['access_token', 'account_id', 'app_key', 'app_secret', 'refresh_token']);
		const me = await wire.rpc('users/get_current_account', account.access_token, null);
		expect(me.json()).toMatchObject({ account_id: account.account_id, account_type: { '.tag': 'basic' } });
		expect((await wire.rpc('files/list_folder', account.access_token, { path: '' })).json().entries).toEqual([]);
	});

	it('honours team and quota_bytes', async () => {
		const account = await newAccount({ team: true, quota_bytes: 12_345 });
		const me = (await wire.rpc('users/get_current_account', account.access_token, null)).json();
		expect(me.account_type['.tag']).toBe('business');
		expect(me.root_info['.tag']).toBe('team');
		expect(me.root_info.root_namespace_id).not.toBe(me.root_info.home_namespace_id);
		const usage = (await wire.rpc('users/get_space_usage', account.access_token, null)).json();
		expect(usage.allocation.allocated).toBe(12_345);
		const full = await wire.upload('files/upload', account.access_token, { path: '/too-big.bin' }, Buffer.alloc(12_346));
		expect(full.status).toBe(409);
		expect(full.json().error_summary).toMatch(/insufficient_space/);
	});

	it('honours token_lifetime_s: expires_in, then expired_access_token', async () => {
		const account = await newAccount({ token_lifetime_s: 1 });
		const refreshed = await refresh(account);
		expect(refreshed.json().expires_in).toBe(1);
		await sleep(1_100);
		const late = await wire.rpc('users/get_current_account', refreshed.json().access_token, null);
		expect(late.status).toBe(401);
		expect(late.json()).toEqual({ error_summary: summary('expired_access_token'), error: { '.tag': 'expired_access_token' } });
	});
});

describe('admin: files', () => {
	it('seeds from content_base64 and stats the file; the API serves the same bytes', async () => {
		const content = Buffer.from('seeded through the admin interface: ü');
		const seeded = await admin<Stat>('POST', '/files', { account_id: demo().account_id, path: '/Seeded/base64.txt', content_base64: content.toString('base64') });
		expect(Object.keys(seeded).sort()).toEqual(['content_hash', 'id', 'rev', 'size']);
		expect(seeded).toMatchObject({ size: content.length, content_hash: dropboxContentHash(content) });
		const stat = await admin<Stat>('GET', `/files?account_id=${encodeURIComponent(demo().account_id)}&path=${encodeURIComponent('/seeded/BASE64.txt')}`);
		expect(stat).toEqual(seeded);
		const download = await wire.call('content.dropboxapi.com', '/2/files/download', {
			headers: { ...bearer(demo().access_token), 'Dropbox-API-Arg': JSON.stringify({ path: seeded.id }) },
		});
		expect(download.text).toBe(content.toString('utf8'));
	});

	it('seeds deterministic bytes from size alone', async () => {
		const a = await admin<Stat>('POST', '/files', { account_id: demo().account_id, path: '/Seeded/a.bin', size: 5 * MiB + 7 });
		const b = await admin<Stat>('POST', '/files', { account_id: demo().account_id, path: '/Seeded/b.bin', size: 5 * MiB + 7 });
		expect(a.size).toBe(5 * MiB + 7);
		expect(b.content_hash).toBe(a.content_hash);
		expect(b.id).not.toBe(a.id);
	});

	it('refuses to seed at a malformed path (400) or where a folder is (409)', async () => {
		const malformed = await emu.admin<{ error: string }>('POST', '/files', { account_id: demo().account_id, path: 'no-leading-slash', size: 1 });
		expect(malformed.status).toBe(400);
		const folder = await emu.admin<{ error: string }>('POST', '/files', { account_id: demo().account_id, path: '/Photos', size: 1 });
		expect(folder.status).toBe(409);
		expect(folder.body.error).toMatch(/conflict/);
	});

	it('answers 404 for a file that is not there', async () => {
		const answer = await emu.admin('GET', `/files?account_id=${encodeURIComponent(demo().account_id)}&path=/no/such/file.txt`);
		expect(answer.status).toBe(404);
	});

	it('keeps a big seeded file on disk, not in the emulator\'s memory', async () => {
		const size = 200 * MiB;
		const pid = emu.serverPid();
		const before = peakRssBytes(pid);
		const seeded = await admin<Stat>('POST', '/files', { account_id: demo().account_id, path: '/Seeded/big.bin', size });
		expect(seeded.size).toBe(size);
		expect(peakRssBytes(pid) - before).toBeLessThan(size / 2);
		expect(fileSizes(dataDir)).toContain(size);
	});
});

describe('admin: faults', () => {
	it('status with retry_after, for `times` calls, then the route answers again', async () => {
		await admin('POST', '/faults', { route: 'check/user', kind: 'status', status: 429, retry_after: 3, times: 2 });
		for (let i = 0; i < 2; i++) {
			const limited = await wire.rpc('check/user', demo().access_token, { query: 'q' });
			expect(limited.status).toBe(429);
			expect(limited.headers['retry-after']).toBe('3');
			expect(limited.json()).toMatchObject({ error: { retry_after: 3 } });
		}
		expect((await wire.rpc('check/user', demo().access_token, { query: 'q' })).status).toBe(200);

		await admin('POST', '/faults', { route: 'files/list_folder', kind: 'status', status: 503, retry_after: 2 });
		const unavailable = await wire.rpc('files/list_folder', demo().access_token, { path: '' });
		expect([unavailable.status, unavailable.headers['retry-after']]).toEqual([503, '2']);
		expect((await wire.rpc('files/list_folder', demo().access_token, { path: '' })).status).toBe(200);
	});

	it('reset drops an upload after after_bytes; the next upload goes through', async () => {
		await admin('POST', '/faults', { route: 'files/upload', kind: 'reset', after_bytes: 1_000 });
		const data = Buffer.alloc(256 * 1024, 7);
		await expect(wire.upload('files/upload', demo().access_token, { path: '/Faults/up.bin' }, data)).rejects.toThrow();
		const retried = await wire.upload('files/upload', demo().access_token, { path: '/Faults/up.bin' }, data);
		expect(retried.status).toBe(200);
		expect(retried.json().size).toBe(data.length);
	});

	it('reset drops a download after after_bytes of the body', async () => {
		await admin('POST', '/faults', { route: 'files/download', kind: 'reset', after_bytes: 100 * 1024 });
		const cut = await wire.downloadBytes(demo().access_token, { path: '/Seeded/a.bin' });
		expect(cut.status).toBe(200);
		expect(cut.broken).toBe(true);
		expect(cut.received).toBeLessThanOrEqual(100 * 1024);
		const whole = await wire.downloadBytes(demo().access_token, { path: '/Seeded/a.bin' });
		expect(whole).toEqual({ status: 200, expected: 5 * MiB + 7, received: 5 * MiB + 7, broken: false });
	});

	it('delay holds `times` calls for delay_ms', async () => {
		await admin('POST', '/faults', { route: 'check/user', kind: 'delay', delay_ms: 500, times: 2 });
		const delayed = [await wire.rpc('check/user', demo().access_token, { query: '1' }), await wire.rpc('check/user', demo().access_token, { query: '2' })];
		for (const answer of delayed) {
			expect(answer.status).toBe(200);
			expect(answer.ms).toBeGreaterThanOrEqual(495);
		}
		const log = await admin<LogEntry[]>('GET', '/log');
		const checks = log.filter((entry) => entry.route === 'check/user');
		await wire.rpc('check/user', demo().access_token, { query: '3' });
		const after = (await admin<LogEntry[]>('GET', '/log')).filter((entry) => entry.route === 'check/user');
		expect(after).toHaveLength(checks.length + 1);
		expect(after[after.length - 1].ms).toBeLessThan(500);
	});

	it('refuses a malformed fault', async () => {
		expect((await emu.admin('POST', '/faults', { route: 'check/user', kind: 'explode' })).status).toBe(400);
	});
});

describe('admin: tokens', () => {
	it('expire: every access token of the account answers expired_access_token; a refresh works', async () => {
		const account = await newAccount();
		expect((await admin<{ expired: number }>('POST', '/tokens/expire', { account_id: account.account_id })).expired).toBeGreaterThan(0);
		const expired = await wire.rpc('users/get_current_account', account.access_token, null);
		expect(expired.status).toBe(401);
		expect(expired.json().error['.tag']).toBe('expired_access_token');
		const fresh = (await refresh(account)).json().access_token as string;
		expect((await wire.rpc('users/get_current_account', fresh, null)).status).toBe(200);
	});

	it('revoke: access tokens are invalid and the refresh token is refused', async () => {
		const account = await newAccount();
		await admin('POST', '/tokens/revoke', { account_id: account.account_id });
		const revoked = await wire.rpc('users/get_current_account', account.access_token, null);
		expect(revoked.status).toBe(401);
		expect(revoked.json().error['.tag']).toBe('invalid_access_token');
		const refused = await refresh(account);
		expect(refused.status).toBe(400);
		expect(refused.json().error).toBe('invalid_grant');
	});
});

describe('cursors and long-polls', () => {
	async function latestCursor(token: string, folder: string): Promise<string> {
		return (await wire.rpc('files/list_folder/get_latest_cursor', token, { path: folder, recursive: true })).json().cursor;
	}

	function longpoll(cursor: string) {
		return wire.call('notify.dropboxapi.com', '/2/files/list_folder/longpoll', {
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ cursor, timeout: 30 }),
		});
	}

	it('a long-poll wakes at once on a change through the API', async () => {
		const account = await newAccount();
		const waiting = longpoll(await latestCursor(account.access_token, ''));
		await sleep(200);
		await wire.upload('files/upload', account.access_token, { path: '/wake.txt' }, Buffer.from('wake'));
		const answer = await waiting;
		expect(answer.json()).toEqual({ changes: true });
		expect(answer.ms).toBeLessThan(10_000);
	});

	it('a long-poll wakes at once on a change through the admin interface', async () => {
		const account = await newAccount();
		const waiting = longpoll(await latestCursor(account.access_token, ''));
		await sleep(200);
		await admin('POST', '/files', { account_id: account.account_id, path: '/seeded-wake.txt', content_base64: 'd2FrZQ==' });
		const answer = await waiting;
		expect(answer.json()).toEqual({ changes: true });
		expect(answer.ms).toBeLessThan(10_000);
	});

	it('cursors/reset: list_folder/continue and longpoll answer `reset`', async () => {
		const account = await newAccount();
		const cursor = await latestCursor(account.access_token, '');
		await admin('POST', '/cursors/reset', { account_id: account.account_id });
		const listed = await wire.rpc('files/list_folder/continue', account.access_token, { cursor });
		expect(listed.status).toBe(409);
		expect(listed.json()).toEqual({ error_summary: summary('reset'), error: { '.tag': 'reset' } });
		const polled = await longpoll(cursor);
		expect(polled.status).toBe(409);
		expect(polled.json().error['.tag']).toBe('reset');
	});
});

describe('the token endpoint', () => {
	it('takes grant parameters from the query string with no body, as the SDK refreshes; no refresh_token comes back', async () => {
		const { refresh_token, app_key, app_secret } = demo();
		const answer = await wire.call('api.dropboxapi.com', `/oauth2/token?grant_type=refresh_token&refresh_token=${refresh_token}&client_id=${app_key}&client_secret=${app_secret}`);
		expect(answer.status).toBe(200);
		expect(answer.json()).toEqual({ token_type: 'bearer', access_token: expect.any(String), expires_in: TOKEN_LIFETIME_S });
	});

	it('takes them from a form body, with client auth by Basic or by parameters', async () => {
		const byBasic = await refresh(demo() as Credentials);
		const byParams = await wire.call('api.dropboxapi.com', '/oauth2/token', formBody({
			grant_type: 'refresh_token',
			refresh_token: demo().refresh_token,
			client_id: demo().app_key,
			client_secret: demo().app_secret,
		}));
		for (const answer of [byBasic, byParams]) {
			expect(answer.status).toBe(200);
			expect(answer.json()).not.toHaveProperty('refresh_token');
			expect((await wire.rpc('check/user', answer.json().access_token, { query: 'ok' })).status).toBe(200);
		}
		const wrongSecret = await wire.call('api.dropboxapi.com', '/oauth2/token', formBody({
			grant_type: 'refresh_token',
			refresh_token: demo().refresh_token,
			client_id: demo().app_key,
			client_secret: 'not-the-secret',
		}));
		expect(wrongSecret.status).toBe(400);
		expect(wrongSecret.json().error).toBe('invalid_client');
	});
});

describe('wire rules', () => {
	it('content routes take `arg` from the query string as well as from the header', async () => {
		const arg = encodeURIComponent(JSON.stringify({ path: '/Query/arg ü.txt', mode: 'overwrite' }));
		const uploaded = await wire.call('content.dropboxapi.com', `/2/files/upload?arg=${arg}`, {
			headers: { ...bearer(demo().access_token), 'Content-Type': 'application/octet-stream' },
			body: Buffer.from('by query'),
		});
		expect(uploaded.status).toBe(200);
		expect(uploaded.json().path_display).toBe('/Query/arg ü.txt');
		const downloaded = await wire.call('content.dropboxapi.com', `/2/files/download?arg=${encodeURIComponent(JSON.stringify({ path: '/query/ARG ü.txt' }))}`, {
			headers: bearer(demo().access_token),
		});
		expect(downloaded.status).toBe(200);
		expect(downloaded.text).toBe('by query');
		expect(JSON.parse(String(downloaded.headers['dropbox-api-result'])).name).toBe('arg ü.txt');
	});

	it('answers 400 plain text naming the route: wrong host, unknown route, malformed argument', async () => {
		const token = demo().access_token;
		const wrongHost = await wire.call('api.dropboxapi.com', '/2/files/download', { headers: { ...bearer(token), 'Dropbox-API-Arg': '{"path":"/x"}' } });
		const unknown = await wire.rpc('files/no_such_route', token, {});
		const notJson = await wire.call('api.dropboxapi.com', '/2/files/get_metadata', { headers: { ...bearer(token), 'Content-Type': 'application/json' }, body: '{"path":' });
		const wrongType = await wire.rpc('files/get_metadata', token, { path: 42 });
		const unknownTag = await wire.upload('files/upload', token, { path: '/x.txt', mode: { '.tag': 'sideways' } }, Buffer.from('x'));
		const badHeader = await wire.call('content.dropboxapi.com', '/2/files/download', { headers: { ...bearer(token), 'Dropbox-API-Arg': '{not json' } });
		const cases: Array<[typeof wrongHost, string]> = [
			[wrongHost, 'files/download'],
			[unknown, 'files/no_such_route'],
			[notJson, 'files/get_metadata'],
			[wrongType, 'files/get_metadata'],
			[unknownTag, 'files/upload'],
			[badHeader, 'files/download'],
		];
		for (const [answer, route] of cases) {
			expect(answer.status).toBe(400);
			expect(answer.headers['content-type']).toMatch(/^text\/plain/);
			expect(answer.text).toContain(`"${route}"`);
		}
	});

	it('a token without the route\'s scope gets 401 missing_scope with required_scope', async () => {
		const redirectUri = 'http://localhost:5678/callback';
		const query = new URLSearchParams({ client_id: demo().app_key, response_type: 'code', redirect_uri: redirectUri, scope: 'files.metadata.read', token_access_type: 'online' });
		const page = await wire.call('www.dropbox.com', `/oauth2/authorize?${query}`, { method: 'GET' });
		expect(page.status).toBe(200);
		const approved = await wire.call('www.dropbox.com', '/oauth2/authorize', formBody({ ...Object.fromEntries(query), decision: 'allow' }));
		expect(approved.status).toBe(302);
		const code = new URL(String(approved.headers.location)).searchParams.get('code')!;
		const tokens = await wire.call('api.dropboxapi.com', '/oauth2/token', formBody({
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
			client_id: demo().app_key,
			client_secret: demo().app_secret,
		}));
		expect(tokens.json().scope).toBe('files.metadata.read');
		const narrow = tokens.json().access_token as string;

		expect((await wire.rpc('files/list_folder', narrow, { path: '' })).status).toBe(200);
		await expectMissingScope(narrow, 'users/get_current_account', null, 'account_info.read');
	});

	it('an account made with `scopes` gets tokens limited to them, refreshed ones too', async () => {
		const account = await newAccount({ scopes: ['account_info.read', 'files.metadata.read'] });
		expect((await wire.rpc('users/get_current_account', account.access_token, null)).status).toBe(200);
		await expectMissingScope(account.access_token, 'files/create_folder_v2', { path: '/nope' }, 'files.content.write');
		const refreshed = (await refresh(account)).json();
		expect(refreshed).not.toHaveProperty('scope');
		const narrowed = (await refresh(account, { scope: 'files.metadata.read' })).json();
		expect(narrowed.scope).toBe('files.metadata.read');
		await expectMissingScope(narrowed.access_token, 'users/get_current_account', null, 'account_info.read');
		await expectMissingScope(refreshed.access_token, 'files/create_folder_v2', { path: '/nope' }, 'files.content.write');
		expect((await emu.admin('POST', '/accounts', { scopes: ['no.such.scope'] })).status).toBe(400);
	});

	async function expectMissingScope(token: string, route: string, arg: unknown, scope: string): Promise<void> {
		const refused = await wire.rpc(route, token, arg);
		expect(refused.status).toBe(401);
		expect(refused.json()).toEqual({ error_summary: summary('missing_scope'), error: { '.tag': 'missing_scope', required_scope: scope } });
	}
});

describe('admin: log and reset', () => {
	it('logs every Dropbox request as {host, route, status, ms}', async () => {
		await refresh(demo() as Credentials);
		await wire.rpc('check/user', demo().access_token, { query: 'logged' });
		await wire.rpc('files/get_metadata', demo().access_token, { path: '/nothing/here' });
		await wire.call('notify.dropboxapi.com', '/2/files/list_folder/longpoll', { headers: { 'Content-Type': 'application/json' }, body: '{"cursor":"not-a-cursor"}' });
		await admin('POST', '/faults', { route: 'files/upload', kind: 'reset' });
		await expect(wire.upload('files/upload', demo().access_token, { path: '/dropped.txt' }, Buffer.from('x'))).rejects.toThrow();

		const log = await admin<LogEntry[]>('GET', '/log');
		for (const entry of log) {
			expect(Object.keys(entry).sort()).toEqual(['host', 'ms', 'route', 'status']);
			expect(entry.ms).toBeGreaterThanOrEqual(0);
		}
		const ms = expect.any(Number);
		expect(log.slice(-5)).toEqual([
			{ host: 'api.dropboxapi.com', route: 'oauth2/token', status: 200, ms },
			{ host: 'api.dropboxapi.com', route: 'check/user', status: 200, ms },
			{ host: 'api.dropboxapi.com', route: 'files/get_metadata', status: 409, ms },
			{ host: 'notify.dropboxapi.com', route: 'files/list_folder/longpoll', status: 409, ms },
			{ host: 'content.dropboxapi.com', route: 'files/upload', status: 0, ms },
		]);
	});

	it('has a request in the log as soon as its answer has arrived', async () => {
		for (let i = 0; i < 20; i++) {
			const route = i % 2 === 0 ? 'check/user' : 'files/get_metadata';
			const answer = await wire.rpc(route, demo().access_token, route === 'check/user' ? { query: String(i) } : { path: `/missing-${i}` });
			const log = await admin<LogEntry[]>('GET', '/log');
			expect(log[log.length - 1]).toMatchObject({ route, status: answer.status });
		}
	});

	it('reset brings back the start state: demo account and files, no other account, no faults, an empty log', async () => {
		const other = await newAccount();
		await admin('POST', '/files', { account_id: demo().account_id, path: '/Seeded/before-reset.txt', content_base64: 'Z29uZQ==' });
		await admin('POST', '/faults', { route: 'check/user', kind: 'status', status: 500, times: 5 });
		await admin('POST', '/tokens/revoke', { account_id: demo().account_id });

		expect((await emu.admin('POST', '/reset')).status).toBe(200);

		expect(await admin<LogEntry[]>('GET', '/log')).toEqual([]);
		expect((await wire.rpc('check/user', demo().access_token, { query: 'back' })).json()).toEqual({ result: 'back' });
		expect((await wire.rpc('users/get_current_account', other.access_token, null)).status).toBe(401);
		expect((await emu.admin('GET', `/files?account_id=${encodeURIComponent(other.account_id)}&path=/x`)).status).toBe(404);
		const seeded = await emu.admin('GET', `/files?account_id=${encodeURIComponent(demo().account_id)}&path=/Seeded/before-reset.txt`);
		expect(seeded.status).toBe(404);
		const root = (await wire.rpc('files/list_folder', demo().access_token, { path: '' })).json();
		expect(root.entries.map((entry: { name: string }) => entry.name)).toContain('Getting Started.txt');
		expect((await refresh(demo() as Credentials)).status).toBe(200);
	});
});

describe('signals', () => {
	it('SIGINT ends the emulator with exit code 0', async () => {
		expect(await slow.stop('SIGINT')).toEqual({ code: 0, signal: null, serverOutlived: false });
	});

	it('SIGTERM ends the emulator with exit code 0', async () => {
		await wire.close();
		expect(await emu.stop('SIGTERM')).toEqual({ code: 0, signal: null, serverOutlived: false });
		expect(fs.existsSync(dataDir)).toBe(true);
	});
});
