/**
 * Finding the shared folder a route names and the caller's membership of it, with SharedFolderAccessError
 * (`invalid_id`, `not_a_member`) under the route's own member name, or at the top for routes whose error
 * is SharedFolderAccessError itself.
 */
import type { Account, HandlerContext } from '../../contract';
import { accountOf, storeOf } from '../../files/context';
import { routeError } from '../../files/errors';
import type { FileStore } from '../../files/store/file-store';
import { type Membership, type SharedFolderRecord, sharedFolders } from './folder-store';

export interface FolderAccess {
	store: FileStore;
	account: Account;
	record: SharedFolderRecord;
	membership: Membership;
}

/** `member`: the route error's member carrying SharedFolderAccessError (`access_error`), or undefined for the top level. */
export function folderAccess(ctx: HandlerContext, sharedFolderId: string, member: string | undefined): FolderAccess {
	const store = storeOf(ctx);
	const account = accountOf(ctx);
	claimInvitations(store, account);
	const record = sharedFolders.of(store).get(sharedFolderId);
	if (!record) throw accessError(member, 'invalid_id');
	const membership = record.members.get(account.accountId);
	if (!membership) throw accessError(member, 'not_a_member');
	return { store, account, record, membership };
}

export function accessError(member: string | undefined, tag: 'invalid_id' | 'not_a_member' | 'unmounted'): Error {
	return routeError(member ? { '.tag': member, [member]: { '.tag': tag } } : { '.tag': tag });
}

/** The account with that email address (Dropbox compares them case-insensitively). */
export function accountByEmail(ctx: HandlerContext, email: string): Account | undefined {
	const wanted = email.toLowerCase();
	return ctx.emulator.accounts.all().find((account) => account.email.toLowerCase() === wanted);
}

export function ownerOf(ctx: HandlerContext, record: SharedFolderRecord): Account | undefined {
	return ctx.emulator.accounts.byId(record.ownerId);
}

/**
 * Invitations sent to an email address before it was an account's: once an account with that address
 * exists, its first sharing call makes it a member (unmounted) with the access it was invited with.
 */
export function claimInvitations(store: FileStore, account: Account): void {
	const email = account.email.toLowerCase();
	for (const record of sharedFolders.of(store).all()) {
		const invitation = record.invitees.get(email);
		if (!invitation || record.members.has(account.accountId)) continue;
		record.invitees.delete(email);
		record.members.set(account.accountId, { access: invitation.access, invited: invitation.invited });
		store.namespaces.grant(record.namespaceId, account.accountId);
	}
}
