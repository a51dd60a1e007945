/**
 * The change journal of one tree: every create, update and delete, in order, with a sequence number.
 * A cursor is a position in it; list_folder/continue replays what came after the position.
 */

export interface JournalEntry {
	seq: number;
	/** Absolute lower-case path in the tree, e.g. "/photos/a.png". */
	lower: string;
	/** The same path in stored case at the time of the change (deleted entries show it). */
	display: string;
	deleted: boolean;
}

/** Entries older than this many changes are dropped; cursors that point before them get `reset`. */
export const JOURNAL_CAPACITY = 200_000;

/**
 * Entries a snapshot keeps (the state file is rewritten after every burst of changes): cursors older than the
 * last this many changes answer `reset` after a restart, as Dropbox's may at any time.
 */
export const KEPT_ACROSS_RESTART = 20_000;

/** The journal as plain JSON, for a restart with the same data directory. */
export interface JournalSnapshot {
	head: number;
	floor: number;
	entries: Array<[seq: number, lower: string, display: string, deleted: 0 | 1]>;
}

export class Journal {
	private entries: JournalEntry[] = [];
	/** Sequence number of the last change (0: none yet). */
	head = 0;
	/** Oldest position a cursor may still hold. */
	floor = 0;

	record(lower: string, display: string, deleted: boolean): void {
		this.head += 1;
		this.entries.push({ seq: this.head, lower, display, deleted });
		if (this.entries.length > JOURNAL_CAPACITY) {
			const dropped = this.entries.splice(0, this.entries.length - JOURNAL_CAPACITY);
			this.floor = dropped[dropped.length - 1].seq;
		}
	}

	snapshot(): JournalSnapshot {
		const kept = this.entries.slice(-KEPT_ACROSS_RESTART);
		const floor = kept.length < this.entries.length ? kept[0].seq - 1 : this.floor;
		return { head: this.head, floor, entries: kept.map((e) => [e.seq, e.lower, e.display, e.deleted ? 1 : 0]) };
	}

	/** Replaces the (empty) journal with a saved one: cursors into it go on where they were. */
	restore(saved: JournalSnapshot): void {
		this.entries = saved.entries.map(([seq, lower, display, deleted]) => ({ seq, lower, display, deleted: deleted === 1 }));
		this.head = saved.head;
		this.floor = saved.floor;
	}

	/** Entries with seq > `after`, oldest first. */
	since(after: number): JournalEntry[] {
		let lo = 0;
		let hi = this.entries.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.entries[mid].seq <= after) lo = mid + 1;
			else hi = mid;
		}
		return this.entries.slice(lo);
	}
}
