import { ChunkPool } from '../../../nodes/shared/transfer/chunkPool';
import { fixedSizeChunks } from '../../../nodes/shared/transfer/chunks';

async function collect(pieces: Uint8Array[], chunkBytes: number): Promise<Buffer[]> {
	const chunks: Buffer[] = [];
	for await (const chunk of fixedSizeChunks(pieces, chunkBytes)) chunks.push(Buffer.from(chunk));
	return chunks;
}

describe('fixedSizeChunks', () => {
	const bytes = Buffer.from(Array.from({ length: 1000 }, (_, index) => index % 256));

	it.each([
		['one piece', [bytes]],
		['small pieces', Array.from({ length: 100 }, (_, index) => bytes.subarray(index * 10, index * 10 + 10))],
		['uneven pieces', [bytes.subarray(0, 7), bytes.subarray(7, 400), bytes.subarray(400, 401), bytes.subarray(401)]],
	])('cuts %s into chunks of the given size, the last one shorter', async (_name, pieces) => {
		const chunks = await collect(pieces, 256);
		expect(chunks.map((chunk) => chunk.length)).toEqual([256, 256, 256, 232]);
		expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
	});

	it('passes on pieces of exactly one chunk without copying them', async () => {
		const pieces = [bytes.subarray(0, 250), bytes.subarray(250, 500)];
		const chunks: Buffer[] = [];
		for await (const chunk of fixedSizeChunks(pieces, 250)) chunks.push(chunk);
		expect(chunks[0].buffer).toBe(bytes.buffer);
		expect(chunks[1].byteOffset).toBe(bytes.byteOffset + 250);
	});

	it('yields nothing for an empty source', async () => {
		expect(await collect([], 256)).toEqual([]);
		expect(await collect([Buffer.alloc(0)], 256)).toEqual([]);
	});
});

describe('fixedSizeChunks with a chunk pool', () => {
	const bytes = Buffer.from(Array.from({ length: 1000 }, (_, index) => (index * 7) % 256));
	const pieces = Array.from({ length: 50 }, (_, index) => bytes.subarray(index * 20, index * 20 + 20));

	it('fills a chunk handed back again, and the bytes still come out right', async () => {
		const pool = new ChunkPool(256);
		const seen: Buffer[] = [];
		const buffers = new Set<ArrayBufferLike>();
		for await (const chunk of fixedSizeChunks(pieces, 256, pool)) {
			seen.push(Buffer.from(chunk));
			buffers.add(chunk.buffer);
			pool.give(chunk);
		}
		expect(Buffer.concat(seen).equals(bytes)).toBe(true);
		expect(buffers.size).toBe(1);
	});

	it('never takes back a buffer it did not make, nor keeps more than asked', () => {
		const pool = new ChunkPool(256, 1);
		const foreign = Buffer.alloc(256);
		pool.give(foreign);
		expect(pool.take()).not.toBe(foreign);
		const first = pool.take();
		const second = pool.take();
		pool.give(first.subarray(0, 10));
		pool.give(second);
		expect(pool.take().buffer).toBe(first.buffer);
		expect(pool.take().buffer).not.toBe(second.buffer);
	});
});
