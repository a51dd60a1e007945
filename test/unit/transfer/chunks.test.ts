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
