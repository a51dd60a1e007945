/**
 * Members of a folder shared between accounts: add_folder_member, list_folder_members (+ /continue),
 * update_folder_member, remove_folder_member (async, with leave_a_copy), relinquish_folder_membership.
 */
import type { Account, HandlerContext, HandlerResult } from '../../contract';
import { accountOf } from '../../files/context';
import { json, routeError } from '../../files/errors';
import { decodeCursor, encodeCursor } from '../../paging/opaque-cursor';
import { type FolderAccess, accountByEmail, folderAccess } from './access';
import type { Access } from './folder-store';
import { launchJob } from './jobs';
import { isMounted, unmount } from './mounts';
import { tagsOf } from './share';

type Selector = { '.tag': 'email'; email: string } | { '.tag': 'dropbox_id'; dropbox_id: string };

/** Levels a member can be given; `owner` (a transfer), `traverse` and `no_access` are not for adding or updating. */
const GRANTABLE = new Set<string>(['editor', 'viewer', 'viewer_no_comment']);

/** Who a selector names: an account, or an email address that is no account's (an invitee). */
type Target = { kind: 'user'; account: Account } | { kind: 'invitee'; email: string };

function targetOf(ctx: HandlerContext, selector: Selector): Target | undefined {
	if (selector['.tag'] === 'dropbox_id') {
		const account = ctx.emulator.accounts.byId(selector.dropbox_id);
		return account && { kind: 'user', account };
	}
	const account = accountByEmail(ctx, selector.email);
	return account ? { kind: 'user', account } : { kind: 'invitee', email: selector.email.toLowerCase() };
}

function mayManageMembers(access: FolderAccess): boolean {
	return access.membership.access === 'owner' || (access.membership.access === 'editor' && access.record.policy.acl_update_policy === 'editors');
}

export async function addFolderMember(ctx: HandlerContext): Promise<HandlerResult> {
	const arg = ctx.arg as { shared_folder_id: string; members: Array<{ member: Selector; access_level?: { '.tag': string } }> };
	const access = folderAccess(ctx, arg.shared_folder_id, 'access_error');
	if (!mayManageMembers(access)) throw routeError({ '.tag': 'no_permission' });
	// Every member is checked before any is added: a refused call adds nobody.
	const additions = arg.members.map(({ member, access_level }) => {
		const target = targetOf(ctx, member);
		if (!target) throw routeError({ '.tag': 'bad_member', bad_member: { '.tag': 'invalid_dropbox_id', invalid_dropbox_id: (member as { dropbox_id: string }).dropbox_id } });
		const level = access_level?.['.tag'] ?? 'viewer';
		if (!GRANTABLE.has(level)) throw routeError({ '.tag': 'no_permission' });
		return { target, level: level as Access };
	});
	const { record, store } = access;
	for (const { target, level } of additions) {
		if (target.kind === 'invitee') {
			record.invitees.set(target.email, { access: level, invited: new Date() });
			continue;
		}
		const existing = record.members.get(target.account.accountId);
		if (existing?.access === 'owner') continue;
		record.members.set(target.account.accountId, { access: level, invited: existing?.invited ?? new Date() });
		store.namespaces.grant(record.namespaceId, target.account.accountId);
	}
	// `quiet` and `custom_message` shape the invitation email, which the emulator does not send.
	return json(null);
}

interface MembersCursor {
	account: string;
	folder: string;
	offset: number;
	limit: number;
	actions: string[];
}

const MEMBERS_PREFIX = 'AAM';

export async function listFolderMembers(ctx: HandlerContext): Promise<HandlerResult> {
	const arg = ctx.arg as { shared_folder_id: string; limit: number; actions?: Array<{ '.tag': string }> };
	const access = folderAccess(ctx, arg.shared_folder_id, undefined);
	return json(membersPage(ctx, access, { account: access.account.accountId, folder: arg.shared_folder_id, offset: 0, limit: arg.limit, actions: tagsOf(arg.actions) }));
}

export async function listFolderMembersContinue(ctx: HandlerContext): Promise<HandlerResult> {
	const cursor = decodeCursor<MembersCursor>(
		MEMBERS_PREFIX,
		(ctx.arg as { cursor: string }).cursor,
		(value) => typeof value.account === 'string' && typeof value.folder === 'string' && Number.isInteger(value.offset) && Number.isInteger(value.limit),
	);
	if (!cursor || cursor.account !== accountOf(ctx).accountId) throw routeError({ '.tag': 'invalid_cursor' });
	return json(membersPage(ctx, folderAccess(ctx, cursor.folder, 'access_error'), cursor));
}

/** Users (the owner first, then by invitation time) and then invitees, `limit` entries a page; no groups. */
function membersPage(ctx: HandlerContext, access: FolderAccess, cursor: MembersCursor): Record<string, unknown> {
	const { record, account: viewer } = access;
	const owner = access.membership.access === 'owner';
	const permissions = (targetIsOwner: boolean) =>
		cursor.actions.length === 0
			? {}
			: {
					permissions: cursor.actions.map((action) => {
						const allow = owner && !targetIsOwner && action !== 'make_owner';
						return { action: { '.tag': action }, allow, ...(allow ? {} : { reason: { '.tag': targetIsOwner ? 'target_is_owner' : 'permission_denied' } }) };
					}),
				};
	const users = [...record.members]
		.sort(([, a], [, b]) => (a.access === 'owner' ? -1 : b.access === 'owner' ? 1 : a.invited.getTime() - b.invited.getTime()))
		.flatMap(([accountId, membership]) => {
			const member = ctx.emulator.accounts.byId(accountId);
			if (!member) return [];
			const sameTeam = member.team !== undefined && member.team.teamId === viewer.team?.teamId;
			const user = { account_id: member.accountId, email: member.email, display_name: member.displayName, same_team: sameTeam, ...(sameTeam ? { team_member_id: `dbmid:${member.accountId.slice(5)}` } : {}) };
			return [{ kind: 'users', entry: { access_type: { '.tag': membership.access }, ...permissions(membership.access === 'owner'), is_inherited: false, user } }];
		});
	const invitees = [...record.invitees].map(([email, invitation]) => ({
		kind: 'invitees',
		entry: { access_type: { '.tag': invitation.access }, ...permissions(false), is_inherited: false, invitee: { '.tag': 'email', email } },
	}));
	const all = [...users, ...invitees];
	const end = cursor.offset + cursor.limit;
	const page = all.slice(cursor.offset, end);
	return {
		users: page.filter((item) => item.kind === 'users').map((item) => item.entry),
		groups: [],
		invitees: page.filter((item) => item.kind === 'invitees').map((item) => item.entry),
		...(end < all.length ? { cursor: encodeCursor(MEMBERS_PREFIX, { ...cursor, offset: end }) } : {}),
	};
}

/** The member a selector names, as update and remove find it, or their `member_error`. */
function memberOf(ctx: HandlerContext, access: FolderAccess, selector: Selector): Target {
	const target = targetOf(ctx, selector);
	if (!target) throw routeError({ '.tag': 'member_error', member_error: { '.tag': 'invalid_dropbox_id' } });
	const known = target.kind === 'user' ? access.record.members.has(target.account.accountId) : access.record.invitees.has(target.email);
	if (!known) throw routeError({ '.tag': 'member_error', member_error: { '.tag': 'not_a_member' } });
	return target;
}

export async function updateFolderMember(ctx: HandlerContext): Promise<HandlerResult> {
	const arg = ctx.arg as { shared_folder_id: string; member: Selector; access_level: { '.tag': string } };
	const access = folderAccess(ctx, arg.shared_folder_id, 'access_error');
	if (!mayManageMembers(access)) throw routeError({ '.tag': 'no_permission' });
	const target = memberOf(ctx, access, arg.member);
	const level = arg.access_level['.tag'];
	if (!GRANTABLE.has(level)) throw routeError({ '.tag': 'no_permission' });
	if (target.kind === 'invitee') {
		access.record.invitees.get(target.email)!.access = level as Access;
	} else {
		const membership = access.record.members.get(target.account.accountId)!;
		if (membership.access === 'owner') throw routeError({ '.tag': 'no_permission' });
		membership.access = level as Access;
	}
	return json({ access_level: { '.tag': level } });
}

export async function removeFolderMember(ctx: HandlerContext): Promise<HandlerResult> {
	const arg = ctx.arg as { shared_folder_id: string; member: Selector; leave_a_copy: boolean };
	const access = folderAccess(ctx, arg.shared_folder_id, 'access_error');
	const target = memberOf(ctx, access, arg.member);
	const { record, store } = access;
	if (target.kind === 'invitee') {
		if (!mayManageMembers(access)) throw routeError({ '.tag': 'no_permission' });
		record.invitees.delete(target.email);
		return launchJob(ctx, 'remove_member', { ok: true, value: {} });
	}
	const removed = target.account.accountId;
	if (record.members.get(removed)?.access === 'owner') throw routeError({ '.tag': 'folder_owner' });
	if (!mayManageMembers(access) && removed !== access.account.accountId) throw routeError({ '.tag': 'no_permission' });
	if (isMounted(record, removed)) unmount(store, record, target.account, arg.leave_a_copy);
	record.members.delete(removed);
	store.namespaces.revokeGrant(record.namespaceId, removed);
	return launchJob(ctx, 'remove_member', { ok: true, value: {} });
}

/** A member leaves the folder. It must be unmounted first (`mounted`); the owner cannot leave (`folder_owner`). */
export async function relinquishFolderMembership(ctx: HandlerContext): Promise<HandlerResult> {
	const arg = ctx.arg as { shared_folder_id: string };
	const { store, account, record, membership } = folderAccess(ctx, arg.shared_folder_id, 'access_error');
	if (membership.access === 'owner') throw routeError({ '.tag': 'folder_owner' });
	if (isMounted(record, account.accountId)) throw routeError({ '.tag': 'mounted' });
	record.members.delete(account.accountId);
	store.namespaces.revokeGrant(record.namespaceId, account.accountId);
	return json({ '.tag': 'complete' });
}
