/**
 * files/get_temporary_link, and the links it makes: `https://content.dropboxapi.com/apitl/1/<token>`, on a
 * Dropbox host name so that whatever reaches the emulator with production URLs (the redirect preload, the
 * test harness) reaches the link too. GET (or HEAD) serves the bytes of the revision that was current when
 * the link was made, with its Content-Type and Range, for TEMPORARY_LINK_LIFETIME (4 hours, settable through
 * the admin limits); after that 410 Gone, as files.stone says. An unknown token is a 404.
 */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FileService, HandlerContext, HandlerResult } from '../contract';
import { writeBody } from '../dispatch/body-writer';
import { HOSTNAMES } from '../dispatch/hosts';
import { parseRange } from '../dispatch/range';
import { sendText } from '../dispatch/respond';
import { contentTypeOf } from './content-type';
import { callerView, fileStoreOf } from './context';
import { asRouteError, json, routeError } from './errors';
import { limitsOf } from './limits';
import { isExportOnly } from './paper/paper-files';
import { renderFile, withoutTag } from './store/render';

/** The path every temporary link starts with, on the content host. */
export const TEMPORARY_LINK_PREFIX = '/apitl/1/';

export async function getTemporaryLink(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account, view } = callerView(ctx);
	try {
		const target = store.resolve(view, (ctx.arg as { path: string }).path, account);
		const found = store.locateFile(target);
		if (isExportOnly(found.node)) throw routeError({ '.tag': 'unsupported_file' });
		const token = store.temporaryLinks.create(target.tree, found.node.rev, limitsOf(ctx).temporaryLinkLifetimeS * 1000);
		const link = `https://${HOSTNAMES.content}${TEMPORARY_LINK_PREFIX}${token}`;
		return json({ metadata: withoutTag(renderFile(target.view, found)), link });
	} catch (error) {
		throw asRouteError(error, { lookup: 'path' });
	}
}

/** Answers a request for a temporary link (the dispatcher hands over every path under the prefix). */
export async function serveTemporaryLink(files: FileService, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
	if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
	const store = fileStoreOf(files);
	const link = store?.temporaryLinks.get(url.pathname.slice(TEMPORARY_LINK_PREFIX.length));
	const revision = link && store!.history(link.tree).get(link.rev);
	if (!link || !revision) return sendText(res, 404, 'Not Found');
	if (Date.now() >= link.expiresAt) return sendText(res, 410, 'Gone: this temporary link has expired.');
	const { blob, size, name } = revision.node;
	const range = parseRange(req.headers.range, size);
	if (range.kind === 'unsatisfiable') return sendText(res, 416, 'Requested Range Not Satisfiable', { 'Content-Range': `bytes */${size}` });
	const start = range.kind === 'partial' ? range.start : 0;
	const end = range.kind === 'partial' ? range.end : size - 1;
	res.writeHead(range.kind === 'partial' ? 206 : 200, {
		'Content-Type': contentTypeOf(name),
		'Content-Length': end - start + 1,
		'Accept-Ranges': 'bytes',
		ETag: `"${revision.node.rev}"`,
		...(range.kind === 'partial' ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
	});
	if (req.method === 'HEAD' || size === 0) return void res.end();
	await writeBody(res, createReadStream(blob, { start, end }) as AsyncIterable<Buffer>);
}
