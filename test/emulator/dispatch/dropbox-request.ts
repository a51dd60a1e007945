/**
 * Entry point of every request to a Dropbox host: logging, latency, delay/reset faults common to all
 * routes, then the OAuth pages, the token endpoint or an API route.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { TEMPORARY_LINK_PREFIX, serveTemporaryLink } from '../files/temporary-link';
import { handleAuthorizePage } from '../oauth/authorize-page';
import { handleTokenEndpoint } from '../oauth/token-endpoint';
import { sendStatusFault } from './fault-answer';
import { HOSTNAMES, type DropboxHost } from './hosts';
import type { Platform } from './platform';
import { tagWithRequestId } from './request-id';
import { callErrorText, sendText } from './respond';
import { callRoute } from './route-call';

export async function handleDropboxRequest(
	platform: Platform,
	host: DropboxHost,
	req: IncomingMessage,
	res: ServerResponse,
): Promise<void> {
	tagWithRequestId(res);
	const url = new URL(req.url ?? '/', `https://${HOSTNAMES[host]}`);
	const routeKey = url.pathname.replace(/^\/(2\/)?/, '');
	recordWhenDone(platform, res, HOSTNAMES[host], routeKey);
	if (platform.latencyMs > 0) await sleep(platform.latencyMs);
	let fault = platform.faults.take(routeKey);
	if (fault?.kind === 'delay') {
		await sleep(fault.delay_ms ?? 0);
		fault = undefined;
	}
	const route = url.pathname.startsWith('/2/') ? platform.routes.get(routeKey) : undefined;
	if (!route) {
		// Routes outside the API table (OAuth) honour status and reset faults here.
		if (fault?.kind === 'reset') return void res.socket?.destroy();
		if (fault?.kind === 'status') return sendStatusFault(res, routeKey, fault);
	}
	if (host === 'www' && url.pathname === '/oauth2/authorize') return handleAuthorizePage(platform.state, req, res, url);
	if (host === 'api' && url.pathname === '/oauth2/token') return handleTokenEndpoint(platform.state, req, res, url);
	if (route) return callRoute(platform, route, host, req, res, url, fault);
	// The links files/get_temporary_link hands out live on the content host.
	if (host === 'content' && url.pathname.startsWith(TEMPORARY_LINK_PREFIX)) return serveTemporaryLink(platform.state.files, req, res, url);
	// Dropbox names an unknown function with its URL path, inside its usual 400 prefix.
	if (url.pathname.startsWith('/2/')) return sendText(res, 400, callErrorText(routeKey, `Unknown API function: ${url.pathname}`));
	sendText(res, 404, 'Not Found');
}

/**
 * Logs the request as its answer completes. The entry is written when the handler ends the response, before
 * the last bytes leave, so that a client that has read the answer always finds it in `GET /__admin/log`.
 */
function recordWhenDone(platform: Platform, res: ServerResponse, host: string, route: string): void {
	const started = process.hrtime.bigint();
	let recorded = false;
	const record = (status: number): void => {
		if (recorded) return;
		recorded = true;
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		platform.log.append({ host, route, status, ms: Math.round(ms * 10) / 10 });
	};
	const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
	res.end = ((...args: unknown[]) => {
		record(res.statusCode);
		return end(...args);
	}) as ServerResponse['end'];
	// A connection dropped before any answer is logged with status 0.
	res.once('close', () => record(res.headersSent ? res.statusCode : 0));
}
