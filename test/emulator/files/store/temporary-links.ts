/**
 * The links `files/get_temporary_link` hands out: a random token naming one revision of a file (the one
 * current when the link was made) until its expiry. The revision's content is kept by the revision history,
 * so the link serves it even if the file changes meanwhile. Not kept across a restart.
 */
import { randomBytes } from 'node:crypto';
import type { Tree } from './tree';

export interface TemporaryLink {
	tree: Tree;
	rev: string;
	expiresAt: number;
}

export class TemporaryLinks {
	private readonly links = new Map<string, TemporaryLink>();

	create(tree: Tree, rev: string, lifetimeMs: number): string {
		this.forgetExpired();
		const token = randomBytes(24).toString('base64url');
		this.links.set(token, { tree, rev, expiresAt: Date.now() + lifetimeMs });
		return token;
	}

	get(token: string): TemporaryLink | undefined {
		return this.links.get(token);
	}

	clear(): void {
		this.links.clear();
	}

	/** Expired links answer 410 while listed; long-expired ones are dropped (a day after their end). */
	private forgetExpired(): void {
		const horizon = Date.now() - 24 * 3600 * 1000;
		for (const [token, link] of this.links) if (link.expiresAt < horizon) this.links.delete(token);
	}
}
