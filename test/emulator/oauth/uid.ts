/** Dropbox's legacy numeric user id (`uid` in token answers), stable for an account id. */
import { createHash } from 'node:crypto';

export function legacyUid(accountId: string): string {
	const digest = createHash('sha256').update(accountId).digest();
	return String(digest.readUInt32BE(0) % 1_000_000_000);
}
