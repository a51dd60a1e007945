/**
 * Re-cuts a stream of pieces of any size into Buffers of exactly `chunkBytes` (the last one may be shorter, and
 * an empty source yields nothing). Each chunk is one allocation filled in place: memory holds one chunk plus
 * the piece being copied, whatever the source's size. Chunks are Buffers so that a rejected request can send
 * the same bytes again.
 */
export async function* fixedSizeChunks(
	source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
	chunkBytes: number,
): AsyncGenerator<Buffer> {
	let chunk = Buffer.allocUnsafe(chunkBytes);
	let filled = 0;
	for await (const piece of source) {
		let offset = 0;
		while (offset < piece.length) {
			const take = Math.min(chunkBytes - filled, piece.length - offset);
			chunk.set(piece.subarray(offset, offset + take), filled);
			filled += take;
			offset += take;
			if (filled === chunkBytes) {
				yield chunk;
				chunk = Buffer.allocUnsafe(chunkBytes);
				filled = 0;
			}
		}
	}
	if (filled > 0) yield chunk.subarray(0, filled);
}
