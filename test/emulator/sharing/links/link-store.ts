/**
 * Shared links: one per owner and file or folder (by node id, so a link follows its file through moves and
 * renames), looked up by URL. A link whose file is gone is gone too.
 */
import { randomBytes } from 'node:crypto';
import { storeScoped } from '../store-scoped';

export type Audience = 'public' | 'team' | 'no_one';

export interface LinkSettings {
	audience: Audience;
	/** Set when the link asks for a password. */
	password?: string;
	/** Milliseconds since the epoch, whole seconds. */
	expires?: number;
	access: 'viewer' | 'editor';
	allowDownload: boolean;
}

export interface SharedLink {
	/** The key in the URL's path (`/scl/fi/<key>/…`). */
	key: string;
	/** The `rlkey` query parameter. */
	rlkey: string;
	owner: string;
	/** The namespace the owner saw the path in: paths are shown relative to it. */
	namespaceId: string;
	nodeId: string;
	isFolder: boolean;
	settings: LinkSettings;
}

export class LinkTable {
	private readonly byKey = new Map<string, SharedLink>();

	add(link: Omit<SharedLink, 'key' | 'rlkey'>): SharedLink {
		const made: SharedLink = { ...link, key: randomKey(15), rlkey: randomKey(25) };
		this.byKey.set(made.key, made);
		return made;
	}

	/** Puts back a link of a snapshot (../persist.ts). */
	restore(link: SharedLink): void {
		this.byKey.set(link.key, link);
	}

	get(key: string): SharedLink | undefined {
		return this.byKey.get(key);
	}

	ofOwner(owner: string): SharedLink[] {
		return [...this.byKey.values()].filter((link) => link.owner === owner);
	}

	findOwn(owner: string, nodeId: string): SharedLink | undefined {
		return this.ofOwner(owner).find((link) => link.nodeId === nodeId);
	}

	remove(link: SharedLink): void {
		this.byKey.delete(link.key);
	}

	all(): SharedLink[] {
		return [...this.byKey.values()];
	}
}

export const sharedLinks = storeScoped(() => new LinkTable());

/** Lower-case letters and digits, as in Dropbox's link keys. */
function randomKey(length: number): string {
	return randomBytes(length * 2)
		.toString('base64')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '')
		.padEnd(length, '0')
		.slice(0, length);
}
