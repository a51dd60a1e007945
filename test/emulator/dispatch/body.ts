/** Reading small request bodies (RPC arguments, forms); upload bodies are never read here. */
import type { IncomingMessage } from 'node:http';

/** RPC arguments are small; a larger body is refused rather than held in memory. */
export const MAX_SMALL_BODY_BYTES = 4 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readSmallBody(req: IncomingMessage, limit = MAX_SMALL_BODY_BYTES): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let total = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		total += chunk.length;
		if (total > limit) throw new BodyTooLargeError(`request body larger than ${limit} bytes`);
		chunks.push(chunk);
	}
	return Buffer.concat(chunks);
}
