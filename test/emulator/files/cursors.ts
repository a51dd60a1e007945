/**
 * list_folder cursors. Opaque to clients, stateless on the server: a cursor carries its namespace,
 * folder, options and a position in the namespace tree's journal, so it survives client restarts.
 * While the first listing is paginated it also carries the key of the last entry handed out.
 */
import type { FileStore } from './store/file-store';
import type { Namespace } from './store/namespaces';

export interface CursorState {
	/** Store epoch: a cursor from before an admin reset answers `reset`. */
	epoch: string;
	/** Cursor generation of the namespace when the cursor was made (admin cursors/reset bumps it). */
	generation: number;
	namespaceId: string;
	/** The listed folder, lower-case components relative to the namespace. */
	folder: string[];
	recursive: boolean;
	includeDeleted: boolean;
	limit: number;
	/** Journal position: changes after it are news. */
	seq: number;
	/** Initial listing in progress: key of the last entry returned. */
	after?: string;
}

interface WireCursor {
	e: string;
	g: number;
	n: string;
	f: string[];
	r: 0 | 1;
	d: 0 | 1;
	l: number;
	s: number;
	a?: string;
}

export function encodeCursor(state: CursorState): string {
	const wire: WireCursor = {
		e: state.epoch,
		g: state.generation,
		n: state.namespaceId,
		f: state.folder,
		r: state.recursive ? 1 : 0,
		d: state.includeDeleted ? 1 : 0,
		l: state.limit,
		s: state.seq,
		...(state.after !== undefined ? { a: state.after } : {}),
	};
	return 'AAE' + Buffer.from(JSON.stringify(wire), 'utf8').toString('base64url');
}

/** undefined when the string is not a cursor of ours at all. */
export function decodeCursor(cursor: string): CursorState | undefined {
	if (!cursor.startsWith('AAE')) return undefined;
	try {
		const w = JSON.parse(Buffer.from(cursor.slice(3), 'base64url').toString('utf8')) as Partial<WireCursor>;
		if (typeof w.e !== 'string' || typeof w.g !== 'number' || typeof w.n !== 'string' || !Array.isArray(w.f)) return undefined;
		if (typeof w.s !== 'number' || typeof w.l !== 'number') return undefined;
		return {
			epoch: w.e,
			generation: w.g,
			namespaceId: w.n,
			folder: w.f.map(String),
			recursive: w.r === 1,
			includeDeleted: w.d === 1,
			limit: w.l,
			seq: w.s,
			...(typeof w.a === 'string' ? { after: w.a } : {}),
		};
	} catch {
		return undefined;
	}
}

/** The namespace a cursor reads, or undefined when the cursor must answer `reset`. */
export function cursorNamespace(store: FileStore, state: CursorState): Namespace | undefined {
	if (state.epoch !== store.epoch) return undefined;
	const ns = store.namespaces.get(state.namespaceId);
	if (!ns) return undefined;
	if (state.generation !== store.cursorGeneration(ns.id)) return undefined;
	if (state.seq < ns.tree.journal.floor || state.seq > ns.tree.journal.head) return undefined;
	return ns;
}
