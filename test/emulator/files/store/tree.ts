/**
 * One file tree: folders and files keyed by lower-cased name (case-insensitive lookup, stored names
 * keep their case), its change journal, its bytes in use and its write gate. An account's home
 * namespace and a team space are views onto a tree (see namespaces.ts).
 */
import { lowerName } from '../paths';
import { Journal } from './journal';
import { WriteGate } from './write-gate';

export interface FolderNode {
	kind: 'folder';
	id: string;
	name: string;
	children: Map<string, TreeNode>;
}

export interface FileNode {
	kind: 'file';
	id: string;
	name: string;
	rev: string;
	size: number;
	contentHash: string;
	/** Path of the blob on disk. */
	blob: string;
	clientModified: string;
	serverModified: string;
	/** Paper docs only: the doc's revision (`paper_revision`), 1 when created. */
	paperRevision?: number;
}

export type TreeNode = FolderNode | FileNode;

/** A node found by walking the tree, with the names (stored case) of every component up to it. */
export interface Located<N extends TreeNode = TreeNode> {
	node: N;
	/** Absolute components in stored case, from the tree root. */
	names: string[];
}

export function newFolder(id: string, name: string): FolderNode {
	return { kind: 'folder', id, name, children: new Map() };
}

export class Tree {
	readonly root: FolderNode = newFolder('id:root', '');
	readonly journal = new Journal();
	readonly gate = new WriteGate();
	/** Absolute lower path → absolute display path of things that were deleted and are not back. */
	readonly deleted = new Map<string, string>();
	usedBytes = 0;

	/** The owner's quota; a team space shares the first member's quota. */
	constructor(readonly quotaBytes: number) {}
	/** The namespaces that view this tree: every one of them hears of its changes. */
	readonly namespaceIds = new Set<string>();

	/** Walks absolute components; `blockedBy` tells where the walk met a file or nothing. */
	walk(components: string[]): WalkResult {
		let node: TreeNode = this.root;
		const names: string[] = [];
		for (let i = 0; i < components.length; i++) {
			if (node.kind !== 'folder') return { found: undefined, blockedAt: i, blocker: 'file', names };
			const next: TreeNode | undefined = node.children.get(lowerName(components[i]));
			if (!next) return { found: undefined, blockedAt: i, blocker: 'missing', names };
			node = next;
			names.push(node.name);
		}
		return { found: { node, names }, blockedAt: components.length, blocker: undefined, names };
	}

	/** Depth-first search for a node by id (ids are few enough in an emulator for a walk). */
	findById(id: string, under: string[] = []): Located | undefined {
		const start = this.walk(under).found;
		if (!start) return undefined;
		return find(start, (node) => node.id === id);
	}

	findByRev(rev: string, under: string[] = []): Located<FileNode> | undefined {
		const start = this.walk(under).found;
		if (!start) return undefined;
		return find(start, (node) => node.kind === 'file' && node.rev === rev) as Located<FileNode> | undefined;
	}
}

export interface WalkResult {
	found: Located | undefined;
	/** Index of the first component that could not be entered. */
	blockedAt: number;
	blocker: 'file' | 'missing' | undefined;
	/** Stored names of the components that were entered. */
	names: string[];
}

function find(start: Located, match: (node: TreeNode) => boolean): Located | undefined {
	const stack: Located[] = [start];
	while (stack.length > 0) {
		const here = stack.pop()!;
		if (match(here.node)) return here;
		if (here.node.kind === 'folder') {
			for (const child of here.node.children.values()) stack.push({ node: child, names: [...here.names, child.name] });
		}
	}
	return undefined;
}

/** Every node of a subtree, parents before children, siblings in lower-case name order. */
export function* preOrder(start: Located): Generator<Located> {
	yield start;
	if (start.node.kind !== 'folder') return;
	const children = [...start.node.children.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	for (const [, child] of children) yield* preOrder({ node: child, names: [...start.names, child.name] });
}

export function filesOf(start: Located): FileNode[] {
	const files: FileNode[] = [];
	for (const { node } of preOrder(start)) if (node.kind === 'file') files.push(node);
	return files;
}

/** How many files and folders a subtree holds, itself included (what `too_many_files` counts). */
export function countNodes(start: TreeNode): number {
	let count = 0;
	const stack: TreeNode[] = [start];
	while (stack.length > 0) {
		const node = stack.pop()!;
		count += 1;
		if (node.kind === 'folder') for (const child of node.children.values()) stack.push(child);
	}
	return count;
}
