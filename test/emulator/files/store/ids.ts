/** Identifiers as Dropbox shapes them: file ids, revisions, upload session ids, job ids. */
import { randomBytes } from 'node:crypto';

/** "id:" + 22 URL-safe characters. */
export function newFileId(): string {
	return 'id:' + randomBytes(16).toString('base64url').slice(0, 22);
}

export function newSessionId(): string {
	return 'pid_upload_session:' + randomBytes(27).toString('base64url');
}

export function newJobId(): string {
	return 'dbjid:' + randomBytes(24).toString('base64url');
}

/**
 * Revisions: lowercase hex, at least 9 characters, strictly increasing. Seeded from the clock (in
 * milliseconds) so that revisions keep increasing across restarts of the emulator too.
 */
export class RevisionCounter {
	private last = 0;

	next(): string {
		this.last = Math.max(this.last + 1, Date.now());
		return this.last.toString(16).padStart(9, '0');
	}

	/** Takes note of an existing revision (one restored from disk), so that new ones come after it. */
	observe(rev: string): void {
		const value = parseInt(rev, 16);
		if (Number.isSafeInteger(value)) this.last = Math.max(this.last, value);
	}
}

/** Dropbox timestamps: "%Y-%m-%dT%H:%M:%SZ" (whole seconds, UTC). */
export function dropboxTimestamp(date: Date = new Date()): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
