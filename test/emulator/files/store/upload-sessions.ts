/**
 * Upload sessions. A sequential session is one file on disk that grows by appends at the expected
 * offset, with its content hash carried along. A concurrent session collects pieces at 4 MiB-aligned
 * offsets, in any order, and joins them at finish. A session holds a reference on its data file, so a
 * finish whose commit is refused can be retried.
 */
import { writeFile } from 'node:fs/promises';
import type { ContentHasher } from '../content-hash';
import { ContentHasher as Hasher } from '../content-hash';
import type { BlobStore } from './blobs';
import { newSessionId } from './ids';

/** Largest file an upload session may build (files.stone: 2^41 - 2^22 bytes). */
export const MAX_SESSION_BYTES = 2 ** 41 - 2 ** 22;
/** Largest request body of any upload route. */
export const MAX_REQUEST_BYTES = 150 * 1024 * 1024;
/** Concurrent sessions: offsets and all pieces but the last are multiples of this. */
export const CONCURRENT_ALIGNMENT = 4 * 1024 * 1024;
/** Sessions expire after 7 days (then `not_found`). */
export const SESSION_LIFETIME_MS = 7 * 24 * 3600 * 1000;

export interface SessionPiece {
	file: string;
	size: number;
}

export interface UploadSession {
	id: string;
	accountId: string;
	concurrent: boolean;
	createdAt: number;
	/** No more data may come (close = true was sent). */
	closed: boolean;
	/** Committed by a finish: the session is spent. */
	finished: boolean;
	/** An append is streaming in (sequential): others must wait for its offset. */
	busy: boolean;
	/** Sequential: the data so far. Concurrent: the joined file, once built. */
	file: string;
	size: number;
	hasher: ContentHasher;
	/** Concurrent: pieces by offset, and the total size once the closing piece arrived. */
	pieces: Map<number, SessionPiece>;
	end?: number;
}

export class UploadSessionTable {
	private readonly sessions = new Map<string, UploadSession>();

	constructor(private readonly blobs: BlobStore) {}

	async create(accountId: string, concurrent: boolean): Promise<UploadSession> {
		const file = this.blobs.newPath();
		await writeFile(file, '');
		this.blobs.retain(file);
		const session: UploadSession = {
			id: newSessionId(),
			accountId,
			concurrent,
			createdAt: Date.now(),
			closed: false,
			finished: false,
			busy: false,
			file,
			size: 0,
			hasher: new Hasher(),
			pieces: new Map(),
		};
		this.sessions.set(session.id, session);
		return session;
	}

	/** A closed sequential session holding data already on disk (a refused files/upload keeps its data this way). */
	adopt(accountId: string, data: { file: string; size: number; hasher: ContentHasher }): UploadSession {
		this.blobs.retain(data.file);
		const session: UploadSession = {
			id: newSessionId(),
			accountId,
			concurrent: false,
			createdAt: Date.now(),
			closed: true,
			finished: false,
			busy: false,
			file: data.file,
			size: data.size,
			hasher: data.hasher,
			pieces: new Map(),
		};
		this.sessions.set(session.id, session);
		return session;
	}

	/** The caller's live session, or undefined (unknown, another account's, or expired). */
	get(id: string, accountId: string): UploadSession | undefined {
		const session = this.sessions.get(id);
		if (!session || session.accountId !== accountId) return undefined;
		if (Date.now() - session.createdAt > SESSION_LIFETIME_MS) {
			this.drop(session);
			return undefined;
		}
		return session;
	}

	/** A finished session keeps answering `closed`, but lets go of its data. */
	finish(session: UploadSession): void {
		session.finished = true;
		session.closed = true;
		this.releaseData(session);
	}

	setPiece(session: UploadSession, offset: number, piece: SessionPiece): void {
		const previous = session.pieces.get(offset);
		if (previous) this.blobs.release(previous.file);
		this.blobs.retain(piece.file);
		session.pieces.set(offset, piece);
	}

	clear(): void {
		this.sessions.clear();
	}

	/** Forgets a session and its data (a start that was refused). */
	drop(session: UploadSession): void {
		this.releaseData(session);
		this.sessions.delete(session.id);
	}

	/** Replaces the session's data file (a concurrent session's joined pieces). */
	replaceFile(session: UploadSession, file: string): void {
		this.blobs.retain(file);
		if (session.file) this.blobs.release(session.file);
		for (const piece of session.pieces.values()) this.blobs.release(piece.file);
		session.pieces.clear();
		session.file = file;
	}

	private releaseData(session: UploadSession): void {
		if (session.file) this.blobs.release(session.file);
		for (const piece of session.pieces.values()) this.blobs.release(piece.file);
		session.pieces.clear();
		session.file = '';
	}
}
