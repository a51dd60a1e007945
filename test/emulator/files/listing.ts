/**
 * Pages of list_folder results from a cursor state: first the listing of what exists (in pre-order,
 * resumable by key), then the journal's news since the cursor's position, one entry per path (its
 * latest state: the current metadata, or `deleted`).
 */
import type { CursorState } from './cursors';
import { compareKeys, componentsOfKey, inScope, keyOf } from './store/keys';
import type { Namespace } from './store/namespaces';
import { type MetadataJson, renderDeleted, renderMetadata } from './store/render';
import { preOrder } from './store/tree';

export interface Page {
	entries: MetadataJson[];
	next: CursorState;
	hasMore: boolean;
}

/** Which absolute keys the cursor covers; the listed folder itself only in a recursive listing of a non-root folder. */
export function scopeOf(ns: Namespace, state: CursorState): (key: string) => boolean {
	const folderKey = keyOf([...ns.prefix, ...state.folder]);
	const includeSelf = state.recursive && state.folder.length > 0;
	return (key) => (key === folderKey ? includeSelf : inScope(key, folderKey, state.recursive));
}

export function nextPage(ns: Namespace, state: CursorState): Page {
	return state.after !== undefined ? listingPage(ns, state) : deltaPage(ns, state);
}

function listingPage(ns: Namespace, state: CursorState): Page {
	const tree = ns.tree;
	const covers = scopeOf(ns, state);
	const start = tree.walk([...ns.prefix, ...state.folder]).found;
	const all: { key: string; render: () => MetadataJson }[] = [];
	if (start) {
		for (const located of preOrder(start)) {
			const key = keyOf(located.names);
			if (covers(key)) all.push({ key, render: () => renderMetadata(ns, located) });
		}
	}
	if (state.includeDeleted) {
		for (const [key, display] of tree.deleted) {
			if (covers(key) && !tree.walk(componentsOfKey(key)).found) all.push({ key, render: () => renderDeleted(ns, display) });
		}
	}
	const after = state.after ?? '';
	const remaining = all.filter((e) => state.after === '' || compareKeys(e.key, after) > 0).sort((a, b) => compareKeys(a.key, b.key));
	const page = remaining.slice(0, state.limit);
	const hasMore = remaining.length > page.length;
	const next: CursorState = { ...state };
	if (hasMore) next.after = page[page.length - 1].key;
	else delete next.after;
	return { entries: page.map((e) => e.render()), next, hasMore };
}

function deltaPage(ns: Namespace, state: CursorState): Page {
	const tree = ns.tree;
	const covers = scopeOf(ns, state);
	// One entry per path, at the position of its latest change.
	const latest = new Map<string, { seq: number; display: string }>();
	for (const entry of tree.journal.since(state.seq)) {
		if (!covers(entry.lower)) continue;
		latest.delete(entry.lower);
		latest.set(entry.lower, { seq: entry.seq, display: entry.display });
	}
	const changed = [...latest.entries()];
	const page = changed.slice(0, state.limit);
	const hasMore = changed.length > page.length;
	const entries = page.map(([key, { display }]) => {
		const found = tree.walk(componentsOfKey(key)).found;
		return found ? renderMetadata(ns, found) : renderDeleted(ns, display);
	});
	const seq = hasMore ? page[page.length - 1][1].seq : tree.journal.head;
	return { entries, next: { ...state, seq }, hasMore };
}

/** Has anything in the cursor's scope changed since its position (or is a listing still unfinished)? */
export function hasNews(ns: Namespace, state: CursorState): boolean {
	if (state.after !== undefined) return true;
	const covers = scopeOf(ns, state);
	return ns.tree.journal.since(state.seq).some((entry) => covers(entry.lower));
}
