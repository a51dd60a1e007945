/**
 * files/save_url and files/save_url/check_job_status: the emulator fetches the URL itself (http or https;
 * a self-signed certificate is accepted, so loopback test servers work; up to MAX_REDIRECTS redirects)
 * and streams the body into the file, never holding it whole. Always an async job: `complete` with the
 * file's metadata, or `failed` with `download_failed` (no answer, a status other than 2xx, a body cut off,
 * over SAVE_URL_TIMEOUT_MS) or the path's WriteError (the path taken: no autorename). A URL that is not
 * an absolute http(s) URL is `invalid_url` at once.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { HandlerContext, HandlerResult } from '../contract';
import { checkJob, launchJob } from './async-jobs';
import type { Caller } from './copy-move-delete';
import { callerView } from './context';
import { LookupFailure, WriteRejected, asRouteError, nest, routeError } from './errors';
import { JobFailed } from './store/batch-jobs';
import type { StreamedBlob } from './store/blobs';
import type { Target } from './store/file-store';
import { renderFile, withoutTag } from './store/render';
import { commitFile } from './store/write-file';

export const MAX_REDIRECTS = 5;
/** files.stone: "the transfer from the URL must complete within 15 minutes". */
export const SAVE_URL_TIMEOUT_MS = 15 * 60 * 1000;

function parseUrl(text: string): URL | undefined {
	try {
		const url = new URL(text);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
	} catch {
		return undefined;
	}
}

/** The answer to a GET of `url`, redirects followed; a DownloadFailed for anything but a 2xx. */
function get(url: URL, signal: AbortSignal, redirects = 0): Promise<http.IncomingMessage> {
	return new Promise((resolve, reject) => {
		const client = url.protocol === 'https:' ? https : http;
		const request = client.get(url, { signal, rejectUnauthorized: false, headers: { 'User-Agent': 'DropboxEmulator-SaveUrl' } }, (answer) => {
			const status = answer.statusCode ?? 0;
			const location = answer.headers.location;
			if (status >= 300 && status < 400 && location && redirects < MAX_REDIRECTS) {
				answer.resume();
				get(new URL(location, url), signal, redirects + 1).then(resolve, reject);
				return;
			}
			if (status < 200 || status >= 300) {
				answer.resume();
				reject(new JobFailed({ '.tag': 'download_failed' }));
				return;
			}
			resolve(answer);
		});
		request.on('error', () => reject(new JobFailed({ '.tag': 'download_failed' })));
	});
}

async function fetchInto({ store }: Caller, target: Target, url: URL) {
	const signal = AbortSignal.timeout(SAVE_URL_TIMEOUT_MS);
	let blob: StreamedBlob;
	try {
		blob = await store.blobs.writeStream(await get(url, signal));
	} catch (error) {
		if (error instanceof JobFailed) throw error;
		// The body broke off or the time ran out.
		throw new JobFailed({ '.tag': 'download_failed' });
	}
	try {
		const placed = commitFile(store, target, blob, { mode: { kind: 'add' }, autorename: false, strictConflict: false });
		return withoutTag(renderFile(target.view, placed));
	} catch (error) {
		if (error instanceof WriteRejected) throw new JobFailed(nest('path', error.failure));
		throw error;
	}
}

export async function saveUrl(ctx: HandlerContext): Promise<HandlerResult> {
	const caller = callerView(ctx);
	const arg = ctx.arg as { path: string; url: string };
	const url = parseUrl(arg.url);
	if (!url) throw routeError({ '.tag': 'invalid_url' });
	let target: Target;
	try {
		target = caller.store.resolve(caller.view, arg.path, caller.account);
	} catch (error) {
		if (error instanceof LookupFailure) throw routeError(nest('path', { '.tag': 'malformed_path' }));
		throw asRouteError(error, { write: 'path' });
	}
	return launchJob(caller, 'save_url', () => fetchInto(caller, target, url));
}

export async function saveUrlCheckJobStatus(ctx: HandlerContext): Promise<HandlerResult> {
	// FileMetadata is a plain struct: as the `complete` member's value its fields sit next to the tag.
	return checkJob(ctx, 'save_url', (metadata) => ({ '.tag': 'complete', ...(metadata as object) }));
}
