/**
 * Asks `source` for its next value as soon as the current one is handed out, so that reading (and hashing) the
 * next chunk overlaps sending the current one: an upload then takes about as long as the slower of the two
 * instead of their sum. Holds one value beyond the consumer's, never more.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
	const iterator = source[Symbol.asyncIterator]();
	let next = iterator.next();
	try {
		for (;;) {
			const current = await next;
			if (current.done) return;
			next = iterator.next();
			// A consumer that stops early never awaits this one; its failure must not go unhandled.
			next.catch(() => undefined);
			yield current.value;
		}
	} finally {
		// Lets the source release what it holds (n8n's file stream) when the consumer stops early.
		await iterator.return?.();
	}
}
