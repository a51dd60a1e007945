/**
 * Streaming a download from disk with its result in `Dropbox-API-Result`; `Range` gives 206, a bad
 * range 416; a matching `If-None-Match` gives 304. The file is piped, never read whole into memory.
 */
import * as fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { ifNoneMatchHits, weakEtag } from './etag';
import { headerSafeJson } from './header-safe-json';
import { parseRange } from './range';
import { sendText } from './respond';

export interface DownloadAnswer {
	result: unknown;
	file: string;
	size: number;
	etag?: string;
}

/** `dropAfterBytes`: a reset fault; send that much of the body, then drop the connection. */
export async function sendDownload(
	req: IncomingMessage,
	res: ServerResponse,
	answer: DownloadAnswer,
	dropAfterBytes?: number,
): Promise<void> {
	const etag = answer.etag === undefined ? undefined : weakEtag(answer.etag);
	const cache: Record<string, string> = etag === undefined ? {} : { ETag: etag };
	if (etag !== undefined && ifNoneMatchHits(req.headers['if-none-match'], etag)) {
		res.writeHead(304, cache).end();
		return;
	}
	const range = parseRange(req.headers.range, answer.size);
	if (range.kind === 'unsatisfiable') {
		sendText(res, 416, 'Requested Range Not Satisfiable', { 'Content-Range': `bytes */${answer.size}` });
		return;
	}
	const start = range.kind === 'partial' ? range.start : 0;
	const end = range.kind === 'partial' ? range.end : answer.size - 1;
	const headers: Record<string, string | number> = {
		'Content-Type': 'application/octet-stream',
		'Content-Length': end - start + 1,
		'Dropbox-API-Result': headerSafeJson(answer.result),
		'Accept-Ranges': 'bytes',
		...cache,
	};
	if (range.kind === 'partial') headers['Content-Range'] = `bytes ${start}-${end}/${answer.size}`;
	res.writeHead(range.kind === 'partial' ? 206 : 200, headers);
	if (answer.size === 0) {
		res.end();
		return;
	}
	if (dropAfterBytes !== undefined) {
		const last = Math.min(end, start + dropAfterBytes - 1);
		if (last >= start) {
			for await (const chunk of fs.createReadStream(answer.file, { start, end: last })) {
				await new Promise<void>((resolve) => res.write(chunk as Buffer, () => resolve()));
			}
		}
		res.socket?.destroy();
		return;
	}
	await pipeline(fs.createReadStream(answer.file, { start, end }), res);
}
