/** Large deterministic test files written to disk in blocks, never held whole, with their Dropbox content hash. */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { contentHashOf } from '../../emulator/files/content-hash';

const BLOCK_BYTES = 4 * 1024 * 1024;

export interface GeneratedFile {
	path: string;
	size: number;
	contentHash: string;
	remove(): void;
}

/** Writes `size` bytes of seeded pseudo-random content to a temporary file. */
export async function generatedFile(size: number, seed = 'dropbox-suite'): Promise<GeneratedFile> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dbx-generated-'));
	const file = path.join(dir, 'content.bin');
	const blockHashes = createHash('sha256');
	const handle = await fs.promises.open(file, 'w');
	try {
		for (let offset = 0, index = 0; offset < size; offset += BLOCK_BYTES, index++) {
			const block = blockOf(seed, index, Math.min(BLOCK_BYTES, size - offset));
			blockHashes.update(createHash('sha256').update(block).digest());
			await handle.write(block);
		}
	} finally {
		await handle.close();
	}
	return {
		path: file,
		size,
		contentHash: size === 0 ? contentHashOf(Buffer.alloc(0)) : blockHashes.digest('hex'),
		remove: () => fs.rmSync(dir, { recursive: true, force: true }),
	};
}

/** A block of xorshift32 output seeded by the seed and the block's index: cheap, deterministic, incompressible. */
function blockOf(seed: string, index: number, length: number): Buffer {
	let state = createHash('sha256').update(`${seed}:${index}`).digest().readUInt32LE(0) || 1;
	const words = new Uint32Array(Math.ceil(length / 4));
	for (let word = 0; word < words.length; word++) {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		words[word] = state >>> 0;
	}
	return Buffer.from(words.buffer, 0, length);
}
