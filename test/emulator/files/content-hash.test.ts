import { createHash } from 'node:crypto';
import { CONTENT_HASH_BLOCK_SIZE, ContentHasher, contentHashOf } from './content-hash';

/** The definition, written out plainly: SHA-256 of each 4 MiB block, then of the joined digests. */
function referenceHash(data: Buffer): string {
	const digests: Buffer[] = [];
	for (let at = 0; at < data.length; at += CONTENT_HASH_BLOCK_SIZE) {
		digests.push(createHash('sha256').update(data.subarray(at, at + CONTENT_HASH_BLOCK_SIZE)).digest());
	}
	return createHash('sha256').update(Buffer.concat(digests)).digest('hex');
}

describe('content hash', () => {
	const data = Buffer.alloc(CONTENT_HASH_BLOCK_SIZE * 2 + 12345);
	for (let i = 0; i < data.length; i++) data[i] = (i * 7 + (i >> 11)) & 0xff;

	it('of empty content is the SHA-256 of nothing', () => {
		expect(contentHashOf(Buffer.alloc(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
	});

	it('matches the block definition across block boundaries', () => {
		expect(contentHashOf(data)).toBe(referenceHash(data));
		expect(contentHashOf(data.subarray(0, CONTENT_HASH_BLOCK_SIZE))).toBe(referenceHash(data.subarray(0, CONTENT_HASH_BLOCK_SIZE)));
	});

	it('does not depend on how the content is chunked', () => {
		const hasher = new ContentHasher();
		for (let at = 0; at < data.length; at += 1_000_003) hasher.update(data.subarray(at, at + 1_000_003));
		expect(hasher.digest()).toBe(referenceHash(data));
	});

	it('clones keep independent state (an append that fails rolls back)', () => {
		const hasher = new ContentHasher().update(data.subarray(0, 100));
		const copy = hasher.clone();
		copy.update(Buffer.from('more'));
		expect(hasher.digest()).toBe(referenceHash(data.subarray(0, 100)));
		expect(copy.digest()).toBe(referenceHash(Buffer.concat([data.subarray(0, 100), Buffer.from('more')])));
	});
});
