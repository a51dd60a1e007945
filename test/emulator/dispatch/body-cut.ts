/**
 * A `reset` fault on an upload route: the request body the handler reads stops after `after_bytes` and
 * the connection drops, as when a client's line fails mid-upload. The handler gets those bytes, then the
 * same error a real disconnect gives it, so it has to undo what it started (nothing committed, nothing
 * appended). A body no longer than `after_bytes` arrives whole: the call is carried out, and only its
 * answer is lost — the other way a line fails, which a client finds out about on its retry.
 */
import type { IncomingMessage } from 'node:http';

export class ConnectionCut extends Error {
	constructor(bytes: number) {
		super(`connection dropped by a reset fault after ${bytes} bytes of the request body`);
	}
}

/** The body as the handler reads it: the first `limit` bytes, then a ConnectionCut if more was coming. */
export function cutBodyAfter(req: IncomingMessage, limit: number): AsyncIterable<Buffer> {
	return (async function* () {
		let seen = 0;
		for await (const chunk of req as AsyncIterable<Buffer>) {
			const room = limit - seen;
			if (chunk.length > room) {
				if (room > 0) yield chunk.subarray(0, room);
				// The dispatcher drops the connection once the handler has unwound (a half-written chunk
				// undone, the session free again): a client that retries at once finds a consistent state.
				throw new ConnectionCut(limit);
			}
			seen += chunk.length;
			yield chunk;
		}
	})();
}
