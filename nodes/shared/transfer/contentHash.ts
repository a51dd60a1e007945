import { createHash, type Hash } from 'crypto';

/** Dropbox hashes a file in blocks of this many bytes. */
export const CONTENT_HASH_BLOCK_BYTES = 4 * 1024 * 1024;

/**
 * Dropbox's `content_hash`, computed while the bytes stream by: the SHA-256 of each 4 MiB block, then the
 * SHA-256 of those digests concatenated, in hex. Holds one block's hash state, never the bytes.
 */
export class ContentHasher {
	private block: Hash = createHash('sha256');

	private blockBytes = 0;

	private readonly blockDigests: Hash = createHash('sha256');

	/** Bytes seen so far. */
	bytes = 0;

	update(chunk: Uint8Array): void {
		this.bytes += chunk.length;
		let offset = 0;
		while (offset < chunk.length) {
			const take = Math.min(CONTENT_HASH_BLOCK_BYTES - this.blockBytes, chunk.length - offset);
			this.block.update(chunk.subarray(offset, offset + take));
			this.blockBytes += take;
			offset += take;
			if (this.blockBytes === CONTENT_HASH_BLOCK_BYTES) this.endBlock();
		}
	}

	/** The hash of everything seen; the hasher cannot be used afterwards. */
	digest(): string {
		if (this.blockBytes > 0) this.endBlock();
		return this.blockDigests.digest('hex');
	}

	private endBlock(): void {
		this.blockDigests.update(this.block.digest());
		this.block = createHash('sha256');
		this.blockBytes = 0;
	}
}
