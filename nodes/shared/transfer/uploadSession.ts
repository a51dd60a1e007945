/**
 * An upload session: a file's bytes sent in chunks (`upload_session/start`, then `append_v2`), each chunk
 * verified by Dropbox against its own content hash. Memory holds one chunk. A chunk whose answer was lost is
 * re-sent by the transport; when Dropbox then reports `incorrect_offset`, the session resumes from the offset
 * Dropbox holds; a session Dropbox no longer knows (expired, closed) starts over from the first byte.
 */
import { DropboxApiError, asNodeError, type DropboxSession, type ErrorContext, type Space } from '../transport';
import { ChunkPool } from './chunkPool';
import { fixedSizeChunks } from './chunks';
import { ContentHasher, contentHashOf } from './contentHash';
import { readAhead } from './readAhead';
import type { UploadSource } from './uploadSource';

export interface StagedFile {
	sessionId: string;
	/** Bytes in the session: the offset a finish names. */
	size: number;
	/** The whole file's content hash, computed as it was sent. */
	contentHash: string;
}

export interface StageOptions {
	chunkBytes: number;
	space: Space;
	/** Close the session after the last chunk: finish_batch commits only closed sessions. */
	close: boolean;
	errorContext?: ErrorContext;
}

/** How often a session Dropbox lost is started again before the error stands. */
const MAX_SESSION_STARTS = 3;

export async function stageInSession(
	session: DropboxSession,
	source: UploadSource,
	options: StageOptions,
): Promise<StagedFile> {
	for (let start = 1; ; start++) {
		const outcome = await sendAllChunks(session, source, options);
		if ('staged' in outcome) return outcome.staged;
		// Dropbox no longer holds the session, or holds less than was sent: only a new session helps.
		if (start >= MAX_SESSION_STARTS) throw outcome.lost;
	}
}

type SendOutcome = { staged: StagedFile } | { lost: DropboxApiError };

async function sendAllChunks(session: DropboxSession, source: UploadSource, options: StageOptions): Promise<SendOutcome> {
	const hasher = new ContentHasher();
	let sessionId: string | undefined;
	let offset = 0;
	// The chunk on the wire, the one read ahead, and one being filled: a sent chunk's buffer is filled again.
	const pool = new ChunkPool(options.chunkBytes);
	const chunks = readAhead(hashedChunks(fixedSizeChunks(await source.open(), options.chunkBytes, pool), hasher));
	for await (const chunk of chunks) {
		const last = source.size !== undefined && offset + chunk.bytes.length >= source.size;
		const close = options.close && last;
		if (sessionId === undefined) {
			sessionId = await startSession(session, chunk, close, options);
		} else {
			const appended = await appendChunk(session, sessionId, offset, chunk, close, options);
			if (appended !== 'sent') return appended;
		}
		offset += chunk.bytes.length;
		pool.give(chunk.bytes);
	}
	if (sessionId === undefined) {
		// An empty file: a session with no bytes.
		sessionId = await startSession(session, { bytes: Buffer.alloc(0) }, options.close, options);
	} else if (options.close && (source.size === undefined || offset < source.size)) {
		// The size was not known ahead (or the source was shorter): close with an empty append.
		const closed = await appendChunk(session, sessionId, offset, { bytes: Buffer.alloc(0) }, true, options);
		if (closed !== 'sent') return closed;
	}
	return { staged: { sessionId, size: offset, contentHash: hasher.digest() } };
}

/** One request's bytes with their own content hash (absent for no bytes). */
interface HashedChunk {
	bytes: Buffer;
	contentHash?: string;
}

/** Hashes each chunk as it is read, for the request and for the whole file in one pass. */
async function* hashedChunks(chunks: AsyncIterable<Buffer>, fileHasher: ContentHasher): AsyncGenerator<HashedChunk> {
	for await (const bytes of chunks) {
		yield { bytes, contentHash: bytes.length > 0 ? fileHasher.updateWithChunk(bytes) : undefined };
	}
}

async function startSession(session: DropboxSession, chunk: HashedChunk, close: boolean, options: StageOptions): Promise<string> {
	// Re-sending a start whose answer was lost only leaves an unused session behind, which Dropbox expires.
	const started = await session.upload<{ session_id: string }>('files/upload_session/start', {
		arg: { close, ...hashArg(chunk.contentHash) },
		body: chunk.bytes,
		space: options.space,
		idempotent: true,
		errorContext: options.errorContext,
	});
	return started.session_id;
}

/** Appends `chunk` at `offset`, resuming from Dropbox's own offset when the two disagree. */
async function appendChunk(
	session: DropboxSession,
	sessionId: string,
	offset: number,
	chunk: HashedChunk,
	close: boolean,
	options: StageOptions,
): Promise<'sent' | { lost: DropboxApiError }> {
	let sendFrom = 0;
	for (;;) {
		const piece = chunk.bytes.subarray(sendFrom);
		const pieceHash = sendFrom === 0 ? hashArg(chunk.contentHash) : chunkHash(piece);
		const failure = await session
			.upload('files/upload_session/append_v2', {
				arg: { cursor: { session_id: sessionId, offset: offset + sendFrom }, close, ...pieceHash },
				body: piece,
				space: options.space,
				// At a fixed offset an append is applied once: a duplicate is answered with incorrect_offset.
				idempotent: true,
				errorContext: options.errorContext,
			})
			.then(
				() => undefined,
				(error: unknown) => error,
			);
		if (failure === undefined) return 'sent';
		if (!(failure instanceof DropboxApiError)) throw asNodeError(session.ctx.getNode(), failure);
		const tags = failure.dropboxTags;
		if (tags.includes('not_found') || tags.includes('closed')) return { lost: failure };
		if (!tags.includes('incorrect_offset')) throw failure;
		const held = Number(failure.failure.fields.correct_offset);
		if (!Number.isFinite(held) || held < offset || held > offset + chunk.bytes.length) return { lost: failure };
		if (held === offset + chunk.bytes.length && !close) return 'sent';
		if (held === offset + sendFrom) throw failure;
		sendFrom = held - offset;
	}
}

/** The content hash of the bytes in one request, for Dropbox to check them on arrival. */
export function chunkHash(chunk: Buffer): { content_hash?: string } {
	return hashArg(chunk.length > 0 ? contentHashOf(chunk) : undefined);
}

function hashArg(contentHash: string | undefined): { content_hash?: string } {
	return contentHash === undefined ? {} : { content_hash: contentHash };
}
