/**
 * Data into upload sessions: sequential appends at the expected offset, concurrent pieces at 4 MiB
 * boundaries, and the joining of concurrent pieces at finish. Failures are thrown as SessionFailure
 * carrying the tag of UploadSessionAppendError / UploadSessionLookupError; each route wraps it in its
 * own union.
 */
import { createReadStream } from 'node:fs';
import { ContentHasher } from './content-hash';
import type { Tagged } from './errors';
import { appendStream, drain, truncateTo } from './store/blobs';
import type { FileStore } from './store/file-store';
import { CONCURRENT_ALIGNMENT, MAX_REQUEST_BYTES, MAX_SESSION_BYTES, type UploadSession } from './store/upload-sessions';

export class SessionFailure extends Error {
	constructor(readonly error: Tagged) {
		super(error['.tag']);
	}
}

/** Tags that belong to UploadSessionLookupError (finish nests them under lookup_failed). */
export const LOOKUP_TAGS = new Set([
	'not_found',
	'incorrect_offset',
	'closed',
	'not_closed',
	'too_large',
	'concurrent_session_invalid_offset',
	'concurrent_session_invalid_data_size',
]);

export interface AppendOptions {
	close: boolean;
	contentHash?: string | null;
}

/** What one call brought: its size and the content hash of its data. */
export interface CallData {
	size: number;
	contentHash: string;
}

async function refuse(body: AsyncIterable<Buffer>, error: Tagged): Promise<never> {
	// Read the body to its end so that the client gets the answer, not a broken connection.
	await drain(body);
	throw new SessionFailure(error);
}

export async function appendToSession(
	store: FileStore,
	session: UploadSession,
	offset: number,
	body: AsyncIterable<Buffer>,
	options: AppendOptions,
): Promise<CallData> {
	if (session.finished) return refuse(body, { '.tag': 'closed' });
	if (session.concurrent) return appendPiece(store, session, offset, body, options);
	if (session.closed) return refuse(body, { '.tag': 'closed' });
	if (session.busy || offset !== session.size) return refuse(body, { '.tag': 'incorrect_offset', correct_offset: session.size });

	session.busy = true;
	try {
		const whole = session.hasher.clone();
		const call = new ContentHasher();
		const before = session.size;
		const written = await appendStream(session.file, 'r+', before, body, [whole, call], MAX_REQUEST_BYTES);
		if (written.overLimit) throw new SessionFailure({ '.tag': 'payload_too_large' });
		const callHash = call.digest();
		if (before + written.size > MAX_SESSION_BYTES) {
			await truncateTo(session.file, before);
			throw new SessionFailure({ '.tag': 'too_large' });
		}
		if (options.contentHash && options.contentHash !== callHash) {
			await truncateTo(session.file, before);
			throw new SessionFailure({ '.tag': 'content_hash_mismatch' });
		}
		session.size = before + written.size;
		session.hasher = whole;
		if (options.close) session.closed = true;
		return { size: written.size, contentHash: callHash };
	} finally {
		session.busy = false;
	}
}

async function appendPiece(
	store: FileStore,
	session: UploadSession,
	offset: number,
	body: AsyncIterable<Buffer>,
	options: AppendOptions,
): Promise<CallData> {
	if (offset % CONCURRENT_ALIGNMENT !== 0) return refuse(body, { '.tag': 'concurrent_session_invalid_offset' });
	if (session.end !== undefined && offset >= session.end) return refuse(body, { '.tag': 'closed' });
	const piece = await store.blobs.writeStream(body, MAX_REQUEST_BYTES);
	const fail = (error: Tagged): never => {
		store.blobs.discardIfUnused(piece.file);
		throw new SessionFailure(error);
	};
	if (piece.overLimit) fail({ '.tag': 'payload_too_large' });
	if (options.contentHash && options.contentHash !== piece.contentHash) fail({ '.tag': 'content_hash_mismatch' });
	if (!options.close && piece.size % CONCURRENT_ALIGNMENT !== 0) fail({ '.tag': 'concurrent_session_invalid_data_size' });
	if (offset + piece.size > MAX_SESSION_BYTES) fail({ '.tag': 'too_large' });
	if (options.close) {
		if (session.closed) fail({ '.tag': 'closed' });
		session.end = offset + piece.size;
		session.closed = true;
	}
	store.sessions.setPiece(session, offset, { file: piece.file, size: piece.size });
	return { size: piece.size, contentHash: piece.contentHash };
}

/** Joins a closed concurrent session's pieces into one file; throws concurrent_session_missing_data on a gap. */
export async function joinPieces(store: FileStore, session: UploadSession): Promise<void> {
	if (session.pieces.size === 0 && session.size === session.end) return;
	const pieces = [...session.pieces.entries()].sort(([a], [b]) => a - b);
	let expected = 0;
	for (const [offset, piece] of pieces) {
		if (offset !== expected) throw new SessionFailure({ '.tag': 'concurrent_session_missing_data' });
		expected += piece.size;
	}
	if (expected !== session.end) throw new SessionFailure({ '.tag': 'concurrent_session_missing_data' });
	const joined = await store.blobs.writeStream(
		(async function* () {
			for (const [, piece] of pieces) yield* createReadStream(piece.file) as AsyncIterable<Buffer>;
		})(),
	);
	store.sessions.replaceFile(session, joined.file);
	session.size = joined.size;
	session.hasher = joined.hasher;
}
