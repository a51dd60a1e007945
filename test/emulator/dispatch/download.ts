/**
 * Sending download-style answers, the result in `Dropbox-API-Result`. A stored file: `Range` gives 206,
 * a bad range 416. A body made while it is sent (a folder's zip): chunked, and no `Range` (Dropbox serves
 * none there: "this endpoint does not support HTTP range requests", so the header is ignored). Both: a
 * weak ETag when the handler names one, and 304 for a matching `If-None-Match`. Bodies are streamed,
 * never held whole in memory; a `reset` fault cuts them off after its `after_bytes`.
 */
import * as fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StreamBody } from '../contract';
import { writeBody } from './body-writer';
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

export interface StreamAnswer {
	result: unknown;
	body: StreamBody;
	etag?: string;
}

/** `dropAfterBytes`: a reset fault; send that much of the body, then drop the connection. */
export async function sendDownload(
	req: IncomingMessage,
	res: ServerResponse,
	answer: DownloadAnswer,
	dropAfterBytes?: number,
): Promise<void> {
	const cache = cacheHeaders(answer.etag);
	if (notModified(req, res, cache, dropAfterBytes)) return;
	const range = parseRange(req.headers.range, answer.size);
	if (range.kind === 'unsatisfiable') {
		if (dropAfterBytes !== undefined) return void res.socket?.destroy();
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
	const chunks = answer.size === 0 ? none() : (fs.createReadStream(answer.file, { start, end }) as AsyncIterable<Buffer>);
	await writeBody(res, chunks, dropAfterBytes);
}

/** `signal`: aborted when the client goes away, so that the body stops being made. */
export async function sendStream(
	req: IncomingMessage,
	res: ServerResponse,
	answer: StreamAnswer,
	signal: AbortSignal,
	dropAfterBytes?: number,
): Promise<void> {
	try {
		const cache = cacheHeaders(answer.etag);
		if (notModified(req, res, cache, dropAfterBytes)) return;
		res.writeHead(200, {
			'Content-Type': 'application/octet-stream',
			'Dropbox-API-Result': headerSafeJson(answer.result),
			...cache,
		});
		await writeBody(res, answer.body.chunks(signal), dropAfterBytes);
	} finally {
		answer.body.close();
	}
}

function cacheHeaders(validator: string | undefined): Record<string, string> {
	return validator === undefined ? {} : { ETag: weakEtag(validator) };
}

/** Answers 304 when `If-None-Match` names the current tag — or, under a reset fault, drops the line instead. */
function notModified(req: IncomingMessage, res: ServerResponse, cache: Record<string, string>, dropAfterBytes: number | undefined): boolean {
	if (cache.ETag === undefined || !ifNoneMatchHits(req.headers['if-none-match'], cache.ETag)) return false;
	if (dropAfterBytes !== undefined) res.socket?.destroy();
	else res.writeHead(304, cache).end();
	return true;
}

async function* none(): AsyncIterable<Buffer> {}
