/**
 * Decoding a route's argument the way Dropbox does: RPC from a JSON body; upload and download from the
 * `Dropbox-API-Arg` header or the `arg` query parameter. Every failure is Dropbox's 400 plain text.
 *
 * Dropbox is stricter than most servers about RPC bodies: a `Content-Type` outside its JSON list (a form
 * post, even with no body) is refused, and so is a JSON Content-Type with an empty body. A route without
 * arguments takes the body `null`, or no body and no Content-Type at all (what the official SDKs send).
 */
import type { IncomingMessage } from 'node:http';
import type { RouteSpec } from '../contract';
import { BodyTooLargeError, readSmallBody } from './body';
import { badRequest } from './respond';
import { validateArgument } from './validate';

const JSON_CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain; charset=dropbox-cors-hack'];
const UPLOAD_CONTENT_TYPES = ['application/octet-stream', 'text/plain; charset=dropbox-cors-hack'];
/** How much of an unexpected download body the 400 quotes back. */
const MAX_QUOTED_BODY_BYTES = 1024;

export function isVoidArg(route: RouteSpec): boolean {
	return route.arg === null || route.arg === 'Void';
}

export async function decodeArgument(route: RouteSpec, req: IncomingMessage, url: URL): Promise<unknown> {
	if (route.style === 'rpc') return decodeRpcArgument(route, req);
	if (route.style === 'download') await refuseDownloadBody(route, req);
	return decodeHeaderArgument(route, req, url);
}

async function decodeRpcArgument(route: RouteSpec, req: IncomingMessage): Promise<unknown> {
	const text = (await readBody(route, req)).toString('utf8');
	const sentType = req.headers['content-type'];
	if (sentType === undefined && isVoidArg(route) && text === '') return null;
	if (!JSON_CONTENT_TYPES.includes(normalisedContentType(req))) {
		throw badRequest(route.key, badContentType(sentType, JSON_CONTENT_TYPES));
	}
	return check(route, parseJson(route, text, 'request body'), 'request body');
}

async function readBody(route: RouteSpec, req: IncomingMessage): Promise<Buffer> {
	try {
		return await readSmallBody(req);
	} catch (error) {
		if (error instanceof BodyTooLargeError) throw badRequest(route.key, `request body: ${error.message}`);
		throw error;
	}
}

/** A download's argument travels in the header or the query: Dropbox refuses any request body, quoting it. */
async function refuseDownloadBody(route: RouteSpec, req: IncomingMessage): Promise<void> {
	const body = await readBody(route, req);
	if (body.length === 0) return;
	const shown = body.subarray(0, MAX_QUOTED_BODY_BYTES).toString('utf8');
	throw badRequest(route.key, `The request body is supposed to be empty, but it isn't; got ${JSON.stringify(shown)}`);
}

function decodeHeaderArgument(route: RouteSpec, req: IncomingMessage, url: URL): unknown {
	if (route.style === 'upload') {
		const contentType = normalisedContentType(req);
		if (!UPLOAD_CONTENT_TYPES.includes(contentType)) {
			throw badRequest(route.key, badContentType(req.headers['content-type'], UPLOAD_CONTENT_TYPES));
		}
	}
	const header = req.headers['dropbox-api-arg'];
	const query = url.searchParams.get('arg');
	if (typeof header === 'string') {
		// Node reads header bytes as latin1; a client that sent raw UTF-8 still means UTF-8.
		const text = Buffer.from(header, 'latin1').toString('utf8');
		return check(route, parseJson(route, text, 'HTTP header "Dropbox-API-Arg"'), 'HTTP header "Dropbox-API-Arg"');
	}
	if (query !== null) return check(route, parseJson(route, query, 'URL parameter "arg"'), 'URL parameter "arg"');
	if (isVoidArg(route)) return null;
	throw badRequest(route.key, 'Must provide HTTP header "Dropbox-API-Arg" or URL parameter "arg".');
}

function parseJson(route: RouteSpec, text: string, where: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		throw badRequest(route.key, `${where}: could not decode input as JSON`);
	}
}

function check(route: RouteSpec, value: unknown, where: string): unknown {
	if (isVoidArg(route)) {
		if (value === null || value === undefined) return null;
		throw badRequest(route.key, `${where}: expected null, got ${describe(value)}`);
	}
	const result = validateArgument(route, value);
	if (!result.ok) throw badRequest(route.key, `${where}: ${result.message}`);
	return result.value;
}

function describe(value: unknown): string {
	if (Array.isArray(value)) return 'list';
	return typeof value === 'object' ? 'object' : typeof value;
}

function normalisedContentType(req: IncomingMessage): string {
	return (req.headers['content-type'] ?? '').toLowerCase().replace(/\s*;\s*/g, '; ').trim();
}

function badContentType(sent: string | undefined, expected: string[]): string {
	const list = expected.map((t) => `"${t}"`).join(', ');
	return `Bad HTTP "Content-Type" header: "${sent ?? ''}".  Expecting one of ${list}.`;
}
