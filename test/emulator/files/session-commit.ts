/**
 * Committing one upload session to a file: what `upload_session/finish` does with its own data, and
 * what `finish_batch_v2` / `finish_batch` do for each entry (without data: every session of a batch must
 * be closed). A refusal is a FinishFailure carrying the UploadSessionFinishError value; a commit either
 * happens whole (the file is placed and the session spent) or not at all (the session stays, for a retry).
 */
import type { Account } from '../contract';
import { type CommitInfoArg, commitOptions } from './commit-info';
import { LookupFailure, type Tagged, WriteRejected, nest } from './errors';
import { LOOKUP_TAGS, SessionFailure, appendToSession, joinPieces } from './session-data';
import { drain } from './store/blobs';
import type { FileStore } from './store/file-store';
import type { Namespace } from './store/namespaces';
import { type FileMetadataJson, renderFile } from './store/render';
import { commitFile } from './store/write-file';

export interface CursorArg {
	session_id: string;
	offset: number;
}

export interface FinishArg {
	cursor: CursorArg;
	commit: CommitInfoArg;
	content_hash?: string | null;
}

/** A finish refused: the UploadSessionFinishError value. */
export class FinishFailure extends Error {
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
export async function finishOne(store: FileStore, account: Account, view: Namespace, arg: FinishArg, body: AsyncIterable<Buffer> | undefined): Promise<FileMetadataJson> {
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

