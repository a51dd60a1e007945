/**
 * Re-cuts a stream of pieces of any size into Buffers of exactly `chunkBytes` (the last one may be shorter, and
 * an empty source yields nothing). A piece of a whole chunk is passed on as it is; smaller pieces are copied into
 * one allocation filled in place. Memory holds one chunk plus the piece being copied, whatever the source's
 * size. Chunks are Buffers so that a rejected request can send the same bytes again.
 */
export async function* fixedSizeChunks(
	source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
	chunkBytes: number,
): AsyncGenerator<Buffer> {
	// Allocated only when pieces must be joined.
	let chunk: Buffer | undefined;
	let filled = 0;
	for await (const piece of source) {
		let offset = 0;
		// n8n's binary streams hand out pieces of exactly the size asked for: pass those on without a copy.
		while (filled === 0 && piece.length - offset >= chunkBytes) {
			yield Buffer.from(piece.buffer, piece.byteOffset + offset, chunkBytes);
			offset += chunkBytes;
		}
		while (offset < piece.length) {
			const take = Math.min(chunkBytes - filled, piece.length - offset);
			chunk ??= Buffer.allocUnsafe(chunkBytes);
			chunk.set(piece.subarray(offset, offset + take), filled);
			filled += take;
			offset += take;
			if (filled === chunkBytes) {
				yield chunk;
				chunk = undefined;
				filled = 0;
			}
		}
	}
	if (chunk && filled > 0) yield chunk.subarray(0, filled);
}
