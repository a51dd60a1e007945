/**
 * Shared Link → Create, List, Update, Revoke, Get Metadata and Download through n8n-core against the emulator: the
 * settings, a link created twice (the first comes back, updated), pages of links, links seen by another account,
 * the file behind a link streamed into binary data, and the errors a person can act on.
 */
import type { AccountCredentials } from '../emulator/accounts/credentials';
import { ApiError, type RouteHandler } from '../emulator/contract';
import { allHandlers } from '../emulator/handlers';
import { startTestEmulator, type TestEmulator } from '../support/emulator-harness';
import { assertPairedItems } from '../support/n8n';
import { jsonOf, locator, requestLog, type RunOptions, runSuite, seed } from './file-ops.fixture';

/**
 * Dropbox leaves the existing link out of `shared_link_already_exists` when the request carries settings that could
 * conflict with it; the emulator always puts it in. This file's emulator answers as Dropbox may (no metadata when
 * settings were asked for), so that both ways of finding the existing link are used.
 */
const createAsDropboxMay: RouteHandler = async (ctx) => {
	try {
		return await allHandlers['sharing/create_shared_link_with_settings'](ctx);
	} catch (error) {
		const settings = (ctx.arg as { settings?: Record<string, unknown> }).settings ?? {};
		const tag = error instanceof ApiError ? (error.error as { '.tag'?: string } | undefined)?.['.tag'] : undefined;
		if (tag === 'shared_link_already_exists' && Object.keys(settings).length > 0) throw new ApiError(409, { '.tag': tag });
		throw error;
	}
};

const env = ((): { readonly emulator: TestEmulator } => {
	let emulator: TestEmulator | undefined;
	beforeAll(async () => {
		emulator = await startTestEmulator({ handlers: { 'sharing/create_shared_link_with_settings': createAsDropboxMay } });
	});
	afterAll(async () => await emulator?.stop());
	return {
		get emulator() {
			if (!emulator) throw new Error('The emulator is not started yet');
			return emulator;
		},
	};
})();

type Account = AccountCredentials;

const run = (parameters: Record<string, unknown>, extra: RunOptions = {}, account?: Account) =>
	runSuite(env.emulator, { resource: 'sharedLink', ...parameters }, extra, account);
const byUrl = (url: string) => ({ __rl: true, mode: 'url', value: url });
const { logLength, routesSince } = requestLog(env);
const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000);
/** Dropbox's timestamps have whole seconds and no fraction. */
const dropboxTime = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

async function createLink(path: string, settings: Record<string, unknown> = {}, account?: Account) {
	const result = await run({ operation: 'create', path: locator(path), settings }, {}, account);
	expect(result.error).toBeUndefined();
	return result.items[0].json as { url: string; [key: string]: unknown };
}

describe('sharedLink → create', () => {
	it('creates a public viewer link with downloads by default', async () => {
		await seed(env.emulator, '/Links/report.pdf', 'the report');
		const result = await run({ operation: 'create', path: locator('/Links/report.pdf') });
		expect(result.error).toBeUndefined();
		assertPairedItems(result.nodeOutput[0]);
		expect(result.items[0].json).toMatchObject({
			'.tag': 'file',
			name: 'report.pdf',
			path_lower: '/links/report.pdf',
			url: expect.stringMatching(/^https:\/\/www\.dropbox\.com\/scl\/fi\//),
			link_permissions: expect.objectContaining({
				effective_audience: { '.tag': 'public' },
				link_access_level: { '.tag': 'viewer' },
				allow_download: true,
				require_password: false,
			}),
		});
		expect(result.items[0].json.existing).toBeUndefined();
	});

	it('applies audience, password, expiry, access and downloads', async () => {
		await seed(env.emulator, '/Links/settings.txt', 'set');
		const expires = inHours(48);
		const link = await createLink('/Links/settings.txt', {
			audience: 'no_one',
			linkPassword: 'open sesame',
			expires: expires.toISOString(),
			access: 'editor',
			allowDownload: false,
		});
		expect(link.expires).toBe(dropboxTime(expires));
		expect(link.link_permissions).toMatchObject({
			effective_audience: { '.tag': 'no_one' },
			link_access_level: { '.tag': 'editor' },
			allow_download: false,
			require_password: true,
		});
	});

	it('reads a date without a zone in the workflow time zone', async () => {
		await seed(env.emulator, '/Links/zoned.txt', 'zone');
		const link = await createLink('/Links/zoned.txt', { expires: '2099-07-01T12:00:00' });
		// The harness's workflows have n8n's default time zone, America/New_York: 12:00 there is 16:00 UTC in July.
		expect(link.expires).toBe('2099-07-01T16:00:00Z');
		const winter = await run({ operation: 'update', url: byUrl(link.url), settings: { expires: '2099-01-15T12:00:00' } });
		expect(winter.items[0].json.expires).toBe('2099-01-15T17:00:00Z');
	});

	it('returns the link made before when created twice, updated to the settings asked for', async () => {
		await seed(env.emulator, '/Links/twice.txt', 'twice');
		const first = await createLink('/Links/twice.txt');
		const expires = inHours(24);
		const before = await logLength();
		const second = await run({ operation: 'create', path: locator('/Links/twice.txt'), settings: { expires: expires.toISOString(), linkPassword: 'pw' } });
		expect(second.error).toBeUndefined();
		expect(second.items[0].json).toMatchObject({ url: first.url, existing: true, expires: dropboxTime(expires) });
		expect(second.items[0].json.link_permissions).toMatchObject({ require_password: true });
		// Dropbox named no link in its refusal (settings were asked for): the item's own link is looked up.
		expect(await routesSince(before)).toEqual([
			'sharing/create_shared_link_with_settings',
			'sharing/list_shared_links',
			'sharing/modify_shared_link_settings',
		]);

		const beforeThird = await logLength();
		const unchanged = await run({ operation: 'create', path: locator('/Links/twice.txt') });
		// Without settings Dropbox names the link, and there is nothing to change.
		expect(await routesSince(beforeThird)).toEqual(['sharing/create_shared_link_with_settings']);
		expect(unchanged.items[0].json).toMatchObject({ url: first.url, existing: true, expires: dropboxTime(expires) });
		const listed = await run({ operation: 'list', listOf: 'path', path: locator('/Links/twice.txt'), returnAll: true });
		expect(jsonOf(listed.items).map((json) => json.url)).toEqual([first.url]);
	});

	it('explains settings the plan refuses, an expiry in the past, a missing item and a missing scope', async () => {
		const basic = await env.emulator.admin<Account>('POST', '/accounts', { plan: 'basic' });
		await seed(env.emulator, '/basic.txt', 'basic', basic.account_id);
		const refused = await run({ operation: 'create', path: locator('/basic.txt'), settings: { linkPassword: 'secret' } }, {}, basic);
		expect(refused.error?.message).toBe('Dropbox error: settings_error/not_authorized');
		expect(refused.error?.description).toMatch(/plan does not allow/);
		const noExpiry = await run({ operation: 'create', path: locator('/basic.txt'), settings: { expires: inHours(1).toISOString() } }, {}, basic);
		expect(noExpiry.error?.message).toBe('Dropbox error: settings_error/not_authorized');

		await seed(env.emulator, '/Links/past.txt', 'past');
		const past = await run({ operation: 'create', path: locator('/Links/past.txt'), settings: { expires: '2001-01-01T00:00:00Z' } });
		expect(past.error?.message).toBe('"Expires At" is in the past: 2001-01-01T00:00:00Z');

		const missing = await run({ operation: 'create', path: locator('/Links/nothing.txt') });
		expect(missing.error?.message).toBe('Dropbox error: path/not_found');
		expect(missing.error?.description).toContain('"/Links/nothing.txt"');

		const readOnly = await env.emulator.admin<Account>('POST', '/accounts', { scopes: ['account_info.read', 'files.metadata.read', 'sharing.read'] });
		await seed(env.emulator, '/mine.txt', 'mine', readOnly.account_id);
		const noScope = await run({ operation: 'create', path: locator('/mine.txt') }, {}, readOnly);
		expect(noScope.error?.message).toMatch(/missing_scope/);
		expect(noScope.error?.description).toContain('"sharing.write"');
	});
});

describe('sharedLink → list', () => {
	let account: Account;
	const urls: string[] = [];
	beforeAll(async () => {
		account = await env.emulator.admin<Account>('POST', '/accounts', {});
		const paths = Array.from({ length: 7 }, (_unused, index) => `/Many/file ${index}.txt`);
		for (const path of paths) await seed(env.emulator, path, path, account.account_id);
		const created = await run({ operation: 'create', path: locator('={{ $json.path }}') }, { inputItems: paths.map((path) => ({ json: { path } })) }, account);
		expect(created.error).toBeUndefined();
		urls.push(...jsonOf(created.items).map((json) => json.url as string));
		urls.push((await createLink('/Many', {}, account)).url);
		await env.emulator.admin('POST', '/limits', { shared_links_page_size: 3 });
	});
	afterAll(async () => await env.emulator.admin('POST', '/limits', { shared_links_page_size: 200 }));

	it('lists every link of the account, page after page, or up to the limit', async () => {
		let before = await logLength();
		const all = await run({ operation: 'list', returnAll: true }, {}, account);
		expect(all.error).toBeUndefined();
		expect(jsonOf(all.items).map((json) => json.url)).toEqual(urls);
		expect(await routesSince(before)).toEqual(Array(3).fill('sharing/list_shared_links'));
		before = await logLength();
		const some = await run({ operation: 'list', returnAll: false, limit: 4 }, {}, account);
		expect(jsonOf(some.items).map((json) => json.url)).toEqual(urls.slice(0, 4));
		expect(await routesSince(before)).toEqual(Array(2).fill('sharing/list_shared_links'));
	});

	it("lists a file's links with or without the links of folders above it", async () => {
		const withParents = await run({ operation: 'list', listOf: 'path', path: locator('/Many/file 5.txt'), returnAll: true }, {}, account);
		expect(jsonOf(withParents.items).map((json) => json.url).sort()).toEqual([urls[5], urls[7]].sort());
		const direct = await run({ operation: 'list', listOf: 'path', path: locator('/Many/file 5.txt'), directOnly: true, returnAll: true }, {}, account);
		expect(jsonOf(direct.items).map((json) => json.url)).toEqual([urls[5]]);
		const missing = await run({ operation: 'list', listOf: 'path', path: locator('/Many/none.txt'), returnAll: true }, {}, account);
		expect(missing.error?.description).toContain('"/Many/none.txt"');
	});
});

describe('sharedLink → update and revoke', () => {
	it('changes only the settings given, takes off an expiry or a password, and refuses an empty update', async () => {
		await seed(env.emulator, '/Links/update.txt', 'u');
		const link = await createLink('/Links/update.txt', { linkPassword: 'pw', expires: inHours(5).toISOString() });
		const team = await run({ operation: 'update', url: byUrl(link.url), settings: { allowDownload: false } });
		expect(team.error).toBeUndefined();
		expect(team.items[0].json).toMatchObject({ url: link.url, expires: link.expires });
		expect(team.items[0].json.link_permissions).toMatchObject({ allow_download: false, require_password: true });
		const cleared = await run({ operation: 'update', url: byUrl(link.url), settings: { removeExpiration: true, removePassword: true } });
		expect(cleared.items[0].json.expires).toBeUndefined();
		expect(cleared.items[0].json.link_permissions).toMatchObject({ require_password: false, allow_download: false });
		const nothing = await run({ operation: 'update', url: byUrl(link.url), settings: {} });
		expect(nothing.error?.message).toBe('No setting to change');
	});

	it('revokes a link: it is gone for everyone, and revoking again is explained', async () => {
		await seed(env.emulator, '/Links/revoke.txt', 'r');
		const link = await createLink('/Links/revoke.txt');
		const revoked = await run({ operation: 'revoke', url: byUrl(link.url) });
		expect(revoked.items[0].json).toEqual({ url: link.url, revoked: true });
		const gone = await run({ operation: 'getMetadata', url: byUrl(link.url) });
		expect(gone.error?.message).toBe('Dropbox error: shared_link_not_found');
		expect(gone.error?.description).toMatch(/revoked, it expired/);
		const again = await run({ operation: 'revoke', url: byUrl(link.url) });
		expect(again.error?.message).toBe('Dropbox error: shared_link_not_found');
	});

	it('refuses a change by someone who does not own the link', async () => {
		await seed(env.emulator, '/Links/owned.txt', 'o');
		const link = await createLink('/Links/owned.txt');
		const other = await env.emulator.admin<Account>('POST', '/accounts', {});
		const refused = await run({ operation: 'update', url: byUrl(link.url), settings: { audience: 'no_one' } }, {}, other);
		expect(refused.error?.message).toBe('Dropbox error: shared_link_access_denied');
		expect(refused.error?.description).toMatch(/only its owner may change or revoke it/);
	});
});

describe('sharedLink → getMetadata and download', () => {
	let visitor: Account;
	beforeAll(async () => {
		visitor = await env.emulator.admin<Account>('POST', '/accounts', {});
	});

	it("gives a link's metadata to another account, a file inside a folder link, and asks for a password when it needs one", async () => {
		await seed(env.emulator, '/Shared Album/beach.jpg', 'sand');
		const folder = await createLink('/Shared Album', { linkPassword: 'sunny' });
		const withoutPassword = await run({ operation: 'getMetadata', url: byUrl(folder.url) }, {}, visitor);
		expect(withoutPassword.error?.message).toBe('Dropbox error: shared_link_access_denied');
		expect(withoutPassword.error?.description).toContain('Link Password');
		const inside = await run({ operation: 'getMetadata', url: byUrl(folder.url), options: { path: 'beach.jpg', linkPassword: 'sunny' } }, {}, visitor);
		expect(inside.error).toBeUndefined();
		expect(inside.items[0].json).toMatchObject({ '.tag': 'file', name: 'beach.jpg', size: 4 });
		expect(inside.items[0].json.path_lower).toBeUndefined();
	});

	it('streams the file behind a link into a binary field, also from inside a folder link', async () => {
		const content = Buffer.from('shared bytes ✓\n'.repeat(5000));
		await seed(env.emulator, '/Links/Data/table.csv', content);
		const fileLink = await createLink('/Links/Data/table.csv');
		const result = await run({ operation: 'download', url: byUrl(fileLink.url), binaryPropertyName: 'file' }, {}, visitor);
		expect(result.error).toBeUndefined();
		assertPairedItems(result.nodeOutput[0]);
		const binary = result.items[0].binary!.file;
		expect(binary).toMatchObject({ fileName: 'table.csv' });
		expect((await result.readBinary(binary)).equals(content)).toBe(true);
		expect(result.items[0].json).toMatchObject({ name: 'table.csv', size: content.length });

		const folderLink = await createLink('/Links/Data');
		const inside = await run({ operation: 'download', url: byUrl(folderLink.url), options: { path: '/table.csv' } }, {}, visitor);
		expect((await inside.readBinary(inside.items[0].binary!.data)).equals(content)).toBe(true);
	});

	it('resumes a download whose connection dropped, without losing or repeating bytes', async () => {
		const content = Buffer.alloc(3 * 1024 * 1024, 7);
		content.write('start', 0);
		content.write('end', content.length - 3);
		await seed(env.emulator, '/Links/big.bin', content);
		const link = await createLink('/Links/big.bin');
		await env.emulator.admin('POST', '/faults', { route: 'sharing/get_shared_link_file', kind: 'reset', after_bytes: 1024 * 1024, times: 1 });
		const before = await logLength();
		const result = await run({ operation: 'download', url: byUrl(link.url) });
		expect(result.error).toBeUndefined();
		expect((await result.readBinary(result.items[0].binary!.data)).equals(content)).toBe(true);
		expect(await routesSince(before)).toEqual(['sharing/get_shared_link_file', 'sharing/get_shared_link_file']);
	});

	it('explains a folder link without a file, an invalid URL, an unknown link and an expired one', async () => {
		await seed(env.emulator, '/Links/Folder Only/a.txt', 'a');
		const folder = await createLink('/Links/Folder Only');
		const directory = await run({ operation: 'download', url: byUrl(folder.url) });
		expect(directory.error?.message).toBe('Dropbox error: shared_link_is_directory');
		expect(directory.error?.description).toContain('File in Folder');

		// The editor refuses such a value in the field itself; an expression (or an AI agent) can still give one.
		const invalid = await run({ operation: 'getMetadata', url: byUrl('={{ "https://example.com/report.pdf" }}') });
		expect(invalid.error?.message).toBe('"https://example.com/report.pdf" is not a Dropbox shared link');
		const notUrl = await run({ operation: 'download', url: '={{ "not a link" }}' });
		expect(notUrl.error?.message).toBe('"not a link" is not a Dropbox shared link');

		const unknown = await run({ operation: 'getMetadata', url: byUrl('https://www.dropbox.com/scl/fi/doesnotexist/x.txt?rlkey=abc&dl=0') });
		expect(unknown.error?.message).toBe('Dropbox error: shared_link_not_found');
		expect(unknown.error?.description).toMatch(/URL is incomplete/);

		await seed(env.emulator, '/Links/soon.txt', 's');
		const soon = await createLink('/Links/soon.txt', { expires: new Date(Date.now() + 2000).toISOString() });
		await new Promise((resolve) => setTimeout(resolve, 2100));
		const expired = await run({ operation: 'download', url: byUrl(soon.url) }, {}, visitor);
		expect(expired.error?.message).toBe('Dropbox error: shared_link_not_found');
		expect(expired.error?.description).toMatch(/it expired/);
	});

	it('goes on past a failed item with Continue On Fail, each output paired with its input', async () => {
		await seed(env.emulator, '/Links/ok.txt', 'ok');
		const ok = await createLink('/Links/ok.txt');
		const result = await run(
			{ operation: 'getMetadata', url: byUrl('={{ $json.url }}') },
			{ continueOnFail: true, inputItems: [{ json: { url: ok.url } }, { json: { url: 'nope' } }, { json: { url: ok.url } }] },
		);
		assertPairedItems(result.nodeOutput[0]);
		expect(result.nodeOutput[0].map((item) => [item.pairedItem, item.json.name ?? item.json.error])).toEqual([
			[{ item: 0 }, 'ok.txt'],
			[{ item: 1 }, '"nope" is not a Dropbox shared link'],
			[{ item: 2 }, 'ok.txt'],
		]);
	});
});
