/**
 * files/upload_session/start, append_v2 (and the deprecated append), finish, finish_batch_v2,
 * finish_batch + finish_batch/check. Limits and error unions as files.stone states them: 150 MiB per
 * request (`payload_too_large`, answered as the route's 409 error), 2^41 - 2^22 bytes per session
 * (`too_large`), 4 MiB alignment for concurrent sessions.
 */
import type { Account, HandlerContext, HandlerResult } from '../contract';
import { type CommitInfoArg, commitOptions } from './commit-info';
import { callerView } from './context';
import { LookupFailure, type Tagged, WriteRejected, json, nest, routeError, tooManyWriteOperations } from './errors';
import { LOOKUP_TAGS, SessionFailure, appendToSession, joinPieces } from './session-data';
import { drain } from './store/blobs';
import type { FileStore } from './store/file-store';
import { newJobId } from './store/ids';
import type { Namespace } from './store/namespaces';
import { type FileMetadataJson, renderFile, withoutTag } from './store/render';
import { commitFile } from './store/write-file';

interface CursorArg {
	session_id: string;
	offset: number;
}

interface FinishArg {
	cursor: CursorArg;
	commit: CommitInfoArg;
	content_hash?: string | null;
}

function sessionTypeIsConcurrent(value: unknown): boolean {
	const tag = typeof value === 'string' ? value : (value as { '.tag'?: string } | null | undefined)?.['.tag'];
	return tag === 'concurrent';
}

export async function uploadSessionStart(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account } = callerView(ctx);
	const arg = ctx.arg as { close?: boolean; session_type?: unknown; content_hash?: string | null };
	if (sessionTypeIsConcurrent(arg.session_type)) {
		// Concurrent sessions take their data only through append.
		if ((await drain(ctx.body)) > 0) throw routeError({ '.tag': 'concurrent_session_data_not_allowed' });
		if (arg.close) throw routeError({ '.tag': 'concurrent_session_close_not_allowed' });
		const session = await store.sessions.create(account.accountId, true);
		return json({ session_id: session.id });
	}
	const session = await store.sessions.create(account.accountId, false);
	try {
		await appendToSession(store, session, 0, ctx.body, { close: arg.close ?? false, contentHash: arg.content_hash });
	} catch (error) {
		store.sessions.drop(session);
		if (error instanceof SessionFailure) throw routeError(error.error);
		throw error;
	}
	return json({ session_id: session.id });
}

async function append(ctx: HandlerContext, cursor: CursorArg, close: boolean, contentHash?: string | null): Promise<HandlerResult> {
	const { store, account } = callerView(ctx);
	const session = store.sessions.get(cursor.session_id, account.accountId);
	try {
		if (!session) {
			await drain(ctx.body);
			throw new SessionFailure({ '.tag': 'not_found' });
		}
		await appendToSession(store, session, cursor.offset, ctx.body, { close, contentHash });
	} catch (error) {
		if (error instanceof SessionFailure) throw routeError(error.error);
		throw error;
	}
	return json(null);
}

export async function uploadSessionAppendV2(ctx: HandlerContext): Promise<HandlerResult> {
	const arg = ctx.arg as { cursor: CursorArg; close?: boolean; content_hash?: string | null };
	return append(ctx, arg.cursor, arg.close ?? false, arg.content_hash);
}

/** The deprecated v1 append: its argument is the cursor itself. */
export async function uploadSessionAppendV1(ctx: HandlerContext): Promise<HandlerResult> {
	return append(ctx, ctx.arg as CursorArg, false);
}

/** A finish refused: the UploadSessionFinishError value. */
class FinishFailure extends Error {
	constructor(readonly error: Tagged) {
		super(error['.tag']);
	}
}

function asFinishError(error: Tagged): Tagged {
	return LOOKUP_TAGS.has(error['.tag']) ? nest('lookup_failed', error) : error;
}

/**
 * Commits one session. `body` is the finish call's own data (single finish only); in a batch every
 * session must already be closed.
 */
async function finishOne(store: FileStore, account: Account, view: Namespace, arg: FinishArg, body: AsyncIterable<Buffer> | undefined): Promise<FileMetadataJson> {
	const data = body ?? (async function* () {})();
	const session = store.sessions.get(arg.cursor.session_id, account.accountId);
	try {
		if (!session) {
			await drain(data);
			throw new SessionFailure({ '.tag': 'not_found' });
		}
		if (session.finished) {
			await drain(data);
			throw new SessionFailure({ '.tag': 'closed' });
		}
		let callData = { size: 0, contentHash: '' };
		if (session.concurrent) {
			if ((await drain(data)) > 0) throw new FinishFailure({ '.tag': 'concurrent_session_data_not_allowed' });
			if (!session.closed) throw new FinishFailure({ '.tag': 'concurrent_session_not_closed' });
			await joinPieces(store, session);
			if (arg.cursor.offset !== session.size) throw new SessionFailure({ '.tag': 'incorrect_offset', correct_offset: session.size });
		} else if (!body) {
			if (!session.closed) throw new SessionFailure({ '.tag': 'not_closed' });
			if (arg.cursor.offset !== session.size) throw new SessionFailure({ '.tag': 'incorrect_offset', correct_offset: session.size });
		} else if (session.closed) {
			if ((await drain(data)) > 0) throw new SessionFailure({ '.tag': 'closed' });
			if (arg.cursor.offset !== session.size) throw new SessionFailure({ '.tag': 'incorrect_offset', correct_offset: session.size });
		} else {
			callData = await appendToSession(store, session, arg.cursor.offset, data, { close: true });
		}
		// The hash covers this call's data (files.stone); a call without data can only mean the whole file.
		const wholeHash = session.hasher.digest();
		if (arg.content_hash && arg.content_hash !== (callData.size > 0 ? callData.contentHash : wholeHash)) {
			throw new FinishFailure({ '.tag': 'content_hash_mismatch' });
		}

		let target;
		try {
			target = store.resolve(view, arg.commit.path, account);
		} catch (error) {
			if (error instanceof LookupFailure) throw new FinishFailure(nest('path', { '.tag': 'malformed_path' }));
			throw error;
		}
		try {
			const placed = commitFile(store, target, { file: session.file, size: session.size, contentHash: wholeHash }, commitOptions(arg.commit));
			store.sessions.finish(session);
			return renderFile(target.view, placed);
		} catch (error) {
			if (error instanceof WriteRejected) throw new FinishFailure(nest('path', error.failure));
			throw error;
		}
	} catch (error) {
		if (error instanceof SessionFailure) throw new FinishFailure(asFinishError(error.error));
		throw error;
	}
}

export async function uploadSessionFinish(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account, view } = callerView(ctx);
	const arg = ctx.arg as FinishArg;
	const release = view.tree.gate.tryEnter();
	if (!release) {
		await drain(ctx.body);
		throw tooManyWriteOperations();
	}
	try {
		return json(withoutTag(await finishOne(store, account, view, arg, ctx.body)));
	} catch (error) {
		if (error instanceof FinishFailure) throw routeError(error.error);
		throw error;
	} finally {
		release();
	}
}

/** Commits every entry as one write (no write-gate place per file); results by position. */
async function finishBatch(ctx: HandlerContext): Promise<Tagged[]> {
	const { store, account, view } = callerView(ctx);
	const entries = (ctx.arg as { entries: FinishArg[] }).entries;
	const results: Tagged[] = [];
	for (const entry of entries) {
		try {
			results.push({ '.tag': 'success', ...withoutTag(await finishOne(store, account, view, entry, undefined)) });
		} catch (error) {
			if (!(error instanceof FinishFailure)) throw error;
			results.push({ '.tag': 'failure', failure: error.error });
		}
	}
	return results;
}

export async function uploadSessionFinishBatchV2(ctx: HandlerContext): Promise<HandlerResult> {
	return json({ entries: await finishBatch(ctx) });
}

/** The deprecated asynchronous form: the work is done at once, its result kept for finish_batch/check. */
export async function uploadSessionFinishBatch(ctx: HandlerContext): Promise<HandlerResult> {
	const { store } = callerView(ctx);
	const entries = await finishBatch(ctx);
	const jobId = newJobId();
	store.jobs.set(jobId, { '.tag': 'complete', entries });
	return json({ '.tag': 'async_job_id', async_job_id: jobId });
}

export async function uploadSessionFinishBatchCheck(ctx: HandlerContext): Promise<HandlerResult> {
	const { store } = callerView(ctx);
	const result = store.jobs.get(String((ctx.arg as { async_job_id: string }).async_job_id));
	if (!result) throw routeError({ '.tag': 'invalid_async_job_id' });
	return json(result);
}
