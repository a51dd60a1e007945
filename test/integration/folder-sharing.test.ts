/**
 * Folder Sharing through n8n-core against the emulator, with several emulator accounts (made through
 * `POST /__admin/accounts`): sharing (at once and as a job), members added, listed page by page, updated and removed,
 * mounting and unmounting, unsharing, the account's shared folders, and the errors a person can act on.
 */
import { setTimeout as pause } from 'node:timers/promises';

import { DropboxSuite } from '../../nodes/DropboxSuite/DropboxSuite.node';
import type { EmulatorAccount } from './credentials.fixture';
import { assertPairedItems } from '../support/n8n';
import { jsonOf, locator, requestLog, type RunOptions, runSuite, seed, useEmulator } from './file-ops.fixture';

const env = useEmulator();

type Account = EmulatorAccount & { account_id: string; email: string };

let owner: Account;
let member: Account;
let viewer: Account;
let stranger: Account;
let accountCount = 0;

async function newAccount(extra: Record<string, unknown> = {}): Promise<Account> {
	const email = `sharing.${++accountCount}.${Date.now()}@example.com`;
	const made = await env.emulator.admin<EmulatorAccount & { account_id: string }>('POST', '/accounts', { email, ...extra });
	return { ...made, email };
}

beforeAll(async () => {
	owner = await newAccount({ display_name: 'Olga Owner' });
	member = await newAccount({ display_name: 'Mia Member' });
	viewer = await newAccount({ display_name: 'Vic Viewer' });
	stranger = await newAccount({ display_name: 'Stan Stranger' });
});

const run = (account: Account, parameters: Record<string, unknown>, extra: RunOptions = {}) =>
	runSuite(env.emulator, { resource: 'folderSharing', ...parameters }, extra, account);
const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });
const byPath = (path: string) => ({ __rl: true, mode: 'path', value: path });
const { logLength, routesSince } = requestLog(env);

/** Shares a folder of the owner's and answers its shared folder ID. */
async function shared(path: string, account = owner, options: Record<string, unknown> = {}): Promise<string> {
	const result = await run(account, { operation: 'share', path: locator(path), options });
	expect(result.error).toBeUndefined();
	return result.items[0].json.shared_folder_id as string;
}

async function addMembers(folderId: string, members: string, accessLevel = 'editor', account = owner) {
	return await run(account, { operation: 'addMember', sharedFolder: byId(folderId), members, accessLevel });
}

async function membersOf(folderId: string, account = owner) {
	const result = await run(account, { operation: 'listMembers', sharedFolder: byId(folderId), returnAll: true });
	expect(result.error).toBeUndefined();
	return jsonOf(result.items);
}

async function namesIn(account: Account, path: string): Promise<string[]> {
	const result = await runSuite(env.emulator, { resource: 'folder', operation: 'list', path: locator(path), returnAll: true }, {}, account);
	expect(result.error).toBeUndefined();
	return jsonOf(result.items).map((entry) => entry.name as string).sort();
}

async function readText(account: Account, path: string): Promise<string> {
	const result = await runSuite(env.emulator, { resource: 'file', operation: 'download', path: locator(path) }, {}, account);
	expect(result.error).toBeUndefined();
	return (await result.readBinary(result.items[0].binary!.data)).toString('utf8');
}

async function writeText(account: Account, path: string, text: string) {
	const result = await runSuite(env.emulator, { resource: 'file', operation: 'upload', inputType: 'text', fileContent: text, path: locator(path) }, {}, account);
	expect(result.error).toBeUndefined();
}

describe('folderSharing → share', () => {
	it('shares an existing folder at once and outputs its metadata with the shared folder ID', async () => {
		await seed(env.emulator, '/Launch/plan.txt', 'the plan', owner.account_id);
		const before = await logLength();
		const result = await run(owner, { operation: 'share', path: locator('/Launch'), options: { aclUpdatePolicy: 'editors' } });
		expect(result.error).toBeUndefined();
		assertPairedItems(result.nodeOutput[0]);
		expect(result.items[0].json).toMatchObject({
			name: 'Launch',
			path_lower: '/launch',
			access_type: { '.tag': 'owner' },
			policy: { acl_update_policy: { '.tag': 'editors' } },
			shared_folder_id: expect.stringMatching(/^[0-9]+$/),
		});
		expect(result.items[0].json['.tag']).toBeUndefined();
		expect(await routesSince(before)).toEqual(['sharing/share_folder']);
	});

	it('waits for the share job through check_share_job_status, and creates a folder that is missing', async () => {
		await env.emulator.admin('POST', '/limits', { finish_batch_in_progress_checks: 2 });
		try {
			const before = await logLength();
			const result = await run(owner, { operation: 'share', path: locator('/Made By Sharing'), options: { forceAsync: true, viewerInfoPolicy: 'disabled' } });
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ name: 'Made By Sharing', policy: { viewer_info_policy: { '.tag': 'disabled' } } });
			expect(await routesSince(before)).toEqual([
				'sharing/share_folder',
				'sharing/check_share_job_status',
				'sharing/check_share_job_status',
				'sharing/check_share_job_status',
			]);
		} finally {
			await env.emulator.admin('POST', '/limits', { finish_batch_in_progress_checks: 1 });
		}
	});

	it('stops waiting for the share job at once when the execution is cancelled', async () => {
		await env.emulator.admin('POST', '/limits', { finish_batch_in_progress_checks: 1000 });
		try {
			const node = new DropboxSuite();
			const execute = node.execute;
			let settledAt: number | undefined;
			node.execute = async function (this: ThisParameterType<typeof execute>) {
				try {
					return await execute.call(this);
				} finally {
					settledAt = Date.now();
				}
			};
			let cancelledAt = 0;
			const result = await run(
				owner,
				{ operation: 'share', path: locator('/Slow Share'), options: { forceAsync: true } },
				{ nodeType: node, cancelWhen: pause(1500).then(() => (cancelledAt = Date.now())) },
			);
			expect(result.status).toBe('canceled');
			for (let waited = 0; settledAt === undefined && waited < 5000; waited += 50) await pause(50);
			expect(settledAt! - cancelledAt).toBeLessThan(1000);
			const checks = async () => (await env.emulator.log()).filter((entry) => entry.route === 'sharing/check_share_job_status').length;
			const after = await checks();
			await pause(2000);
			expect(await checks()).toBe(after);
		} finally {
			await env.emulator.admin('POST', '/limits', { finish_batch_in_progress_checks: 1 });
		}
	});

	it('explains a folder shared already and a folder inside a shared folder, naming the path', async () => {
		await seed(env.emulator, '/Twice/Inner/x.txt', 'x', owner.account_id);
		await shared('/Twice');
		const again = await run(owner, { operation: 'share', path: locator('/Twice') });
		expect(again.error?.message).toBe('Dropbox error: bad_path/already_shared');
		expect(again.error?.description).toContain('"/Twice" is shared already');
		expect(again.error?.description).toContain('Add Member');

		const inside = await run(owner, { operation: 'share', path: locator('/Twice/Inner') });
		expect(inside.error?.message).toBe('Dropbox error: bad_path/inside_shared_folder');
		expect(inside.error?.description).toContain('"/Twice/Inner" is inside a shared folder');
	});

	it('names the missing scope when the app may not share', async () => {
		const readOnly = await newAccount({ scopes: ['account_info.read', 'files.metadata.read', 'files.content.read', 'files.content.write', 'sharing.read'] });
		const result = await run(readOnly, { operation: 'share', path: locator('/Anything') });
		expect(result.error?.message).toMatch(/missing_scope/);
		expect(result.error?.description).toContain('"sharing.write"');
		expect(result.error?.description).toContain('Permissions tab');
	});
});

describe('folderSharing → members', () => {
	let folderId: string;
	const outsider = `no.account.${Date.now()}@example.com`;

	beforeAll(async () => {
		await seed(env.emulator, '/Members/readme.txt', 'hello', owner.account_id);
		folderId = await shared('/Members');
	});

	it('adds members by email and by Dropbox ID; an email with no account becomes an invitee', async () => {
		const before = await logLength();
		const added = await run(owner, {
			operation: 'addMember',
			sharedFolder: byId(folderId),
			members: `${member.email.toUpperCase()}, ${outsider}`,
			accessLevel: 'editor',
			options: { customMessage: 'Welcome aboard', quiet: true },
		});
		expect(added.error).toBeUndefined();
		assertPairedItems(added.nodeOutput[0]);
		expect(added.items[0].json).toEqual({ shared_folder_id: folderId, access_level: 'editor', members: [member.email.toUpperCase(), outsider] });
		expect(await routesSince(before)).toEqual(['sharing/add_folder_member']);

		const byAccountId = await addMembers(folderId, viewer.account_id, 'viewer_no_comment');
		expect(byAccountId.error).toBeUndefined();

		const members = await membersOf(folderId);
		expect(members.map(({ kind, email, access_level }) => ({ kind, email, access_level }))).toEqual([
			{ kind: 'user', email: owner.email, access_level: 'owner' },
			{ kind: 'user', email: member.email, access_level: 'editor' },
			{ kind: 'user', email: viewer.email, access_level: 'viewer_no_comment' },
			{ kind: 'invitee', email: outsider, access_level: 'editor' },
		]);
		expect(members[1]).toMatchObject({ account_id: member.account_id, user: { display_name: 'Mia Member' }, shared_folder_id: folderId });
		expect(members[3]).toMatchObject({ invitee: { '.tag': 'email', email: outsider } });
	});

	it('finds the shared folder by path too', async () => {
		const result = await run(owner, { operation: 'listMembers', sharedFolder: byPath('/members'), returnAll: false, limit: 2 });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items).map((entry) => entry.email)).toEqual([owner.email, member.email]);
	});

	it('says when a path is no shared folder, or a file', async () => {
		await seed(env.emulator, '/Plain/file.txt', 'plain', owner.account_id);
		const plain = await run(owner, { operation: 'listMembers', sharedFolder: byPath('/Plain'), returnAll: true });
		expect(plain.error?.message).toBe('The folder "/Plain" is not a shared folder');
		expect(plain.error?.description).toContain('Share it first');
		const file = await run(owner, { operation: 'listMembers', sharedFolder: byPath('/Plain/file.txt'), returnAll: true });
		expect(file.error?.message).toBe('"/Plain/file.txt" is a file, not a shared folder');
		const missing = await run(owner, { operation: 'listMembers', sharedFolder: byPath('/Nowhere'), returnAll: true });
		expect(missing.error?.message).toBe('Dropbox error: path/not_found');
		expect(missing.error?.description).toContain('"/Nowhere"');
	});

	it('refuses an unknown Dropbox ID and a malformed email, item by item under Continue On Fail', async () => {
		const before = await logLength();
		const result = await run(
			owner,
			{ operation: 'addMember', sharedFolder: byId(folderId), members: '={{ $json.members }}', accessLevel: 'viewer' },
			{ inputItems: [{ json: { members: 'dbid:AAAnobodyAtAll' } }, { json: { members: 'not-an-email' } }], continueOnFail: true },
		);
		assertPairedItems(result.nodeOutput[0]);
		const [unknownId, malformed] = jsonOf(result.items);
		expect(unknownId.error).toBe('Dropbox error: bad_member/invalid_dropbox_id');
		expect(unknownId.description).toContain('"dbid:AAAnobodyAtAll"');
		expect(unknownId.description).toContain('email address');
		expect(malformed.error).toBe('"not-an-email" is neither an email address nor a Dropbox ID');
		// The malformed address was caught before anything was sent.
		expect(await routesSince(before)).toEqual(['sharing/add_folder_member']);
	});

	it('changes a member\'s access by email (sent as the member\'s Dropbox ID) and an invitee\'s', async () => {
		const before = await logLength();
		const updated = await run(owner, { operation: 'updateMember', sharedFolder: byId(folderId), member: member.email, accessLevel: 'viewer' });
		expect(updated.error).toBeUndefined();
		assertPairedItems(updated.nodeOutput[0]);
		expect(updated.items[0].json).toMatchObject({ shared_folder_id: folderId, member: member.email, access_level: 'viewer' });
		expect(await routesSince(before)).toEqual(['sharing/list_folder_members', 'sharing/update_folder_member']);

		const invitee = await run(owner, { operation: 'updateMember', sharedFolder: byId(folderId), member: outsider, accessLevel: 'viewer_no_comment' });
		expect(invitee.error).toBeUndefined();
		const levels = Object.fromEntries((await membersOf(folderId)).map((entry) => [entry.email, entry.access_level]));
		expect(levels).toMatchObject({ [member.email]: 'viewer', [outsider]: 'viewer_no_comment' });
	});

	it('explains an email that is no Dropbox user and no member', async () => {
		const result = await run(owner, { operation: 'updateMember', sharedFolder: byId(folderId), member: `nobody.${Date.now()}@example.com`, accessLevel: 'editor' });
		expect(result.error?.message).toBe('Dropbox error: member_error/not_a_member');
		expect(result.error?.description).toContain('no Dropbox account');
		expect(result.error?.description).toContain('List Members');
	});

	it('explains no permission for a viewer, and not being a member for a stranger', async () => {
		const denied = await addMembers(folderId, stranger.email, 'editor', viewer);
		expect(denied.error?.message).toBe('Dropbox error: no_permission');
		expect(denied.error?.description).toContain('only its owner may');

		const notMember = await run(stranger, { operation: 'listMembers', sharedFolder: byId(folderId), returnAll: true });
		expect(notMember.error?.message).toBe('Dropbox error: not_a_member');
		expect(notMember.error?.description).toContain('not a member of this shared folder');

		const noFolder = await run(owner, { operation: 'listMembers', sharedFolder: byId('999999999'), returnAll: true });
		expect(noFolder.error?.message).toBe('Dropbox error: invalid_id');
		expect(noFolder.error?.description).toContain('No shared folder has this ID');
	});

	it('removes a member and an invitee, waiting for the job through check_job_status; the owner cannot be removed', async () => {
		const before = await logLength();
		const removed = await run(owner, { operation: 'removeMember', sharedFolder: byId(folderId), member: viewer.account_id });
		expect(removed.error).toBeUndefined();
		assertPairedItems(removed.nodeOutput[0]);
		expect(removed.items[0].json).toEqual({ shared_folder_id: folderId, member: viewer.account_id, removed: true, left_a_copy: false });
		const routes = await routesSince(before);
		expect(routes[0]).toBe('sharing/remove_folder_member');
		expect(routes.slice(1).length).toBeGreaterThanOrEqual(1);
		expect(new Set(routes.slice(1))).toEqual(new Set(['sharing/check_job_status']));

		expect((await run(owner, { operation: 'removeMember', sharedFolder: byId(folderId), member: outsider })).error).toBeUndefined();
		expect((await membersOf(folderId)).map((entry) => entry.email)).toEqual([owner.email, member.email]);

		const self = await run(owner, { operation: 'removeMember', sharedFolder: byId(folderId), member: owner.email });
		expect(self.error?.message).toBe('Dropbox error: folder_owner');
		expect(self.error?.description).toContain('Unshare');
	});

	it('lists members past one page of Dropbox\'s answers', async () => {
		const manyId = await shared('/Crowd');
		const emails = Array.from({ length: 1005 }, (_unused, index) => `guest${index}.${Date.now()}@example.com`);
		const added = await addMembers(manyId, emails.join(', '), 'viewer');
		expect(added.error).toBeUndefined();
		const before = await logLength();
		const all = await membersOf(manyId);
		expect(all).toHaveLength(1006);
		expect(all[0]).toMatchObject({ kind: 'user', email: owner.email });
		expect(all.slice(1).map((entry) => entry.email)).toEqual(emails);
		expect(await routesSince(before)).toEqual(['sharing/list_folder_members', 'sharing/list_folder_members/continue']);

		const some = await run(owner, { operation: 'listMembers', sharedFolder: byId(manyId), returnAll: false, limit: 3 });
		expect(some.items).toHaveLength(3);
	});
});

describe('folderSharing → between two accounts: mount, write, unmount, unshare', () => {
	let folderId: string;
	let second: Account;

	beforeAll(async () => {
		second = await newAccount({ display_name: 'Sam Second' });
		await seed(env.emulator, '/Studio/brief.txt', 'from the owner', owner.account_id);
		folderId = await shared('/Studio');
		expect((await addMembers(folderId, second.email, 'editor')).error).toBeUndefined();
	});

	it('shows the folder to the member as not added yet, mounts it, and each sees what the other writes', async () => {
		const waiting = await run(second, { operation: 'listFolders', returnAll: true, which: 'unmounted' });
		expect(waiting.error).toBeUndefined();
		expect(jsonOf(waiting.items).map((entry) => entry.shared_folder_id)).toEqual([folderId]);
		expect(waiting.items[0].json.path_lower).toBeUndefined();

		const mounted = await run(second, { operation: 'mount', sharedFolder: byId(folderId) });
		expect(mounted.error).toBeUndefined();
		assertPairedItems(mounted.nodeOutput[0]);
		expect(mounted.items[0].json).toMatchObject({ shared_folder_id: folderId, path_lower: '/studio', access_type: { '.tag': 'editor' } });

		expect(await readText(second, '/Studio/brief.txt')).toBe('from the owner');
		await writeText(second, '/Studio/reply.txt', 'from the member');
		expect(await readText(owner, '/Studio/reply.txt')).toBe('from the member');
		await writeText(owner, '/Studio/update.txt', 'owner again');
		expect(await namesIn(second, '/Studio')).toEqual(['brief.txt', 'reply.txt', 'update.txt']);

		const again = await run(second, { operation: 'mount', sharedFolder: byId(folderId) });
		expect(again.error?.message).toBe('Dropbox error: already_mounted');
		expect(again.error?.description).toContain('nothing to mount');
	});

	it('lists the account\'s shared folders, mounted or not', async () => {
		const all = await run(second, { operation: 'listFolders', returnAll: true });
		expect(all.error).toBeUndefined();
		assertPairedItems(all.nodeOutput[0]);
		expect(jsonOf(all.items)).toEqual([expect.objectContaining({ shared_folder_id: folderId, name: 'Studio', path_lower: '/studio' })]);
		const unmounted = await run(second, { operation: 'listFolders', returnAll: true, which: 'unmounted' });
		expect(unmounted.items).toHaveLength(0);
	});

	it('refuses to mount for a stranger, and to unmount for the owner', async () => {
		const strangerMount = await run(stranger, { operation: 'mount', sharedFolder: byId(folderId) });
		expect(strangerMount.error?.message).toBe('Dropbox error: access_error/not_a_member');
		expect(strangerMount.error?.description).toContain('not a member of this shared folder');
		const ownerUnmount = await run(owner, { operation: 'unmount', sharedFolder: byId(folderId) });
		expect(ownerUnmount.error?.message).toBe('Dropbox error: not_unmountable');
		expect(ownerUnmount.error?.description).toContain('Unshare');
	});

	it('unmounts by path: the folder leaves the member\'s Dropbox, the files stay with the owner', async () => {
		const result = await run(second, { operation: 'unmount', sharedFolder: byPath('/Studio') });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ shared_folder_id: folderId, unmounted: true });
		expect(await namesIn(second, '/')).not.toContain('Studio');
		expect(await namesIn(owner, '/Studio')).toEqual(['brief.txt', 'reply.txt', 'update.txt']);
		const waiting = await run(second, { operation: 'listFolders', returnAll: true, which: 'unmounted' });
		expect(jsonOf(waiting.items).map((entry) => entry.shared_folder_id)).toEqual([folderId]);
	});

	it('unshares, waiting for the job; only the owner may, and members keep a copy when asked', async () => {
		expect((await run(second, { operation: 'mount', sharedFolder: byId(folderId) })).error).toBeUndefined();
		const denied = await run(second, { operation: 'unshare', sharedFolder: byId(folderId) });
		expect(denied.error?.message).toBe('Dropbox error: no_permission');
		expect(denied.error?.description).toContain('Only the owner');

		const before = await logLength();
		const result = await run(owner, { operation: 'unshare', sharedFolder: byPath('/Studio'), leaveACopy: true });
		expect(result.error).toBeUndefined();
		assertPairedItems(result.nodeOutput[0]);
		expect(result.items[0].json).toEqual({ shared_folder_id: folderId, unshared: true, left_a_copy: true });
		const routes = await routesSince(before);
		expect(routes).toContain('sharing/unshare_folder');
		expect(routes[routes.length - 1]).toBe('sharing/check_job_status');

		expect(await namesIn(second, '/Studio')).toEqual(['brief.txt', 'reply.txt', 'update.txt']);
		expect((await run(second, { operation: 'listFolders', returnAll: true })).items).toHaveLength(0);
		const gone = await run(owner, { operation: 'listMembers', sharedFolder: byId(folderId), returnAll: true });
		expect(gone.error?.message).toBe('Dropbox error: invalid_id');
	});
});

describe('folderSharing → listFolders', () => {
	it('lists the shared folders past one page of Dropbox\'s answers, and stops at the limit', async () => {
		// A team account's top-level team-space folders are team folders, each listed by sharing/list_folders: one batch
		// makes more of them than one page holds.
		const teamMember = await newAccount({ team: true });
		const names = Array.from({ length: 1003 }, (_unused, index) => `Team ${String(index).padStart(4, '0')}`);
		const made = await runSuite(
			env.emulator,
			{ resource: 'folder', operation: 'create', space: 'team', path: locator('={{ "/" + $json.name }}') },
			{ inputItems: names.map((name) => ({ json: { name } })) },
			teamMember,
		);
		expect(made.error).toBeUndefined();
		const before = await logLength();
		const all = await run(teamMember, { operation: 'listFolders', returnAll: true });
		expect(all.error).toBeUndefined();
		const listed = jsonOf(all.items);
		expect(listed).toHaveLength(1004);
		expect(listed.filter((entry) => entry.is_team_folder).map((entry) => entry.name).sort()).toEqual(names);
		expect(await routesSince(before)).toEqual(['sharing/list_folders', 'sharing/list_folders/continue']);

		const some = await run(teamMember, { operation: 'listFolders', returnAll: false, limit: 7 });
		expect(some.items).toHaveLength(7);
	});
});
