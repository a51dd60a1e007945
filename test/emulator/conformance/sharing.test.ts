/** sharing/list_folders (+ /continue) through the official SDK: what the node's "Space" picker lists. */
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import type { AccountCredentials } from '../accounts/credentials';
import { typeOf, validateValue } from '../stone';
import { describeRoute } from './describe-route';
import { client, sdkFailure } from './sdk-support';
import { summary } from './summary';

let emu: TestEmulator;
let member: AccountCredentials;
beforeAll(async () => {
	emu = await startTestEmulator();
	member = await emu.admin<AccountCredentials>('POST', '/accounts', { team: true });
});
afterAll(() => emu.stop());

/** The answer is a ListFoldersResult by the spec's own rules (fields, types, no unknown fields). */
function expectListFoldersResult(result: unknown): void {
	const check = validateValue(typeOf('sharing', 'ListFoldersResult'), result);
	if (!check.ok) throw new Error(`not a ListFoldersResult: ${check.message}`);
}

async function teamRootId(): Promise<string> {
	return (await client(emu, member.access_token).usersGetCurrentAccount()).result.root_info.root_namespace_id;
}

describeRoute('sharing/list_folders', () => emu, () => {
	it('gives an individual account an empty list', async () => {
		const { result } = await client(emu).sharingListFolders({});
		expectListFoldersResult(result);
		expect(result).toEqual({ entries: [] });
	});

	it('lists a team member folder, owned, whose id is the home namespace', async () => {
		const account = (await client(emu, member.access_token).usersGetCurrentAccount()).result;
		const { result } = await client(emu, member.access_token).sharingListFolders({ limit: 100 });
		expectListFoldersResult(result);
		const homePath = (account.root_info as { home_path: string }).home_path;
		expect(result.entries).toEqual([
			expect.objectContaining({
				name: homePath.slice(1),
				path_display: homePath,
				path_lower: homePath.toLowerCase(),
				shared_folder_id: account.root_info.home_namespace_id,
				access_type: { '.tag': 'owner' },
				is_team_folder: false,
				owner_team: { id: account.team!.id, name: account.team!.name },
				folder_id: expect.stringMatching(/^id:/),
			}),
		]);
		expect(result.cursor).toBeUndefined();
	});

	it('lists team space folders as team folders whose id works as a Path-Root namespace', async () => {
		const space = client(emu, member.access_token, JSON.stringify({ '.tag': 'root', root: await teamRootId() }));
		await space.filesCreateFolderV2({ path: '/Marketing' });
		await space.filesUpload({ path: '/Marketing/plan.txt', contents: 'launch' });

		const { result } = await client(emu, member.access_token).sharingListFolders({ actions: [{ '.tag': 'edit_contents' }, { '.tag': 'unshare' }] });
		expectListFoldersResult(result);
		const marketing = result.entries.find((entry) => entry.name === 'Marketing')!;
		expect(marketing).toMatchObject({ is_team_folder: true, access_type: { '.tag': 'editor' }, path_display: '/Marketing' });
		expect(marketing.permissions).toEqual([
			{ action: { '.tag': 'edit_contents' }, allow: true },
			{ action: { '.tag': 'unshare' }, allow: false },
		]);

		const inFolder = client(emu, member.access_token, JSON.stringify({ '.tag': 'namespace_id', namespace_id: marketing.shared_folder_id }));
		const listing = (await inFolder.filesListFolder({ path: '' })).result.entries.map((entry) => entry.path_display);
		expect(listing).toEqual(['/plan.txt']);

		// The same folder keeps its id from one listing to the next.
		const again = (await client(emu, member.access_token).sharingListFolders({})).result.entries.find((entry) => entry.name === 'Marketing');
		expect(again?.shared_folder_id).toBe(marketing.shared_folder_id);
	});

	it('does not let another account use a team folder id', async () => {
		const { result } = await client(emu, member.access_token).sharingListFolders({});
		const teamFolder = result.entries.find((entry) => entry.is_team_folder)!;
		const stranger = client(emu, emu.demo.access_token, JSON.stringify({ '.tag': 'namespace_id', namespace_id: teamFolder.shared_folder_id }));
		expect((await sdkFailure(stranger.filesListFolder({ path: '' }))).status).toBe(422);
	});
});

describeRoute('sharing/list_folders/continue', () => emu, () => {
	it('pages with `limit` and a cursor until the list ends', async () => {
		const space = client(emu, member.access_token, JSON.stringify({ '.tag': 'root', root: await teamRootId() }));
		for (const name of ['Alpha', 'Beta', 'Gamma']) await space.filesCreateFolderV2({ path: `/${name}` });
		const all = (await client(emu, member.access_token).sharingListFolders({})).result.entries.map((entry) => entry.shared_folder_id);
		expect(all.length).toBeGreaterThanOrEqual(4);

		const dbx = client(emu, member.access_token);
		const first = (await dbx.sharingListFolders({ limit: 1 })).result;
		const seen = first.entries.map((entry) => entry.shared_folder_id);
		let cursor = first.cursor;
		while (cursor) {
			const next = (await dbx.sharingListFoldersContinue({ cursor })).result;
			expectListFoldersResult(next);
			expect(next.entries.length).toBeLessThanOrEqual(1);
			seen.push(...next.entries.map((entry) => entry.shared_folder_id));
			cursor = next.cursor;
		}
		expect(seen).toEqual(all);
	});

	it('answers invalid_cursor for a cursor that is not one, or is another account\'s', async () => {
		const bad = await sdkFailure(client(emu, member.access_token).sharingListFoldersContinue({ cursor: 'not-a-cursor' }));
		expect(bad.status).toBe(409);
		expect(bad.error).toEqual({ error_summary: summary('invalid_cursor'), error: { '.tag': 'invalid_cursor' } });

		const { cursor } = (await client(emu, member.access_token).sharingListFolders({ limit: 1 })).result;
		const foreign = await sdkFailure(client(emu).sharingListFoldersContinue({ cursor: cursor! }));
		expect(foreign.error.error).toEqual({ '.tag': 'invalid_cursor' });
	});
});

describe('sharing/list_folders argument and scope', () => {
	it('refuses a limit out of the spec range with a 400 naming the route', async () => {
		const answer = await fetch('https://api.dropboxapi.com/2/sharing/list_folders', {
			method: 'POST',
			headers: { Authorization: `Bearer ${emu.demo.access_token}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ limit: 0 }),
		});
		expect(answer.status).toBe(400);
		expect(await answer.text()).toMatch(/^Error in call to API function "sharing\/list_folders": request body: limit/);
	});
});
