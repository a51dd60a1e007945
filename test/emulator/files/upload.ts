/**
 * files/upload: one request, at most 150 MiB, streamed to disk and hashed on the way. A write that is
 * refused after the data arrived (conflict, quota, contention) answers UploadError.path with an
 * upload_session_id holding the data, as Dropbox does, so the client may commit it with
 * upload_session/finish instead of sending it again.
 */
import { ApiError, type HandlerContext, type HandlerResult } from '../contract';
import { type CommitInfoArg, commitOptions } from './commit-info';
import { callerView } from './context';
import { LookupFailure, WriteRejected, type WriteFailure, json, routeError } from './errors';
import type { StreamedBlob } from './store/blobs';
import type { FileStore, Target } from './store/file-store';
import { renderFile, withoutTag } from './store/render';
import { MAX_REQUEST_BYTES } from './store/upload-sessions';
import { commitFile } from './store/write-file';

interface UploadArg extends CommitInfoArg {
	content_hash?: string | null;
}

export async function upload(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account, view } = callerView(ctx);
	const arg = ctx.arg as UploadArg;
	let target: Target | undefined;
	let refusal: WriteFailure | undefined;
	try {
		target = store.resolve(view, arg.path, account);
	} catch (error) {
		if (!(error instanceof LookupFailure)) throw error;
		refusal = { '.tag': 'malformed_path' };
	}
	// The write occupies its namespace while the body streams in: overlapping uploads collide.
	const release = target?.tree.gate.tryEnter();
	if (target && !release) refusal = { '.tag': 'too_many_write_operations' };
	try {
		const blob = await store.blobs.writeStream(ctx.body, MAX_REQUEST_BYTES);
		if (blob.overLimit) throw routeError({ '.tag': 'payload_too_large' });
		if (arg.content_hash && arg.content_hash !== blob.contentHash) {
			store.blobs.discardIfUnused(blob.file);
			throw routeError({ '.tag': 'content_hash_mismatch' });
		}
		if (refusal || !target) throw refusedWithSession(store, account.accountId, blob, refusal ?? { '.tag': 'malformed_path' });
		// Held while committing so that a refused write still has its data for the session.
		store.blobs.retain(blob.file);
		try {
			return json(withoutTag(renderFile(target.view, commitFile(store, target, blob, commitOptions(arg)))));
		} catch (error) {
			if (error instanceof WriteRejected) throw refusedWithSession(store, account.accountId, blob, error.failure);
			throw error;
		} finally {
			store.blobs.release(blob.file);
		}
	} finally {
		release?.();
	}
}

function refusedWithSession(store: FileStore, accountId: string, blob: StreamedBlob, reason: WriteFailure): unknown {
	const session = store.sessions.adopt(accountId, blob);
	// UploadWriteFailed is a struct inlined next to ".tag": the summary names the reason's tags itself.
	const reasonTags = reason['.tag'] === 'conflict' ? `conflict/${reason.conflict['.tag']}` : reason['.tag'];
	return new ApiError(409, { '.tag': 'path', reason, upload_session_id: session.id }, { summary: `path/${reasonTags}` });
}
