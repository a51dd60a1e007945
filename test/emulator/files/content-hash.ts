/**
 * Dropbox's content hash: SHA-256 of every 4 MiB block, then SHA-256 of the concatenated block digests,
 * in hex. Fed chunk by chunk so a file of any size is hashed while it streams.
 */
import { createHash, type Hash } from 'node:crypto';

export const CONTENT_HASH_BLOCK_SIZE = 4 * 1024 * 1024;

export class ContentHasher {
	private blockDigests: Buffer[] = [];
	private block: Hash = createHash('sha256');
	private blockFill = 0;

	update(data: Buffer): this {
		let rest = data;
		while (rest.length > 0) {
			const room = CONTENT_HASH_BLOCK_SIZE - this.blockFill;
			const piece = rest.length <= room ? rest : rest.subarray(0, room);
			this.block.update(piece);
			this.blockFill += piece.length;
			rest = rest.subarray(piece.length);
			if (this.blockFill === CONTENT_HASH_BLOCK_SIZE) this.closeBlock();
		}
		return this;
	}

	/** An independent copy: an append that fails half-way rolls back to the copy taken before it. */
	clone(): ContentHasher {
		const copy = new ContentHasher();
		copy.blockDigests = [...this.blockDigests];
		copy.block = this.block.copy();
		copy.blockFill = this.blockFill;
		return copy;
	}

	/** The hex content hash of everything fed so far; the hasher itself stays usable. */
	digest(): string {
		const digests = [...this.blockDigests];
		if (this.blockFill > 0) digests.push(this.block.copy().digest());
		return createHash('sha256').update(Buffer.concat(digests)).digest('hex');
	}

	private closeBlock(): void {
		this.blockDigests.push(this.block.digest());
		this.block = createHash('sha256');
		this.blockFill = 0;
	}
}

export function contentHashOf(data: Buffer): string {
	return new ContentHasher().update(data).digest();
}
