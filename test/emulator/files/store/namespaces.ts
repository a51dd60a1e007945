/**
 * Namespaces are views onto trees: (tree, path prefix). A personal account has one tree viewed by its
 * home namespace. A team account has a team-space tree viewed by the root namespace (prefix "") and by
 * the member's home namespace (prefix "/<member folder>").
 */
import type { Account } from '../../contract';
import { lowerName } from '../paths';
import { Tree, newFolder } from './tree';
import { newFileId } from './ids';

export interface Namespace {
	id: string;
	tree: Tree;
	/** Components (stored case) of the namespace's root inside its tree. */
	prefix: string[];
}

export class NamespaceTable {
	private readonly byId = new Map<string, Namespace>();

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

	/** The namespaces an account may address with `ns:` paths or the Path-Root header. */
	reachable(account: Account): string[] {
		return [...new Set([account.homeNamespaceId, account.rootNamespaceId])].filter((id) => this.byId.has(id));
	}

	clear(): void {
		this.byId.clear();
	}

	private add(namespace: Namespace): void {
		this.byId.set(namespace.id, namespace);
		namespace.tree.namespaceIds.add(namespace.id);
	}
}
