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
