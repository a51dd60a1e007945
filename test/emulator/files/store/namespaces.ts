/**
 * Namespaces are views onto trees: (tree, path prefix). A personal account has one tree viewed by its
 * home namespace. A team account has a team-space tree viewed by the root namespace (prefix "") and by
 * the member's home namespace (prefix "/<member folder>").
 */
import type { Account } from '../../contract';
import { lowerName } from '../paths';
import { Tree, newFolder } from './tree';
import { newFileId } from './ids';
import { newNamespaceId } from '../../accounts/ids';

export interface Namespace {
	id: string;
	tree: Tree;
	/** Components (stored case) of the namespace's root inside its tree. */
	prefix: string[];
}

export interface NamespaceRecord {
	namespace: Namespace;
	created: Date;
	/** Set for a team folder's namespace: `<root namespace id>/<lower-case folder name>`. */
	teamFolderKey?: string;
}

export class NamespaceTable {
	private readonly byId = new Map<string, Namespace>();
	/** Team folders by `<root namespace id>/<lower-case folder name>`: one stable id per folder name. */
	private readonly teamFolders = new Map<string, Namespace>();
	/** When each namespace was made (a shared folder's `time_invited`). */
	private readonly created = new Map<string, Date>();
	/** Folders shared between accounts: namespace id → the accounts that may address it (owner and members). */
	private readonly sharedWith = new Map<string, Set<string>>();

	get(id: string): Namespace | undefined {
		return this.byId.get(id);
	}

	has(id: string): boolean {
		return this.byId.has(id);
	}

	/** Creates the account's namespaces once; later calls (or lazily, on first use) keep what exists. */
	ensureAccount(account: Account): void {
		if (this.byId.has(account.homeNamespaceId)) return;
		const team = account.team && account.rootNamespaceId !== account.homeNamespaceId ? account.team : undefined;
		if (!team) {
			this.add({ id: account.homeNamespaceId, tree: new Tree(account.quotaBytes), prefix: [] });
			return;
		}
		const teamRoot = this.byId.get(account.rootNamespaceId);
		const tree = teamRoot?.tree ?? new Tree(account.quotaBytes);
		if (!teamRoot) this.add({ id: account.rootNamespaceId, tree, prefix: [] });
		const memberFolder = team.memberFolderName;
		if (!tree.root.children.has(lowerName(memberFolder))) {
			tree.root.children.set(lowerName(memberFolder), newFolder(newFileId(), memberFolder));
		}
		this.add({ id: account.homeNamespaceId, tree, prefix: [memberFolder] });
	}

	/**
	 * The namespace of a top-level folder of a team space (made on first use), so that a team folder
	 * listed by sharing/list_folders can be addressed by its id like Dropbox's own team folders.
	 */
	teamFolder(teamRoot: Namespace, folderName: string): Namespace {
		const key = `${teamRoot.id}/${lowerName(folderName)}`;
		const existing = this.teamFolders.get(key);
		if (existing) return existing;
		const namespace: Namespace = { id: newNamespaceId(), tree: teamRoot.tree, prefix: [folderName] };
		this.teamFolders.set(key, namespace);
		this.add(namespace);
		return namespace;
	}

	/**
	 * A folder of `tree` shared by an account (sharing/share_folder): a namespace viewing the folder, which
	 * the owner and the members granted later may address. Members see its content under a mount point of
	 * their own tree (../../sharing/folders/mounts.ts).
	 */
	shareFolder(tree: Tree, prefix: string[], ownerId: string): Namespace {
		const namespace: Namespace = { id: newNamespaceId(), tree, prefix: [...prefix] };
		this.add(namespace);
		this.sharedWith.set(namespace.id, new Set([ownerId]));
		return namespace;
	}

	/** Marks a restored namespace as a shared folder's again, reachable by these accounts. */
	restoreShared(namespaceId: string, accountIds: string[]): void {
		if (this.byId.has(namespaceId)) this.sharedWith.set(namespaceId, new Set(accountIds));
	}

	grant(namespaceId: string, accountId: string): void {
		this.sharedWith.get(namespaceId)?.add(accountId);
	}

	revokeGrant(namespaceId: string, accountId: string): void {
		this.sharedWith.get(namespaceId)?.delete(accountId);
	}

	/** A folder no longer shared: its namespace is gone (the folder stays in its owner's tree). */
	unshareFolder(namespaceId: string): void {
		const namespace = this.byId.get(namespaceId);
		if (!namespace || !this.sharedWith.delete(namespaceId)) return;
		this.byId.delete(namespaceId);
		this.created.delete(namespaceId);
		namespace.tree.namespaceIds.delete(namespaceId);
	}

	/** The namespaces an account may address with `ns:` paths or the Path-Root header. */
	reachable(account: Account): string[] {
		const own = [account.homeNamespaceId, account.rootNamespaceId];
		const root = this.byId.get(account.rootNamespaceId);
		const teamFolders = root && account.team ? [...this.teamFolders.values()].filter((ns) => ns.tree === root.tree).map((ns) => ns.id) : [];
		const shared = [...this.sharedWith].filter(([, accounts]) => accounts.has(account.accountId)).map(([id]) => id);
		return [...new Set([...own, ...teamFolders, ...shared])].filter((id) => this.byId.has(id));
	}

	clear(): void {
		this.byId.clear();
		this.teamFolders.clear();
		this.created.clear();
		this.sharedWith.clear();
	}

	createdAt(id: string): Date | undefined {
		return this.created.get(id);
	}

	/** Every namespace, when it was made and, for a team folder, its key: what a snapshot keeps. */
	list(): NamespaceRecord[] {
		const teamFolderKeys = new Map([...this.teamFolders].map(([key, namespace]) => [namespace.id, key]));
		return [...this.byId.values()].map((namespace) => ({
			namespace,
			created: this.created.get(namespace.id) ?? new Date(),
			teamFolderKey: teamFolderKeys.get(namespace.id),
		}));
	}

	/** Puts back a namespace of a snapshot, with its original creation time. */
	restore(record: NamespaceRecord): void {
		this.add(record.namespace, record.created);
		if (record.teamFolderKey !== undefined) this.teamFolders.set(record.teamFolderKey, record.namespace);
	}

	private add(namespace: Namespace, created = new Date()): void {
		this.byId.set(namespace.id, namespace);
		this.created.set(namespace.id, created);
		namespace.tree.namespaceIds.add(namespace.id);
	}
}
