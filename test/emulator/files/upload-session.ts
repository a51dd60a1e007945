/**
 * files/upload_session/start, append_v2 (and the deprecated append) and finish (the batch finishes are in
 * finish-batch.ts). Limits and error unions as files.stone states them: 150 MiB per request
 * (`payload_too_large`, answered as the route's 409 error), 2^41 - 2^22 bytes per session (`too_large`),
 * 4 MiB alignment for concurrent sessions.
 */
import type { HandlerContext, HandlerResult } from '../contract';
import { callerView } from './context';
import { json, routeError, tooManyWriteOperations } from './errors';
import { type CursorArg, type FinishArg, FinishFailure, finishOne } from './session-commit';
import { SessionFailure, appendToSession } from './session-data';
import { drain } from './store/blobs';
import { withoutTag } from './store/render';

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
