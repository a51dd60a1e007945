import { randomBytes } from 'node:crypto';

import { ContentHasher, contentHashOf } from '../../../nodes/shared/transfer/contentHash';
import { contentHashOf as emulatorContentHash } from '../../emulator/files/content-hash';

const MiB = 1024 * 1024;

describe('ContentHasher.updateWithChunk', () => {
	const file = randomBytes(13 * MiB + 12345);

	it.each([
		['chunks on block boundaries', [4 * MiB, 8 * MiB]],
		['a chunk that ends inside a block, then more', [6 * MiB, 3 * MiB, 1, 5 * MiB]],
		['one byte at a time at the start', [1, 1, 4 * MiB]],
		['the whole file at once', [file.length]],
	])('gives the file hash and each request hash of Dropbox (%s)', (_name, sizes) => {
		const hasher = new ContentHasher();
		let offset = 0;
		let index = 0;
		while (offset < file.length) {
			const size = sizes[Math.min(index++, sizes.length - 1)];
			const chunk = file.subarray(offset, Math.min(offset + size, file.length));
			expect(hasher.updateWithChunk(chunk)).toBe(emulatorContentHash(chunk));
			offset += chunk.length;
		}
		expect(hasher.bytes).toBe(file.length);
		expect(hasher.digest()).toBe(emulatorContentHash(file));
	});

	it('contentHashOf agrees with the emulator, empty input included', () => {
		expect(contentHashOf(Buffer.alloc(0))).toBe(emulatorContentHash(Buffer.alloc(0)));
		expect(contentHashOf(file)).toBe(emulatorContentHash(file));
	});
});
