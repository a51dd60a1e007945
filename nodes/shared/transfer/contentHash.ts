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

	/**
	 * Adds the bytes of one request to the file's hash and returns the request's own content hash, hashing each
	 * byte once: a chunk that starts on a block boundary (every chunk of a session, whose size is a multiple of
	 * 4 MiB) has the same block digests in both. Only a chunk that starts inside a block is hashed twice.
	 */
	updateWithChunk(chunk: Uint8Array): string {
		if (this.blockBytes !== 0) {
			this.update(chunk);
			return contentHashOf(chunk);
		}
		const own = createHash('sha256');
		let offset = 0;
		for (; offset + CONTENT_HASH_BLOCK_BYTES <= chunk.length; offset += CONTENT_HASH_BLOCK_BYTES) {
			const digest = createHash('sha256').update(chunk.subarray(offset, offset + CONTENT_HASH_BLOCK_BYTES)).digest();
			own.update(digest);
			this.blockDigests.update(digest);
		}
		this.bytes += offset;
		const rest = chunk.subarray(offset);
		if (rest.length > 0) {
			// The file's block may go on in the next chunk, so it keeps the bytes; the request's block ends here.
			own.update(createHash('sha256').update(rest).digest());
			this.update(rest);
		}
		return own.digest('hex');
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

/** The content hash of bytes held whole (one request's body). */
export function contentHashOf(bytes: Uint8Array): string {
	const hasher = new ContentHasher();
	hasher.update(bytes);
	return hasher.digest();
}
