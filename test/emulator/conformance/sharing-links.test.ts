/** The shared link routes through the official SDK, between the demo account, a Basic account and a team. */
import type { Dropbox, sharing } from 'dropbox';
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import type { AccountCredentials } from '../accounts/credentials';
import { describeRoute } from './describe-route';
import { client, sdkFailure } from './sdk-support';
import { expectOfType } from './spec-shape';

let emu: TestEmulator;
let owner: Dropbox;
let visitor: Dropbox;
let basic: Dropbox;
let teammate: Dropbox;
let teammateOwner: Dropbox;
beforeAll(async () => {
	emu = await startTestEmulator();
	owner = client(emu);
	visitor = client(emu, (await emu.admin<AccountCredentials>('POST', '/accounts', {})).access_token);
	basic = client(emu, (await emu.admin<AccountCredentials>('POST', '/accounts', { plan: 'basic' })).access_token);
	teammateOwner = client(emu, (await emu.admin<AccountCredentials>('POST', '/accounts', { team: true })).access_token);
	teammate = client(emu, (await emu.admin<AccountCredentials>('POST', '/accounts', { team: true })).access_token);
	await owner.filesUpload({ path: '/Links/report.txt', contents: 'the report' });
	await owner.filesUpload({ path: '/Links/Folder/inside.txt', contents: 'inside' });
	await basic.filesUpload({ path: '/basic.txt', contents: 'basic' });
});
afterAll(() => emu.stop());

const FUTURE = '2099-01-01T00:00:00Z';
let fileIndex = 0;
/** A new file of the demo account, so that each test makes its own first link. */
async function freshFile(content = 'data'): Promise<string> {
	const path = `/Links/file-${++fileIndex}.txt`;
	await owner.filesUpload({ path, contents: content });
	return path;
}

async function link(path: string, settings?: sharing.SharedLinkSettings): Promise<sharing.SharedLinkMetadataReference> {
	return (await owner.sharingCreateSharedLinkWithSettings({ path, settings })).result;
}

describeRoute('sharing/create_shared_link_with_settings', () => emu, () => {
	it('makes a public viewer link shaped like Dropbox URLs, with the file metadata', async () => {
		const result = await link('/Links/report.txt');
		expectOfType('sharing', 'SharedLinkMetadata', result);
		expect(result.url).toMatch(/^https:\/\/www\.dropbox\.com\/scl\/fi\/[a-z0-9]+\/report\.txt\?rlkey=[a-z0-9]+&dl=0$/);
		expect(result).toMatchObject({ '.tag': 'file', name: 'report.txt', path_lower: '/links/report.txt', id: expect.stringMatching(/^id:/), size: 10 });
		expect(result.link_permissions).toMatchObject({
			resolved_visibility: { '.tag': 'public' },
			effective_audience: { '.tag': 'public' },
			link_access_level: { '.tag': 'viewer' },
			can_revoke: true,
			allow_download: true,
		});
		const folder = await link('/Links/Folder');
		expectOfType('sharing', 'SharedLinkMetadata', folder);
		expect(folder['.tag']).toBe('folder');
		expect(folder.url).toMatch(/^https:\/\/www\.dropbox\.com\/scl\/fo\/[a-z0-9]+\/h\?rlkey=[a-z0-9]+&dl=0$/);
	});

	it('takes the settings: password, expiry, audience, access and downloads', async () => {
		const result = await link(await freshFile(), {
			require_password: true,
			link_password: 'secret',
			expires: FUTURE,
			audience: { '.tag': 'no_one' },
			access: { '.tag': 'editor' },
			allow_download: false,
		});
		expectOfType('sharing', 'SharedLinkMetadata', result);
		expect(result.expires).toBe(FUTURE);
		expect(result.link_permissions).toMatchObject({
			resolved_visibility: { '.tag': 'no_one' },
			effective_audience: { '.tag': 'no_one' },
			link_access_level: { '.tag': 'editor' },
			require_password: true,
			allow_download: false,
		});
	});

	it('answers shared_link_already_exists with the existing link', async () => {
		const path = await freshFile();
		const first = await link(path);
		const error = await sdkFailure(owner.sharingCreateSharedLinkWithSettings({ path, settings: { audience: { '.tag': 'no_one' } } }));
		expect(error.status).toBe(409);
		expect(error.error.error['.tag']).toBe('shared_link_already_exists');
		expect(error.error.error.shared_link_already_exists).toEqual({ '.tag': 'metadata', metadata: first });
	});

	it('refuses what a Basic plan does not allow and settings that cannot hold', async () => {
		for (const settings of [{ expires: FUTURE }, { require_password: true, link_password: 'x' }, { allow_download: false }]) {
			const error = await sdkFailure(basic.sharingCreateSharedLinkWithSettings({ path: '/basic.txt', settings }));
			expect(error.error.error).toEqual({ '.tag': 'settings_error', settings_error: { '.tag': 'not_authorized' } });
		}
		const team = await sdkFailure(owner.sharingCreateSharedLinkWithSettings({ path: await freshFile(), settings: { audience: { '.tag': 'team' } } }));
		expect(team.error.error).toEqual({ '.tag': 'settings_error', settings_error: { '.tag': 'not_authorized' } });
		for (const settings of [{ expires: '2001-01-01T00:00:00Z' }, { require_password: true }]) {
			const error = await sdkFailure(owner.sharingCreateSharedLinkWithSettings({ path: await freshFile(), settings }));
			expect(error.error.error).toEqual({ '.tag': 'settings_error', settings_error: { '.tag': 'invalid_settings' } });
		}
		expect((await basic.sharingCreateSharedLinkWithSettings({ path: '/basic.txt' })).result.link_permissions.can_set_expiry).toBe(false);
	});

	it('answers path/not_found for nothing at the path', async () => {
		const error = await sdkFailure(owner.sharingCreateSharedLinkWithSettings({ path: '/Links/none.txt' }));
		expect(error.error.error).toEqual({ '.tag': 'path', path: { '.tag': 'not_found' } });
	});
});

describeRoute('sharing/list_shared_links', () => emu, () => {
	it('lists every link, the links of a path, and those of its parent folders unless direct_only', async () => {
		const all = (await owner.sharingListSharedLinks({})).result;
		expectOfType('sharing', 'ListSharedLinksResult', all);
		expect(all.links.map((l) => l.path_lower)).toEqual(expect.arrayContaining(['/links/report.txt', '/links/folder']));
		expect(all.has_more).toBe(false);
		const inside = (await owner.sharingListSharedLinks({ path: '/Links/Folder/inside.txt' })).result;
		expect(inside.links.map((l) => l.path_lower)).toEqual(['/links/folder']);
		const direct = (await owner.sharingListSharedLinks({ path: '/Links/Folder/inside.txt', direct_only: true })).result;
		expect(direct.links).toEqual([]);
		expect((await visitor.sharingListSharedLinks({})).result.links).toEqual([]);
	});

	it('pages by the admin limit shared_links_page_size', async () => {
		await emu.admin('POST', '/limits', { shared_links_page_size: 2 });
		try {
			const first = (await owner.sharingListSharedLinks({})).result;
			expect(first.links).toHaveLength(2);
			expect(first.has_more).toBe(true);
			const urls = first.links.map((l) => l.url);
			let cursor = first.cursor;
			while (cursor) {
				const next = (await owner.sharingListSharedLinks({ cursor })).result;
				urls.push(...next.links.map((l) => l.url));
				cursor = next.has_more ? next.cursor : undefined;
			}
			expect(new Set(urls).size).toBe(urls.length);
			await emu.admin('POST', '/limits', { shared_links_page_size: 200 });
			expect(urls).toEqual((await owner.sharingListSharedLinks({})).result.links.map((l) => l.url));
		} finally {
			await emu.admin('POST', '/limits', { shared_links_page_size: 200 });
		}
	});

	it('answers path/not_found and reset for a cursor that is not one', async () => {
		expect((await sdkFailure(owner.sharingListSharedLinks({ path: '/nothing' }))).error.error).toEqual({ '.tag': 'path', path: { '.tag': 'not_found' } });
		expect((await sdkFailure(owner.sharingListSharedLinks({ cursor: 'nonsense' }))).error.error['.tag']).toBe('reset');
	});
});

describeRoute('sharing/modify_shared_link_settings', () => emu, () => {
	it('changes settings and removes the expiry', async () => {
		const made = await link(await freshFile(), { expires: FUTURE });
		const changed = (await owner.sharingModifySharedLinkSettings({ url: made.url, settings: { audience: { '.tag': 'no_one' } }, remove_expiration: true })).result;
		expectOfType('sharing', 'SharedLinkMetadata', changed);
		expect(changed.url).toBe(made.url);
		expect(changed.expires).toBeUndefined();
		expect(changed.link_permissions.effective_audience).toEqual({ '.tag': 'no_one' });
	});

	it('refuses other accounts, unknown links and empty settings', async () => {
		const made = await link(await freshFile());
		expect((await sdkFailure(visitor.sharingModifySharedLinkSettings({ url: made.url, settings: { audience: { '.tag': 'no_one' } } }))).error.error['.tag']).toBe('shared_link_access_denied');
		const unknown = made.url.replace(/\/fi\/[a-z0-9]+\//, '/fi/unknownkey/');
		expect((await sdkFailure(owner.sharingModifySharedLinkSettings({ url: unknown, settings: { allow_download: true } }))).error.error['.tag']).toBe('shared_link_not_found');
		expect((await sdkFailure(owner.sharingModifySharedLinkSettings({ url: made.url, settings: {} }))).error.error).toEqual({ '.tag': 'settings_error', settings_error: { '.tag': 'invalid_settings' } });
	});
});

describeRoute('sharing/revoke_shared_link', () => emu, () => {
	it('revokes a link: it is then not found', async () => {
		const made = await link(await freshFile());
		expect((await sdkFailure(visitor.sharingRevokeSharedLink({ url: made.url }))).error.error['.tag']).toBe('shared_link_access_denied');
		await owner.sharingRevokeSharedLink({ url: made.url });
		expect((await sdkFailure(owner.sharingGetSharedLinkMetadata({ url: made.url }))).error.error['.tag']).toBe('shared_link_not_found');
		expect((await sdkFailure(owner.sharingRevokeSharedLink({ url: made.url }))).error.error['.tag']).toBe('shared_link_not_found');
		expect((await sdkFailure(owner.sharingRevokeSharedLink({ url: 'https://example.com/nope' }))).error.error['.tag']).toBe('shared_link_malformed');
	});
});

describeRoute('sharing/get_shared_link_metadata', () => emu, () => {
	it('shows a visitor the link without the owner path, and a path inside a folder link', async () => {
		const made = await link('/Links/report.txt').catch(async () => (await owner.sharingListSharedLinks({ path: '/Links/report.txt', direct_only: true })).result.links[0]);
		const seen = (await visitor.sharingGetSharedLinkMetadata({ url: made.url })).result;
		expectOfType('sharing', 'SharedLinkMetadata', seen);
		expect(seen).toMatchObject({ name: 'report.txt', url: made.url, link_permissions: { can_revoke: false, revoke_failure_reason: { '.tag': 'owner_only' } } });
		expect(seen.path_lower).toBeUndefined();
		const folder = (await owner.sharingListSharedLinks({ path: '/Links/Folder', direct_only: true })).result.links[0];
		const inside = (await visitor.sharingGetSharedLinkMetadata({ url: folder.url, path: '/inside.txt' })).result;
		expect(inside).toMatchObject({ '.tag': 'file', name: 'inside.txt', size: 6 });
		expect((await sdkFailure(visitor.sharingGetSharedLinkMetadata({ url: folder.url, path: '/missing.txt' }))).error.error['.tag']).toBe('shared_link_not_found');
	});

	it('admits by audience and password, and not after the expiry', async () => {
		const secret = await link(await freshFile(), { require_password: true, link_password: 'pw' });
		expect((await sdkFailure(visitor.sharingGetSharedLinkMetadata({ url: secret.url }))).error.error['.tag']).toBe('shared_link_access_denied');
		expect((await visitor.sharingGetSharedLinkMetadata({ url: secret.url, link_password: 'pw' })).result.name).toBe(secret.name);
		const nobody = await link(await freshFile(), { audience: { '.tag': 'no_one' } });
		expect((await sdkFailure(visitor.sharingGetSharedLinkMetadata({ url: nobody.url }))).error.error['.tag']).toBe('shared_link_access_denied');
		expect((await owner.sharingGetSharedLinkMetadata({ url: nobody.url })).result.path_lower).toBeDefined();

		await teammateOwner.filesUpload({ path: '/team.txt', contents: 't' });
		const teamLink = (await teammateOwner.sharingCreateSharedLinkWithSettings({ path: '/team.txt', settings: { audience: { '.tag': 'team' } } })).result;
		expect(teamLink.link_permissions.resolved_visibility).toEqual({ '.tag': 'team_only' });
		expect((await sdkFailure(visitor.sharingGetSharedLinkMetadata({ url: teamLink.url }))).error.error['.tag']).toBe('shared_link_access_denied');
		// Two accounts made separately are on different teams: a team link is closed to the other one too.
		expect((await sdkFailure(teammate.sharingGetSharedLinkMetadata({ url: teamLink.url }))).error.error['.tag']).toBe('shared_link_access_denied');

		const soon = new Date(Date.now() + 2000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		const expiring = await link(await freshFile(), { expires: soon });
		expect((await visitor.sharingGetSharedLinkMetadata({ url: expiring.url })).result.expires).toBe(soon);
		await new Promise((resolve) => setTimeout(resolve, Date.parse(soon) - Date.now() + 50));
		expect((await sdkFailure(visitor.sharingGetSharedLinkMetadata({ url: expiring.url }))).error.error['.tag']).toBe('shared_link_not_found');
	});
});

describeRoute('sharing/get_shared_link_file', () => emu, () => {
	type Downloaded = sharing.SharedLinkMetadataReference & { fileBinary: Buffer };

	it('downloads the file behind a link, with its password, and a file inside a folder link', async () => {
		const secret = await link(await freshFile('protected bytes'), { link_password: 'pw' });
		const got = (await visitor.sharingGetSharedLinkFile({ url: secret.url, link_password: 'pw' })).result as Downloaded;
		expect(got.fileBinary.toString()).toBe('protected bytes');
		expect(got.name).toBe(secret.name);
		expect((await sdkFailure(visitor.sharingGetSharedLinkFile({ url: secret.url, link_password: 'wrong' }))).error.error['.tag']).toBe('shared_link_access_denied');
		const folder = (await owner.sharingListSharedLinks({ path: '/Links/Folder', direct_only: true })).result.links[0];
		expect((await sdkFailure(visitor.sharingGetSharedLinkFile({ url: folder.url }))).error.error['.tag']).toBe('shared_link_is_directory');
		const inside = (await visitor.sharingGetSharedLinkFile({ url: folder.url, path: '/inside.txt' })).result as Downloaded;
		expect(inside.fileBinary.toString()).toBe('inside');
	});

	it('refuses a download to visitors when downloads are off, not to the owner', async () => {
		const closed = await link(await freshFile('kept'), { allow_download: false });
		expect((await sdkFailure(visitor.sharingGetSharedLinkFile({ url: closed.url }))).error.error['.tag']).toBe('shared_link_access_denied');
		expect(((await owner.sharingGetSharedLinkFile({ url: closed.url })).result as Downloaded).fileBinary.toString()).toBe('kept');
	});
});
