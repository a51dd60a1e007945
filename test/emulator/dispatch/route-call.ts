/**
 * One API call on a known route: host and method checks, injected faults, authentication, the
 * argument, the handler, and the answer in the route's style.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, type HandlerContext, type RouteSpec } from '../contract';
import { authenticate } from './auth';
import { decodeArgument } from './args';
import { consumeBytes } from './body';
import { sendDownload } from './download';
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
	if (fault?.kind === 'reset' && route.style !== 'download') {
		// An upload reads part of its body before the line drops; an RPC call never gets an answer.
		if (route.style === 'upload') await consumeBytes(req, fault.after_bytes ?? 0);
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
			body: req as AsyncIterable<Buffer>,
			req,
			signal: abort.signal,
			emulator: platform.state,
		};
		const result = await handler(ctx);
		if (result.kind === 'json') {
			sendJson(res, 200, result.body);
			return;
		}
		const dropAfter = fault?.kind === 'reset' ? (fault.after_bytes ?? 0) : undefined;
		await sendDownload(req, res, result, dropAfter);
	} catch (error) {
		if (res.headersSent || res.destroyed) {
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
