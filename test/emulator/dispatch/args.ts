/**
 * Decoding a route's argument the way Dropbox does: RPC from a JSON body; upload and download from the
 * `Dropbox-API-Arg` header or the `arg` query parameter. Every failure is Dropbox's 400 plain text.
 */
import type { IncomingMessage } from 'node:http';
import type { RouteSpec } from '../contract';
import { BodyTooLargeError, readSmallBody } from './body';
import { badRequest } from './respond';
import { validateArgument } from './validate';

const JSON_CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain; charset=dropbox-cors-hack'];
const UPLOAD_CONTENT_TYPES = ['application/octet-stream', 'text/plain; charset=dropbox-cors-hack'];

export function isVoidArg(route: RouteSpec): boolean {
	return route.arg === null || route.arg === 'Void';
}

export async function decodeArgument(route: RouteSpec, req: IncomingMessage, url: URL): Promise<unknown> {
	if (route.style === 'rpc') return decodeRpcArgument(route, req);
	return decodeHeaderArgument(route, req, url);
}

async function decodeRpcArgument(route: RouteSpec, req: IncomingMessage): Promise<unknown> {
	let body: Buffer;
	try {
		body = await readSmallBody(req);
	} catch (error) {
		if (error instanceof BodyTooLargeError) throw badRequest(route.key, `request body: ${error.message}`);
		throw error;
	}
	const text = body.toString('utf8');
	if (isVoidArg(route) && text.trim() === '') return check(route, null, 'request body');
	const contentType = normalisedContentType(req);
	if (!JSON_CONTENT_TYPES.includes(contentType)) {
		throw badRequest(route.key, badContentType(req.headers['content-type'], JSON_CONTENT_TYPES));
	}
	return check(route, parseJson(route, text, 'request body'), 'request body');
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
