import { ChunkPool } from './chunkPool';

/**
 * Re-cuts a stream of pieces of any size into Buffers of exactly `chunkBytes` (the last one may be shorter, and
 * an empty source yields nothing). Whole chunks within a piece are passed on as they are; smaller pieces are copied
 * into one allocation filled in place (taken from `pool`, to which the caller may hand chunks back). Memory holds
 * one chunk plus the piece being copied, whatever the source's size. Chunks are Buffers so that a rejected request
 * can send the same bytes again.
 */
export async function* fixedSizeChunks(
	source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
	chunkBytes: number,
	pool: ChunkPool = new ChunkPool(chunkBytes, 0),
): AsyncGenerator<Buffer> {
	// Allocated only when pieces must be joined.
	let chunk: Buffer | undefined;
	let filled = 0;
	// The rest of a piece, shorter than a chunk, kept as it is until another piece shows it must be joined. A source
	// that ends there (a file smaller than a chunk: each file of a folder backup) is then passed on without a copy:
	// joining it would allocate a whole chunk (48 MiB by default) for a few KiB, and the time spent allocating and
	// collecting those made a backup of small files several times slower (measured in the real n8n, `npm run bench`).
	let pending: Buffer | undefined;
	for await (const piece of source) {
		let offset = 0;
		while (offset < piece.length) {
			if (filled === 0 && pending === undefined) {
				const rest = piece.length - offset;
				// n8n's binary streams hand out pieces of exactly the size asked for: pass those on without a copy.
				const take = Math.min(rest, chunkBytes);
				const view = Buffer.from(piece.buffer, piece.byteOffset + offset, take);
				offset += take;
				if (take === chunkBytes) yield view;
				else pending = view;
				continue;
			}
			// A second piece: the kept rest and what follows are joined in one chunk.
			if (chunk === undefined) {
				chunk = pool.take();
				if (pending !== undefined) chunk.set(pending, 0);
				filled = pending?.length ?? 0;
				pending = undefined;
			}
			const take = Math.min(chunkBytes - filled, piece.length - offset);
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
	if (pending !== undefined) yield pending;
	else if (chunk && filled > 0) yield chunk.subarray(0, filled);
}
