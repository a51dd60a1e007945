/**
 * One API call on a known route: host and method checks, injected faults, authentication, the
 * argument, the handler, and the answer in the route's style.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, type HandlerContext, type RouteSpec } from '../contract';
import { authenticate } from './auth';
import { decodeArgument } from './args';
import { cutBodyAfter } from './body-cut';
import { sendDownload, sendStream } from './download';
import { sendStatusFault } from './fault-answer';
import type { FaultSpec } from './faults';
import { HOSTNAMES, type DropboxHost } from './hosts';
import type { Platform } from './platform';
import { callErrorText, sendApiError, sendJson, sendText } from './respond';

export async function callRoute(
	platform: Platform,
	route: RouteSpec,
	host: DropboxHost,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL,
	fault: FaultSpec | undefined,
): Promise<void> {
	if (route.host !== host) {
		const text = `Function "${route.key}" is served by ${HOSTNAMES[route.host]}, not by ${HOSTNAMES[host]}.`;
		sendText(res, 400, callErrorText(route.key, text));
		return;
	}
	const allowedMethods = route.style === 'download' ? ['POST', 'GET'] : ['POST'];
	if (!allowedMethods.includes(req.method ?? '')) {
		const text = `Method ${req.method} not allowed; use ${allowedMethods.join(' or ')}.`;
		sendText(res, 405, callErrorText(route.key, text), { Allow: allowedMethods.join(', ') });
		return;
	}
	const handler = platform.handlers[route.key];
	if (route.auth === 'team' || !handler) {
		sendText(res, 400, callErrorText(route.key, 'This function is not served by the Dropbox emulator.'));
		return;
	}
	if (fault?.kind === 'status') {
		sendStatusFault(res, route.key, fault);
		return;
	}
	// A reset fault: an RPC call never reaches its handler; an upload's body is cut after `after_bytes`
	// (body-cut.ts); a download's answer after `after_bytes` of its body. No reset call gets a whole answer.
	const reset = fault?.kind === 'reset' ? (fault.after_bytes ?? 0) : undefined;
	if (reset !== undefined && route.style === 'rpc') {
		res.socket?.destroy();
		return;
	}
	const abort = new AbortController();
	res.on('close', () => abort.abort());
	try {
		const caller = authenticate(platform.state, route, req, url);
		const arg = await decodeArgument(route, req, url);
		const pathRoot = req.headers['dropbox-api-path-root'];
		const ctx: HandlerContext = {
			route,
			arg,
			account: caller.account,
			appKey: caller.appKey,
			pathRoot: typeof pathRoot === 'string' ? pathRoot : undefined,
			body: reset !== undefined && route.style === 'upload' ? cutBodyAfter(req, reset) : (req as AsyncIterable<Buffer>),
			req,
			signal: abort.signal,
			emulator: platform.state,
		};
		const result = await handler(ctx);
		if (result.kind === 'download') return await sendDownload(req, res, result, reset);
		if (result.kind === 'stream') return await sendStream(req, res, result, abort.signal, reset);
		// An upload whose whole body arrived was carried out; its answer is what the line loses.
		if (reset !== undefined) return void res.socket?.destroy();
		sendJson(res, 200, result.body);
	} catch (error) {
		if (res.headersSent || res.destroyed || reset !== undefined) {
			// Under a reset fault, a refusal is lost on the line too.
			res.destroy();
			return;
		}
		if (error instanceof ApiError) {
			sendApiError(res, route.key, error);
			return;
		}
		process.stderr.write(`[emulator] ${route.key}: ${(error as Error).stack ?? String(error)}\n`);
		sendText(res, 500, 'Internal Server Error');
	}
}
