/**
 * Folders shared between emulator accounts through the official SDK: sharing, members and invitees,
 * mounting, a file written by one account read by the other, unmounting, removing members, unsharing.
 */
import type { Dropbox, sharing } from 'dropbox';
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import type { AccountCredentials } from '../accounts/credentials';
import { describeRoute } from './describe-route';
import { client, sdkFailure } from './sdk-support';
import { expectOfType } from './spec-shape';

let emu: TestEmulator;
let owner: Dropbox;
let member: Dropbox;
let editor: Dropbox;
let stranger: Dropbox;
let memberId: string;
let editorId: string;
let memberEmail: string;
let folderId: string;

async function account(): Promise<{ dbx: Dropbox; id: string; email: string }> {
	const made = await emu.admin<AccountCredentials>('POST', '/accounts', {});
	const dbx = client(emu, made.access_token);
	return { dbx, id: made.account_id, email: (await dbx.usersGetCurrentAccount()).result.email };
}

beforeAll(async () => {
	emu = await startTestEmulator();
	owner = (await account()).dbx;
	({ dbx: member, id: memberId, email: memberEmail } = await account());
	({ dbx: editor, id: editorId } = await account());
	stranger = (await account()).dbx;
	await owner.filesUpload({ path: '/Project/plan.txt', contents: 'the plan' });
	// The editor has a folder of that name already: the mount gets another name.
	await editor.filesCreateFolderV2({ path: '/Project' });
});
afterAll(() => emu.stop());

const text = async (dbx: Dropbox, path: string) => ((await dbx.filesDownload({ path })).result as unknown as { fileBinary: Buffer }).fileBinary.toString();
const names = async (dbx: Dropbox, path = '') => (await dbx.filesListFolder({ path })).result.entries.map((entry) => entry.name).sort();

/** Polls a job as a client does until it is no longer in progress. */
async function finished<T extends { '.tag': string }>(check: () => Promise<{ result: T }>): Promise<T> {
	for (;;) {
		const { result } = await check();
		if (result['.tag'] !== 'in_progress') return result;
	}
}

describeRoute('sharing/share_folder', () => emu, () => {
	it('shares an existing folder at once, as its owner', async () => {
		const { result } = await owner.sharingShareFolder({ path: '/Project', actions: [{ '.tag': 'invite_editor' }, { '.tag': 'unmount' }] });
		expectOfType('sharing', 'ShareFolderLaunch', result);
		const done = result as sharing.ShareFolderLaunchComplete;
		expect(done).toMatchObject({ '.tag': 'complete', name: 'Project', path_display: '/Project', access_type: { '.tag': 'owner' }, is_team_folder: false });
		expect(done.permissions).toEqual([
			{ action: { '.tag': 'invite_editor' }, allow: true },
			{ action: { '.tag': 'unmount' }, allow: false, reason: { '.tag': 'permission_denied' } },
		]);
		folderId = done.shared_folder_id;
	});

	it('refuses a folder already shared, one inside or holding a shared folder, and a file', async () => {
		const already = await sdkFailure(owner.sharingShareFolder({ path: '/Project' }));
		expect(already.error.error['.tag']).toBe('bad_path');
		expect(already.error.error.bad_path['.tag']).toBe('already_shared');
		expect(already.error.error.bad_path.already_shared.shared_folder_id).toBe(folderId);
		await owner.filesCreateFolderV2({ path: '/Project/Sub' });
		expect((await sdkFailure(owner.sharingShareFolder({ path: '/Project/Sub' }))).error.error).toEqual({ '.tag': 'bad_path', bad_path: { '.tag': 'inside_shared_folder' } });
		await owner.sharingShareFolder({ path: '/Outer/Inner' });
		expect((await sdkFailure(owner.sharingShareFolder({ path: '/Outer' }))).error.error).toEqual({ '.tag': 'bad_path', bad_path: { '.tag': 'contains_shared_folder' } });
		expect((await sdkFailure(owner.sharingShareFolder({ path: '/Project/plan.txt' }))).error.error).toEqual({ '.tag': 'bad_path', bad_path: { '.tag': 'is_file' } });
	});
});

describeRoute('sharing/check_share_job_status', () => emu, () => {
	it('runs a forced async share as a job: in progress, then complete with the folder', async () => {
		const launch = (await owner.sharingShareFolder({ path: '/Async', force_async: true })).result;
		expect(launch['.tag']).toBe('async_job_id');
		const jobId = (launch as { async_job_id: string }).async_job_id;
		expect((await owner.sharingCheckShareJobStatus({ async_job_id: jobId })).result).toEqual({ '.tag': 'in_progress' });
		const done = await finished(() => owner.sharingCheckShareJobStatus({ async_job_id: jobId }));
		expectOfType('sharing', 'ShareFolderJobStatus', done);
		expect(done).toMatchObject({ '.tag': 'complete', name: 'Async', path_lower: '/async' });
		expect((await sdkFailure(member.sharingCheckShareJobStatus({ async_job_id: jobId }))).error.error).toEqual({ '.tag': 'invalid_async_job_id' });
	});
	it('gives the folder a namespace that follows it when the owner moves it', async () => {
		const shared = (await owner.sharingShareFolder({ path: '/Moving' })).result as sharing.ShareFolderLaunchComplete;
		await owner.filesUpload({ path: '/Moving/inside.txt', contents: 'in the namespace' });
		const inNamespace = async () => (await owner.filesListFolder({ path: `ns:${shared.shared_folder_id}` })).result.entries.map((entry) => entry.name);
		expect(await inNamespace()).toEqual(['inside.txt']);
		await owner.filesMoveV2({ from_path: '/Moving', to_path: '/Moved' });
		expect(await inNamespace()).toEqual(['inside.txt']);
		expect((await owner.sharingGetFolderMetadata({ shared_folder_id: shared.shared_folder_id })).result.path_lower).toBe('/moved');
	});
});

describeRoute('sharing/add_folder_member', () => emu, () => {
	it('adds accounts by email or Dropbox id, and an unknown email as an invitee', async () => {
		await owner.sharingAddFolderMember({
			shared_folder_id: folderId,
			members: [
				{ member: { '.tag': 'email', email: memberEmail.toUpperCase() }, access_level: { '.tag': 'viewer' } },
				{ member: { '.tag': 'dropbox_id', dropbox_id: editorId }, access_level: { '.tag': 'editor' } },
				{ member: { '.tag': 'email', email: 'friend@elsewhere.example' } },
			],
			custom_message: 'Have a look',
			quiet: true,
		});
		const { result } = await owner.sharingListFolderMembers({ shared_folder_id: folderId });
		expect(result.users.map((user) => [user.user.account_id, user.access_type['.tag']])).toEqual([
			[expect.any(String), 'owner'],
			[memberId, 'viewer'],
			[editorId, 'editor'],
		]);
		expect(result.invitees).toEqual([{ access_type: { '.tag': 'viewer' }, is_inherited: false, invitee: { '.tag': 'email', email: 'friend@elsewhere.example' } }]);
	});

	it('refuses unknown ids, members who may not invite, non-members and unknown folders', async () => {
		const unknownId = `dbid:AA${'z'.repeat(33)}`;
		const bad = await sdkFailure(owner.sharingAddFolderMember({ shared_folder_id: folderId, members: [{ member: { '.tag': 'dropbox_id', dropbox_id: unknownId } }] }));
		expect(bad.error.error).toEqual({ '.tag': 'bad_member', bad_member: { '.tag': 'invalid_dropbox_id', invalid_dropbox_id: unknownId } });
		const add = { shared_folder_id: folderId, members: [{ member: { '.tag': 'email' as const, email: 'x@example.org' } }] };
		expect((await sdkFailure(member.sharingAddFolderMember(add))).error.error).toEqual({ '.tag': 'no_permission' });
		expect((await sdkFailure(stranger.sharingAddFolderMember(add))).error.error).toEqual({ '.tag': 'access_error', access_error: { '.tag': 'not_a_member' } });
		expect((await sdkFailure(owner.sharingAddFolderMember({ ...add, shared_folder_id: '999' }))).error.error).toEqual({ '.tag': 'access_error', access_error: { '.tag': 'invalid_id' } });
	});
});

describeRoute('sharing/list_folder_members', () => emu, () => {
	it('pages users and invitees, with the caller’s permissions on each', async () => {
		const first = (await owner.sharingListFolderMembers({ shared_folder_id: folderId, limit: 2, actions: [{ '.tag': 'remove' }] })).result;
		expectOfType('sharing', 'SharedFolderMembers', first);
		expect(first.users).toHaveLength(2);
		expect(first.users[0].permissions).toEqual([{ action: { '.tag': 'remove' }, allow: false, reason: { '.tag': 'target_is_owner' } }]);
		expect(first.users[1].permissions).toEqual([{ action: { '.tag': 'remove' }, allow: true }]);
		expect(first.cursor).toBeDefined();
		const next = (await owner.sharingListFolderMembersContinue({ cursor: first.cursor! })).result;
		expect(next.users.map((user) => user.user.account_id)).toEqual([editorId]);
		expect(next.invitees).toHaveLength(1);
		expect(next.cursor).toBeUndefined();
		expect((await sdkFailure(stranger.sharingListFolderMembers({ shared_folder_id: folderId }))).error.error).toEqual({ '.tag': 'not_a_member' });
	});
});

describeRoute('sharing/list_folder_members/continue', () => emu, () => {
	it('answers invalid_cursor for a string that is not a cursor', async () => {
		expect((await sdkFailure(owner.sharingListFolderMembersContinue({ cursor: 'nonsense' }))).error.error).toEqual({ '.tag': 'invalid_cursor' });
	});
});

describeRoute('sharing/update_folder_member', () => emu, () => {
	it('changes a member’s access; not the owner’s, nor by a non-owner, nor of a non-member', async () => {
		const { result } = await owner.sharingUpdateFolderMember({ shared_folder_id: folderId, member: { '.tag': 'dropbox_id', dropbox_id: memberId }, access_level: { '.tag': 'editor' } });
		expect(result).toEqual({ access_level: { '.tag': 'editor' } });
		const ownerId = (await owner.usersGetCurrentAccount()).result.account_id;
		expect((await sdkFailure(owner.sharingUpdateFolderMember({ shared_folder_id: folderId, member: { '.tag': 'dropbox_id', dropbox_id: ownerId }, access_level: { '.tag': 'viewer' } }))).error.error).toEqual({ '.tag': 'no_permission' });
		expect((await sdkFailure(member.sharingUpdateFolderMember({ shared_folder_id: folderId, member: { '.tag': 'dropbox_id', dropbox_id: editorId }, access_level: { '.tag': 'viewer' } }))).error.error).toEqual({ '.tag': 'no_permission' });
		const strangerId = (await stranger.usersGetCurrentAccount()).result.account_id;
		expect((await sdkFailure(owner.sharingUpdateFolderMember({ shared_folder_id: folderId, member: { '.tag': 'dropbox_id', dropbox_id: strangerId }, access_level: { '.tag': 'viewer' } }))).error.error).toEqual({ '.tag': 'member_error', member_error: { '.tag': 'not_a_member' } });
	});
});

describeRoute('sharing/list_mountable_folders', () => emu, () => {
	it('lists the folders shared with the caller, without a path until mounted', async () => {
		const { result } = await member.sharingListMountableFolders({});
		expectOfType('sharing', 'ListFoldersResult', result);
		expect(result.entries).toHaveLength(1);
		expect(result.entries[0]).toMatchObject({ shared_folder_id: folderId, name: 'Project', access_type: { '.tag': 'editor' } });
		expect(result.entries[0].path_lower).toBeUndefined();
		expect((await owner.sharingListMountableFolders({})).result.entries).toEqual([]);
	});
});

describeRoute('sharing/list_mountable_folders/continue', () => emu, () => {
	it('pages with a cursor', async () => {
		await owner.sharingAddFolderMember({ shared_folder_id: (await owner.sharingListFolders({})).result.entries.find((f) => f.name === 'Inner')!.shared_folder_id, members: [{ member: { '.tag': 'dropbox_id', dropbox_id: memberId } }] });
		const first = (await member.sharingListMountableFolders({ limit: 1 })).result;
		expect(first.entries).toHaveLength(1);
		const next = (await member.sharingListMountableFoldersContinue({ cursor: first.cursor! })).result;
		expect([...first.entries, ...next.entries].map((f) => f.name).sort()).toEqual(['Inner', 'Project']);
		expect((await sdkFailure(member.sharingListMountableFoldersContinue({ cursor: 'nonsense' }))).error.error).toEqual({ '.tag': 'invalid_cursor' });
	});
});

describeRoute('sharing/mount_folder', () => emu, () => {
	it('puts the folder in the member’s Dropbox: both accounts read and write the same files', async () => {
		const mounted = (await member.sharingMountFolder({ shared_folder_id: folderId })).result;
		expectOfType('sharing', 'SharedFolderMetadata', mounted);
		expect(mounted).toMatchObject({ path_display: '/Project', access_type: { '.tag': 'editor' } });
		expect(await names(member)).toContain('Project');
		expect(await text(member, '/Project/plan.txt')).toBe('the plan');

		const ownerCursor = (await owner.filesListFolderGetLatestCursor({ path: '/Project', recursive: true })).result.cursor;
		await member.filesUpload({ path: '/Project/from-member.txt', contents: 'written by the member' });
		expect(await text(owner, '/Project/from-member.txt')).toBe('written by the member');
		const news = (await owner.filesListFolderContinue({ cursor: ownerCursor })).result.entries;
		expect(news.map((entry) => entry.path_display)).toEqual(['/Project/from-member.txt']);

		await owner.filesUpload({ path: '/Project/Sub/from-owner.txt', contents: 'written by the owner' });
		expect(await text(member, '/Project/Sub/from-owner.txt')).toBe('written by the owner');
		const found = (await member.filesSearchV2({ query: 'from-owner' })).result.matches;
		expect(found).toHaveLength(1);
	});

	it('mounts under another name when the member has one already; refuses a second mount and non-members', async () => {
		const mounted = (await editor.sharingMountFolder({ shared_folder_id: folderId })).result;
		expect((mounted as sharing.SharedFolderMetadata & { path_display?: string }).path_display).toBe('/Project (1)');
		expect(await text(editor, '/Project (1)/plan.txt')).toBe('the plan');
		expect((await sdkFailure(member.sharingMountFolder({ shared_folder_id: folderId }))).error.error).toEqual({ '.tag': 'already_mounted' });
		expect((await sdkFailure(owner.sharingMountFolder({ shared_folder_id: folderId }))).error.error).toEqual({ '.tag': 'already_mounted' });
		expect((await sdkFailure(stranger.sharingMountFolder({ shared_folder_id: folderId }))).error.error).toEqual({ '.tag': 'access_error', access_error: { '.tag': 'not_a_member' } });
	});

	it('refuses a folder larger than the space the member has left', async () => {
		const small = await emu.admin<AccountCredentials>('POST', '/accounts', { quota_bytes: 4 });
		await owner.sharingAddFolderMember({ shared_folder_id: folderId, members: [{ member: { '.tag': 'dropbox_id', dropbox_id: small.account_id } }] });
		const error = await sdkFailure(client(emu, small.access_token).sharingMountFolder({ shared_folder_id: folderId }));
		expect(error.error.error).toMatchObject({ '.tag': 'insufficient_quota', space_left: 4 });
	});
	it('lets a viewer read the folder but not change it', async () => {
		const viewer = await account();
		await owner.sharingAddFolderMember({ shared_folder_id: folderId, members: [{ member: { '.tag': 'dropbox_id', dropbox_id: viewer.id }, access_level: { '.tag': 'viewer' } }] });
		await viewer.dbx.sharingMountFolder({ shared_folder_id: folderId });
		expect(await text(viewer.dbx, '/Project/plan.txt')).toBe('the plan');
		const refused = { '.tag': 'no_write_permission' };
		const upload = await sdkFailure(viewer.dbx.filesUpload({ path: '/Project/new.txt', contents: 'x' }));
		expect(upload.error.error).toMatchObject({ '.tag': 'path', reason: refused, upload_session_id: expect.any(String) });
		expect((await sdkFailure(viewer.dbx.filesCreateFolderV2({ path: '/Project/New' }))).error.error).toEqual({ '.tag': 'path', path: refused });
		expect((await sdkFailure(viewer.dbx.filesDeleteV2({ path: '/Project/plan.txt' }))).error.error).toEqual({ '.tag': 'path_write', path_write: refused });
		expect((await sdkFailure(viewer.dbx.filesMoveV2({ from_path: '/Project/plan.txt', to_path: '/plan.txt' }))).error.error).toEqual({ '.tag': 'from_write', from_write: refused });
		expect((await sdkFailure(viewer.dbx.filesCopyV2({ from_path: '/Project/plan.txt', to_path: '/Project/copy.txt' }))).error.error).toEqual({ '.tag': 'to', to: refused });
		// Copying out of the folder into the viewer's own space is reading.
		await viewer.dbx.filesCopyV2({ from_path: '/Project/plan.txt', to_path: '/my-plan.txt' });
		expect(await text(viewer.dbx, '/my-plan.txt')).toBe('the plan');
		await owner.sharingRemoveFolderMember({ shared_folder_id: folderId, member: { '.tag': 'dropbox_id', dropbox_id: viewer.id }, leave_a_copy: false });
	});
});

describeRoute('sharing/get_folder_metadata', () => emu, () => {
	it('describes the folder as each member sees it', async () => {
		const seen = (await editor.sharingGetFolderMetadata({ shared_folder_id: folderId })).result;
		expectOfType('sharing', 'SharedFolderMetadata', seen);
		expect(seen).toMatchObject({ name: 'Project (1)', path_lower: '/project (1)', access_type: { '.tag': 'editor' }, owner_display_names: [expect.any(String)] });
		expect((await sdkFailure(stranger.sharingGetFolderMetadata({ shared_folder_id: folderId }))).error.error).toEqual({ '.tag': 'not_a_member' });
		expect((await sdkFailure(owner.sharingGetFolderMetadata({ shared_folder_id: '12345' }))).error.error).toEqual({ '.tag': 'invalid_id' });
	});

	it('lists the folder among the member’s shared folders', async () => {
		const { entries } = (await member.sharingListFolders({})).result;
		expect(entries.map((folder) => folder.shared_folder_id)).toContain(folderId);
	});
});

describeRoute('sharing/unmount_folder', () => emu, () => {
	it('takes the folder out of the member’s Dropbox; the owner’s files stay', async () => {
		await member.sharingUnmountFolder({ shared_folder_id: folderId });
		expect(await names(member)).not.toContain('Project');
		expect(await text(owner, '/Project/from-member.txt')).toBe('written by the member');
		expect((await sdkFailure(member.sharingUnmountFolder({ shared_folder_id: folderId }))).error.error).toEqual({ '.tag': 'access_error', access_error: { '.tag': 'unmounted' } });
		expect((await sdkFailure(owner.sharingUnmountFolder({ shared_folder_id: folderId }))).error.error).toEqual({ '.tag': 'not_unmountable' });
	});

	it('happens too when a member deletes the mount point', async () => {
		await member.sharingMountFolder({ shared_folder_id: folderId });
		await member.filesDeleteV2({ path: '/Project' });
		expect(await names(member)).not.toContain('Project');
		expect(await text(owner, '/Project/plan.txt')).toBe('the plan');
		expect((await member.sharingListMountableFolders({})).result.entries.map((f) => f.shared_folder_id)).toContain(folderId);
	});
});

describeRoute('sharing/remove_folder_member', () => emu, () => {
	it('removes a member as a job, leaving them a copy when asked', async () => {
		const launch = (await owner.sharingRemoveFolderMember({ shared_folder_id: folderId, member: { '.tag': 'dropbox_id', dropbox_id: editorId }, leave_a_copy: true })).result;
		expect(launch['.tag']).toBe('async_job_id');
		const jobId = (launch as { async_job_id: string }).async_job_id;
		const done = await finished(() => owner.sharingCheckRemoveMemberJobStatus({ async_job_id: jobId }));
		expect(done).toEqual({ '.tag': 'complete' });
		expect(await text(editor, '/Project (1)/plan.txt')).toBe('the plan');
		await editor.filesUpload({ path: '/Project (1)/copy-only.txt', contents: 'mine' });
		expect((await sdkFailure(owner.filesGetMetadata({ path: '/Project/copy-only.txt' }))).status).toBe(409);
		expect((await sdkFailure(editor.sharingGetFolderMetadata({ shared_folder_id: folderId }))).error.error).toEqual({ '.tag': 'not_a_member' });
	});

	it('refuses to remove the owner or a non-member', async () => {
		const ownerId = (await owner.usersGetCurrentAccount()).result.account_id;
		expect((await sdkFailure(owner.sharingRemoveFolderMember({ shared_folder_id: folderId, member: { '.tag': 'dropbox_id', dropbox_id: ownerId }, leave_a_copy: false }))).error.error).toEqual({ '.tag': 'folder_owner' });
		expect((await sdkFailure(owner.sharingRemoveFolderMember({ shared_folder_id: folderId, member: { '.tag': 'dropbox_id', dropbox_id: editorId }, leave_a_copy: false }))).error.error).toEqual({ '.tag': 'member_error', member_error: { '.tag': 'not_a_member' } });
	});
});

describeRoute('sharing/check_remove_member_job_status', () => emu, () => {
	it('answers invalid_async_job_id for an unknown job', async () => {
		expect((await sdkFailure(owner.sharingCheckRemoveMemberJobStatus({ async_job_id: 'dbjid:unknown' }))).error.error).toEqual({ '.tag': 'invalid_async_job_id' });
	});
});

describeRoute('sharing/update_folder_policy', () => emu, () => {
	it('lets the owner change policies: with acl_update_policy editors, editors manage members', async () => {
		const { result } = await owner.sharingUpdateFolderPolicy({ shared_folder_id: folderId, acl_update_policy: { '.tag': 'editors' }, viewer_info_policy: { '.tag': 'disabled' } });
		expectOfType('sharing', 'SharedFolderMetadata', result);
		expect(result.policy).toMatchObject({ acl_update_policy: { '.tag': 'editors' }, viewer_info_policy: { '.tag': 'disabled' }, member_policy: { '.tag': 'anyone' } });
		await member.sharingAddFolderMember({ shared_folder_id: folderId, members: [{ member: { '.tag': 'email', email: 'added-by-editor@example.org' } }] });
		const invitees = (await owner.sharingListFolderMembers({ shared_folder_id: folderId })).result.invitees.map((invitee) => (invitee.invitee as { email: string }).email);
		expect(invitees).toContain('added-by-editor@example.org');
		await owner.sharingUpdateFolderPolicy({ shared_folder_id: folderId, acl_update_policy: { '.tag': 'owner' } });
	});

	it('refuses members and team-only policies for an owner on no team', async () => {
		expect((await sdkFailure(member.sharingUpdateFolderPolicy({ shared_folder_id: folderId, acl_update_policy: { '.tag': 'editors' } }))).error.error).toEqual({ '.tag': 'no_permission' });
		expect((await sdkFailure(owner.sharingUpdateFolderPolicy({ shared_folder_id: folderId, member_policy: { '.tag': 'team' } }))).error.error).toEqual({ '.tag': 'not_on_team' });
		expect((await sdkFailure(owner.sharingUpdateFolderPolicy({ shared_folder_id: folderId, shared_link_policy: { '.tag': 'team' } }))).error.error).toEqual({ '.tag': 'disallowed_shared_link_policy' });
	});
});

describeRoute('sharing/set_access_inheritance', () => emu, () => {
	it('is the owner’s to set, and shows in the metadata', async () => {
		const { result } = await owner.sharingSetAccessInheritance({ shared_folder_id: folderId, access_inheritance: { '.tag': 'no_inherit' } });
		expectOfType('sharing', 'ShareFolderLaunch', result);
		expect(result).toMatchObject({ '.tag': 'complete', access_inheritance: { '.tag': 'no_inherit' } });
		expect((await member.sharingGetFolderMetadata({ shared_folder_id: folderId })).result.access_inheritance).toEqual({ '.tag': 'no_inherit' });
		expect((await sdkFailure(member.sharingSetAccessInheritance({ shared_folder_id: folderId }))).error.error).toEqual({ '.tag': 'no_permission' });
		await owner.sharingSetAccessInheritance({ shared_folder_id: folderId });
		expect((await owner.sharingGetFolderMetadata({ shared_folder_id: folderId })).result.access_inheritance).toEqual({ '.tag': 'inherit' });
	});
});

describeRoute('sharing/relinquish_folder_membership', () => emu, () => {
	it('lets a member leave once the folder is unmounted; never the owner', async () => {
		const leaver = await account();
		await owner.sharingAddFolderMember({ shared_folder_id: folderId, members: [{ member: { '.tag': 'dropbox_id', dropbox_id: leaver.id } }] });
		await leaver.dbx.sharingMountFolder({ shared_folder_id: folderId });
		expect((await sdkFailure(leaver.dbx.sharingRelinquishFolderMembership({ shared_folder_id: folderId }))).error.error).toEqual({ '.tag': 'mounted' });
		await leaver.dbx.sharingUnmountFolder({ shared_folder_id: folderId });
		expect((await leaver.dbx.sharingRelinquishFolderMembership({ shared_folder_id: folderId })).result).toEqual({ '.tag': 'complete' });
		const users = (await owner.sharingListFolderMembers({ shared_folder_id: folderId })).result.users.map((user) => user.user.account_id);
		expect(users).not.toContain(leaver.id);
		expect((await sdkFailure(owner.sharingRelinquishFolderMembership({ shared_folder_id: folderId }))).error.error).toEqual({ '.tag': 'folder_owner' });
	});

	it('makes an invitee a member once an account with that email exists', async () => {
		const joined = await emu.admin<AccountCredentials>('POST', '/accounts', { email: 'Added-By-Editor@example.org' });
		const mountable = (await client(emu, joined.access_token).sharingListMountableFolders({})).result.entries;
		expect(mountable.map((folder) => folder.shared_folder_id)).toEqual([folderId]);
		const members = (await owner.sharingListFolderMembers({ shared_folder_id: folderId })).result;
		expect(members.users.map((user) => user.user.account_id)).toContain(joined.account_id);
		expect(members.invitees.map((invitee) => (invitee.invitee as { email: string }).email)).not.toContain('added-by-editor@example.org');
		// Leaving again keeps the member list of the later tests as it was.
		await client(emu, joined.access_token).sharingRelinquishFolderMembership({ shared_folder_id: folderId });
	});
});

describeRoute('sharing/unshare_folder', () => emu, () => {
	it('is for the owner only; then members lose the folder and its id is unknown', async () => {
		await member.sharingMountFolder({ shared_folder_id: folderId });
		expect((await sdkFailure(member.sharingUnshareFolder({ shared_folder_id: folderId }))).error.error).toEqual({ '.tag': 'no_permission' });
		const launch = (await owner.sharingUnshareFolder({ shared_folder_id: folderId, leave_a_copy: false })).result;
		const jobId = (launch as { async_job_id: string }).async_job_id;
		expect(await finished(() => owner.sharingCheckJobStatus({ async_job_id: jobId }))).toEqual({ '.tag': 'complete' });
		expect(await names(member)).not.toContain('Project');
		expect(await text(owner, '/Project/plan.txt')).toBe('the plan');
		expect((await sdkFailure(owner.sharingGetFolderMetadata({ shared_folder_id: folderId }))).error.error).toEqual({ '.tag': 'invalid_id' });
	});
});

describeRoute('sharing/check_job_status', () => emu, () => {
	it('answers invalid_async_job_id for another account’s job', async () => {
		const folder = (await owner.sharingShareFolder({ path: '/Short' })).result as sharing.ShareFolderLaunchComplete;
		const jobId = ((await owner.sharingUnshareFolder({ shared_folder_id: folder.shared_folder_id, leave_a_copy: false })).result as { async_job_id: string }).async_job_id;
		expect((await sdkFailure(member.sharingCheckJobStatus({ async_job_id: jobId }))).error.error).toEqual({ '.tag': 'invalid_async_job_id' });
	});
});
