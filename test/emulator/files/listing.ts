/**
 * Pages of list_folder results from a cursor state: first the listing of what exists (in pre-order,
 * resumable by key), then the journal's news since the cursor's position, one entry per path (its
 * latest state: the current metadata, or `deleted`).
 */
import type { CursorState } from './cursors';
import { compareKeys, componentsOfKey, inScope, keyOf } from './store/keys';
import type { Namespace } from './store/namespaces';
import { type MetadataJson, renderDeleted, renderMetadata } from './store/render';
import { preOrder, type Located } from './store/tree';

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
	const listed = sortedListing(ns, state);
	const after = state.after ?? '';
	// The first entry after the cursor's key: the listing is sorted, so a binary search finds it.
	let lo = 0;
	let hi = after === '' ? 0 : listed.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (compareKeys(listed[mid].key, after) <= 0) lo = mid + 1;
		else hi = mid;
	}
	const page = listed.slice(lo, lo + state.limit);
	const hasMore = lo + page.length < listed.length;
	const next: CursorState = { ...state };
	if (hasMore) next.after = page[page.length - 1].key;
	else delete next.after;
	return {
		entries: page.map((entry) => ('located' in entry ? renderMetadata(ns, entry.located) : renderDeleted(ns, entry.display))),
		next,
		hasMore,
	};
}

type Listed = { key: string; located: Located } | { key: string; display: string };

/**
 * The keys a first listing pages through, sorted, kept while the tree does not change: a folder of 100 000 entries
 * read in pages of 2000 is then walked and sorted once, not once per page (which made a listing quadratic). Every
 * change to a tree is journaled, so the journal's head tells whether the kept listing is still the tree's.
 */
const listings = new WeakMap<object, { signature: string; entries: Listed[] }>();

function sortedListing(ns: Namespace, state: CursorState): Listed[] {
	const tree = ns.tree;
	const signature = JSON.stringify([tree.journal.head, tree.deleted.size, ns.prefix, state.folder, state.recursive, state.includeDeleted === true]);
	const kept = listings.get(tree);
	if (kept?.signature === signature) return kept.entries;
	const covers = scopeOf(ns, state);
	const start = tree.walk([...ns.prefix, ...state.folder]).found;
	const entries: Listed[] = [];
	if (start) {
		for (const located of preOrder(start)) {
			const key = keyOf(located.names);
			if (covers(key)) entries.push({ key, located });
		}
	}
	if (state.includeDeleted) {
		for (const [key, display] of tree.deleted) {
			if (covers(key) && !tree.walk(componentsOfKey(key)).found) entries.push({ key, display });
		}
	}
	entries.sort((a, b) => compareKeys(a.key, b.key));
	listings.set(tree, { signature, entries });
	return entries;
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
