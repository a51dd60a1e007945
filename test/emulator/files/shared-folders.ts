/**
 * sharing/list_folders (+ /continue): the shared folders the caller can reach (sharing.stone,
 * SharedFolderMetadata). An individual account shares nothing. A team account with a team space sees
 * its member folder (its home namespace, which it owns) and every other top-level folder of the team
 * space as a team folder with a namespace of its own; each `shared_folder_id` works as a namespace id
 * (Path-Root header, `ns:` paths). Paths are shown from the team space root, as the member sees it.
 * Then the folders shared between accounts (../sharing/folders/) that the caller owns or is a member of.
 */
import { createHash } from 'node:crypto';
import type { Account, AccountRegistry, HandlerContext, HandlerResult } from '../contract';
import { claimInvitations } from '../sharing/folders/access';
import { sharedFolders as sharedFolderTable } from '../sharing/folders/folder-store';
import { renderSharedFolder } from '../sharing/folders/render-folder';
import { callerView } from './context';
import { json, routeError } from './errors';
import type { FileStore } from './store/file-store';
import { dropboxTimestamp } from './store/ids';
import type { Namespace } from './store/namespaces';

interface ListFoldersArgs {
	limit: number;
	actions?: Array<string | { '.tag': string }>;
}

/** What a listing page remembers: whose list, where the next page starts, and what the first call asked. */
interface ListCursor {
	account: string;
	offset: number;
	limit: number;
	actions: string[];
}

const CURSOR_PREFIX = 'AAS';

/** Actions nobody may take on a team's own folders (both kinds listed here): not the member's to leave or unshare. */
const DENIED_ON_TEAM_FOLDERS = new Set(['unmount', 'relinquish_membership', 'leave_a_copy', 'unshare']);
/** What an editor (not an owner) of a team folder may not do either. */
const OWNER_ONLY = new Set(['change_options', 'set_access_inheritance']);

interface SharedFolder {
	namespace: Namespace;
	name: string;
	folderId: string;
	isTeamFolder: boolean;
}

export async function listFolders(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account } = callerView(ctx);
	const arg = ctx.arg as ListFoldersArgs;
	const actions = (arg.actions ?? []).map((action) => (typeof action === 'string' ? action : action['.tag']));
	return json(page(store, account, { account: account.accountId, offset: 0, limit: arg.limit ?? 1000, actions }, ctx.emulator.accounts));
}

export async function listFoldersContinue(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account } = callerView(ctx);
	const cursor = decodeCursor(String((ctx.arg as { cursor: string }).cursor));
	if (!cursor || cursor.account !== account.accountId) throw routeError({ '.tag': 'invalid_cursor' });
	return json(page(store, account, cursor, ctx.emulator.accounts));
}

/** The team's folders first, then the folders shared between accounts that the caller owns or is a member of. */
function page(store: FileStore, account: Account, cursor: ListCursor, accounts: AccountRegistry): Record<string, unknown> {
	claimInvitations(store, account);
	const teamFolders = sharedFoldersOf(store, account).map((folder) => metadataOf(store, account, folder, cursor.actions));
	const shared = sharedFolderTable.of(store).of(account.accountId).map((record) => renderSharedFolder(store, record, account, accounts.byId(record.ownerId), cursor.actions));
	const folders = [...teamFolders, ...shared];
	const end = cursor.offset + cursor.limit;
	const entries = folders.slice(cursor.offset, end);
	return end < folders.length ? { entries, cursor: encodeCursor({ ...cursor, offset: end }) } : { entries };
}

/** get_folder_metadata for a team's folder (the member folder or a team folder), if the id is one of the caller's. */
export function teamFolderMetadata(store: FileStore, account: Account, sharedFolderId: string, actions: string[]): Record<string, unknown> | undefined {
	const folder = sharedFoldersOf(store, account).find((candidate) => candidate.namespace.id === sharedFolderId);
	return folder && metadataOf(store, account, folder, actions);
}

/** The member folder first, then the team folders by name: a stable order, so offsets page correctly. */
function sharedFoldersOf(store: FileStore, account: Account): SharedFolder[] {
	if (!account.team || account.rootNamespaceId === account.homeNamespaceId) return [];
	const root = store.namespaces.get(account.rootNamespaceId);
	const home = store.home(account);
	if (!root) return [];
	const memberKey = home.prefix[0]?.toLowerCase();
	const folders: SharedFolder[] = [];
	const memberNode = memberKey === undefined ? undefined : root.tree.root.children.get(memberKey);
	if (memberNode?.kind === 'folder') {
		folders.push({ namespace: home, name: memberNode.name, folderId: memberNode.id, isTeamFolder: false });
	}
	const teamFolders = [...root.tree.root.children.entries()]
		.filter(([key, node]) => key !== memberKey && node.kind === 'folder')
		.map(([, node]) => node)
		.sort((a, b) => a.name.localeCompare(b.name));
	for (const node of teamFolders) {
		folders.push({ namespace: store.namespaces.teamFolder(root, node.name), name: node.name, folderId: node.id, isTeamFolder: true });
	}
	return folders;
}

function metadataOf(store: FileStore, account: Account, folder: SharedFolder, actions: string[]): Record<string, unknown> {
	const owner = !folder.isTeamFolder;
	const metadata: Record<string, unknown> = {
		access_type: { '.tag': owner ? 'owner' : 'editor' },
		is_inside_team_folder: false,
		is_team_folder: folder.isTeamFolder,
		owner_display_names: [account.displayName],
		owner_team: { id: account.team!.teamId, name: account.team!.name },
		path_lower: `/${folder.name.toLowerCase()}`,
		path_display: `/${folder.name}`,
		name: folder.name,
		policy: {
			member_policy: { '.tag': 'anyone' },
			resolved_member_policy: { '.tag': 'anyone' },
			acl_update_policy: { '.tag': owner ? 'owner' : 'editors' },
			shared_link_policy: { '.tag': 'anyone' },
			viewer_info_policy: { '.tag': 'enabled' },
		},
		preview_url: `https://www.dropbox.com/scl/fo/${previewKey(folder.namespace.id)}`,
		shared_folder_id: folder.namespace.id,
		time_invited: dropboxTimestamp(store.namespaces.createdAt(folder.namespace.id)),
		access_inheritance: { '.tag': 'inherit' },
		folder_id: folder.folderId,
	};
	if (actions.length > 0) {
		metadata.permissions = actions.map((action) => ({
			action: { '.tag': action },
			allow: !DENIED_ON_TEAM_FOLDERS.has(action) && (owner || !OWNER_ONLY.has(action)),
		}));
	}
	return metadata;
}

function previewKey(namespaceId: string): string {
	return createHash('sha256').update(namespaceId).digest('base64url').slice(0, 21).toLowerCase().replace(/[-_]/g, 'x');
}

function encodeCursor(cursor: ListCursor): string {
	return CURSOR_PREFIX + Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string): ListCursor | undefined {
	if (!text.startsWith(CURSOR_PREFIX)) return undefined;
	try {
		const value = JSON.parse(Buffer.from(text.slice(CURSOR_PREFIX.length), 'base64url').toString('utf8')) as Partial<ListCursor>;
		const valid =
			typeof value.account === 'string' &&
			Number.isInteger(value.offset) &&
			Number.isInteger(value.limit) &&
			value.limit! > 0 &&
			Array.isArray(value.actions);
		return valid ? (value as ListCursor) : undefined;
	} catch {
		return undefined;
	}
}
