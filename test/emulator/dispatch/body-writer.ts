/**
 * Writing a download's body: chunk by chunk with backpressure (memory holds a chunk or two, whatever the
 * size), stopping when the client goes away, and — for a `reset` fault — sending only the first bytes
 * before the connection drops, as a line that fails mid-transfer does.
 */
import type { ServerResponse } from 'node:http';

/**
 * Sends `chunks` and ends the answer. With `dropAfterBytes`, sends at most that many bytes (the status
 * line and headers always go out first), makes sure they have left, then destroys the connection.
 */
export async function writeBody(res: ServerResponse, chunks: AsyncIterable<Buffer>, dropAfterBytes?: number): Promise<void> {
	if (dropAfterBytes !== undefined) return writeThenDrop(res, chunks, dropAfterBytes);
	for await (const chunk of chunks) {
		// Leaving the loop closes the source (for-await calls its return()), which lets go of what it reads.
		if (res.destroyed) return;
		if (!res.write(chunk)) await drained(res);
	}
	res.end();
}

async function writeThenDrop(res: ServerResponse, chunks: AsyncIterable<Buffer>, limit: number): Promise<void> {
	let sent = 0;
	// Without a byte of body, an empty write still puts the status line and headers on the wire.
	if (limit === 0) {
		await written(res, Buffer.alloc(0));
		// Closed unread: a file stream opened for this body lets go of its descriptor.
		await chunks[Symbol.asyncIterator]().return?.();
	} else {
		for await (const chunk of chunks) {
			if (res.destroyed) break;
			const piece = chunk.subarray(0, limit - sent);
			sent += piece.length;
			// Each piece has left before the next is written: what was sent is really out when the line drops.
			await written(res, piece);
			// Stop at once: reading on could make the body do work (a zip's next checksum) nobody receives.
			if (sent >= limit) break;
		}
	}
	res.socket?.destroy();
}

/** Resolves when the chunk has been handed to the connection, or the connection is gone. */
function written(res: ServerResponse, chunk: Buffer): Promise<void> {
	return new Promise((resolve) => {
		const done = (): void => {
			res.off('close', done);
			resolve();
		};
		res.on('close', done);
		res.write(chunk, done);
	});
}

function drained(res: ServerResponse): Promise<void> {
	return new Promise((resolve) => {
		const done = (): void => {
			res.off('drain', done);
			res.off('close', done);
			resolve();
		};
		res.on('drain', done);
		res.on('close', done);
	});
}
