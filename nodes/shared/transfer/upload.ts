/**
 * How a file is uploaded. Up to one chunk: one `files/upload`. Larger: an upload session (uploadSession.ts)
 * and `upload_session/finish`. Every request carries the content hash of its bytes, so Dropbox refuses
 * bytes damaged on the way, and the committed file's hash is compared with the whole file's.
 *
 * A commit is a write: when its answer is lost (dropped connection, 5xx) it is not blindly sent again, which
 * could add a second, renamed copy. The destination is looked up first: a file there with our content hash
 * means the commit landed; otherwise the commit is sent again.
 */
import { NodeApiError, type JsonObject } from 'n8n-workflow';

import { DropboxApiError, asNodeError, type DropboxSession, type ErrorContext } from '../transport';
import { commitArg, type Commit, type FileMetadata } from './commitInfo';
import { fixedSizeChunks } from './chunks';
import { ContentHasher } from './contentHash';
import { chunkHash, stageInSession } from './uploadSession';
import type { UploadSource } from './uploadSource';

export interface UploadOptions {
	chunkBytes: number;
	errorContext?: ErrorContext;
}

/** Commits whose answer was lost are sent at most this often in all. */
const MAX_COMMIT_ATTEMPTS = 3;

export async function uploadFile(
	session: DropboxSession,
	source: UploadSource,
	commit: Commit,
	options: UploadOptions,
): Promise<FileMetadata> {
	if (source.size !== undefined && source.size <= options.chunkBytes) {
		return await uploadInOneRequest(session, source, commit, options);
	}
	const staged = await stageInSession(session, source, { ...options, space: commit.space, close: false });
	const metadata = await commitOnce(session, commit, staged.contentHash, options.errorContext, async () =>
		await session.upload<FileMetadata>('files/upload_session/finish', {
			arg: { cursor: { session_id: staged.sessionId, offset: staged.size }, commit: commitArg(commit) },
			body: Buffer.alloc(0),
			space: commit.space,
			errorContext: options.errorContext,
		}),
	);
	return await verified(session, commit, metadata, staged.contentHash, options.errorContext);
}

async function uploadInOneRequest(
	session: DropboxSession,
	source: UploadSource,
	commit: Commit,
	options: UploadOptions,
): Promise<FileMetadata> {
	let body: Buffer = Buffer.alloc(0);
	// At most one chunk, by the size n8n reported; a source longer than reported is sent in a session.
	for await (const chunk of fixedSizeChunks(await source.open(), options.chunkBytes)) {
		if (body.length > 0) return await uploadFile(session, { ...source, size: undefined }, commit, options);
		body = chunk;
	}
	const bodyHash = chunkHash(body);
	const hash = bodyHash.content_hash ?? new ContentHasher().digest();
	const metadata = await commitOnce(session, commit, hash, options.errorContext, async () =>
		await session.upload<FileMetadata>('files/upload', {
			arg: { ...commitArg(commit), ...bodyHash },
			body,
			space: commit.space,
			errorContext: options.errorContext,
		}),
	);
	return await verified(session, commit, metadata, hash, options.errorContext);
}

/**
 * Sends a commit; when its answer is lost, finds out whether it landed before sending it again. Shared with
 * the batch commit, which reconciles its entries the same way.
 */
export async function commitOnce(
	session: DropboxSession,
	commit: Commit,
	contentHash: string,
	errorContext: ErrorContext | undefined,
	send: () => Promise<FileMetadata>,
): Promise<FileMetadata> {
	for (let attempt = 1; ; attempt++) {
		const outcome = await send().then(
			(metadata) => ({ metadata }),
			(error: unknown) => ({ error }),
		);
		if ('metadata' in outcome) return outcome.metadata;
		const error = outcome.error;
		if (!isAnswerLost(error) || attempt >= MAX_COMMIT_ATTEMPTS) throw asNodeError(session.ctx.getNode(), error);
		const landed = await findCommitted(session, commit, contentHash, errorContext);
		if (landed) return landed;
	}
}

/** A commit whose effect is unknown: no answer, or a server error after the request arrived. */
export function isAnswerLost(error: unknown): boolean {
	if (!(error instanceof DropboxApiError)) return false;
	const { failure } = error;
	if (failure.networkCode === 'ERR_CANCELED') return false;
	return failure.networkCode !== undefined || (failure.status !== undefined && failure.status >= 500);
}

/** The file at the commit's path, if it holds exactly these bytes. */
export async function findCommitted(
	session: DropboxSession,
	commit: Commit,
	contentHash: string,
	errorContext: ErrorContext | undefined,
): Promise<FileMetadata | undefined> {
	const found = await session
		.rpc<FileMetadata & { '.tag': string }>('files/get_metadata', { arg: { path: commit.path }, space: commit.space, errorContext })
		.catch((error: unknown) => {
			if (error instanceof DropboxApiError && error.dropboxTags.includes('not_found')) return undefined;
			throw asNodeError(session.ctx.getNode(), error);
		});
	return found?.['.tag'] === 'file' && found.content_hash === contentHash ? found : undefined;
}

/**
 * Compares the committed file's hash with the bytes read. Dropbox checked every request's bytes already, so a
 * difference means the source changed while it was read: the file is removed again when it was new.
 */
export async function verified(
	session: DropboxSession,
	commit: Commit,
	metadata: FileMetadata,
	contentHash: string,
	errorContext: ErrorContext | undefined,
): Promise<FileMetadata> {
	if (metadata.content_hash === undefined || metadata.content_hash === contentHash) return metadata;
	const path = metadata.path_display ?? commit.path;
	if (commit.mode.kind === 'add') {
		await session.rpc('files/delete_v2', { arg: { path: metadata.id, parent_rev: metadata.rev }, space: commit.space, errorContext });
	}
	throw new NodeApiError(session.ctx.getNode(), { path, stored: metadata.content_hash, sent: contentHash } as JsonObject, {
		message: `The file stored at "${path}" does not hold the bytes that were read`,
		description:
			commit.mode.kind === 'add'
				? 'The binary changed while it was being uploaded; the stored copy was removed again. Run the node again.'
				: `The binary changed while it was being uploaded. Dropbox now holds revision ${metadata.rev}; restore the previous revision from the file's version history if needed, and run the node again.`,
	});
}
