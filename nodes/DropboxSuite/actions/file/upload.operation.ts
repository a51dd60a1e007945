import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { pathInFolder, readContentInput, readDestination, readSpace } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import type { Commit, FileMetadata, WriteMode } from '../../../shared/transfer/commitInfo';
import { ContentHasher } from '../../../shared/transfer/contentHash';
import { findCommitted, uploadFile } from '../../../shared/transfer/upload';
import { uploadBatch, type BatchJob } from '../../../shared/transfer/uploadBatch';
import { CHUNK_UNIT_BYTES, DEFAULT_CHUNK_BYTES, MAX_CHUNK_BYTES, MAX_FILE_BYTES, MIB } from '../../../shared/transfer/uploadLimits';
import type { UploadSource } from '../../../shared/transfer/uploadSource';
import type { ItemOutcome } from '../operation';
import { defineOperation } from '../operation';
import { uploadProperties } from './upload.properties';

interface UploadOptions {
	writeMode?: 'add' | 'overwrite' | 'update';
	rev?: string;
	autorename?: boolean;
	mute?: boolean;
	strictConflict?: boolean;
	clientModified?: string;
	skipIfUnchanged?: boolean;
	chunkSizeMiB?: number;
	parallelUploads?: number;
}

/** One item's file, ready to send. */
interface PreparedUpload extends BatchJob {
	skipIfUnchanged: boolean;
}

export const upload = defineOperation({
	value: 'upload',
	name: 'Upload',
	action: 'Upload a file',
	description: 'Upload a file of any size, streamed in chunks and checked against its content hash',
	properties: uploadProperties,
	async executeAll(items) {
		const session = dropboxSession(this);
		const first = this.getNodeParameter('options', 0, {}) as UploadOptions;
		const chunkBytes = chunkBytesOf(this, first.chunkSizeMiB);
		const parallel = Math.max(1, Math.min(32, Math.floor(first.parallelUploads ?? 8)));

		const outcomes: Array<ItemOutcome | undefined> = new Array(items.length);
		const prepared: Array<PreparedUpload | undefined> = new Array(items.length);
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				prepared[itemIndex] = await prepare(this, itemIndex, chunkBytes);
			} catch (error) {
				outcomes[itemIndex] = { error };
			}
		}
		// Unchanged files are answered without sending anything.
		for (const [itemIndex, job] of prepared.entries()) {
			if (!job?.skipIfUnchanged) continue;
			try {
				const existing = await findCommitted(session, job.commit, await hashOf(job.source), job.errorContext);
				if (existing) {
					outcomes[itemIndex] = { items: [{ json: { ...existing, skipped: true } }] };
					prepared[itemIndex] = undefined;
				}
			} catch (error) {
				outcomes[itemIndex] = { error };
				prepared[itemIndex] = undefined;
			}
		}
		const toSend = prepared.flatMap((job, itemIndex) => (job ? [{ job, itemIndex }] : []));
		if (toSend.length === 1) {
			// One file takes the plain route: files/upload, or a session and its finish.
			const [{ job, itemIndex }] = toSend;
			outcomes[itemIndex] = await uploadFile(session, job.source, job.commit, { chunkBytes, errorContext: job.errorContext }).then(
				(metadata) => ({ items: [{ json: output(metadata) }] }),
				(error: unknown) => ({ error }),
			);
		} else if (toSend.length > 1) {
			const results = await uploadBatch(session, toSend.map(({ job }) => job), { chunkBytes, parallel });
			toSend.forEach(({ itemIndex }, position) => {
				const result = results[position];
				outcomes[itemIndex] = 'metadata' in result ? { items: [{ json: output(result.metadata) }] } : { error: result.error };
			});
		}
		return outcomes.map((outcome) => outcome ?? { error: new NodeOperationError(this.getNode(), 'The item was not uploaded') });
	},
});

function output(metadata: FileMetadata): INodeExecutionData['json'] {
	return { ...metadata, skipped: false };
}

function chunkBytesOf(ctx: IExecuteFunctions, chunkSizeMiB: number | undefined): number {
	const bytes = Math.round((chunkSizeMiB ?? DEFAULT_CHUNK_BYTES / MIB) * MIB);
	if (bytes < CHUNK_UNIT_BYTES || bytes > MAX_CHUNK_BYTES || bytes % CHUNK_UNIT_BYTES !== 0) {
		throw new NodeOperationError(ctx.getNode(), `A chunk size of ${chunkSizeMiB} MiB is not allowed`, {
			description: 'Use a multiple of 4 MiB from 4 to 148 (Dropbox takes at most 150 MiB per request); 48 suits most connections.',
		});
	}
	return bytes;
}

async function prepare(ctx: IExecuteFunctions, itemIndex: number, chunkBytes: number): Promise<PreparedUpload> {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as UploadOptions;
	const source = await readContentInput(ctx, itemIndex, 'binary', chunkBytes);
	if (source.size !== undefined && source.size > MAX_FILE_BYTES) {
		throw new NodeOperationError(ctx.getNode(), `The file is ${source.size} bytes: more than Dropbox stores in one file`, {
			description: 'Dropbox stores files of up to 2,199,019,061,248 bytes (2 TiB − 4 MiB). Split the file, for example into a multi-part archive.',
		});
	}
	const path = destinationPath(ctx, itemIndex, source.fileName);
	const commit: Commit = {
		path,
		mode: writeModeOf(ctx, options),
		autorename: options.autorename ?? false,
		mute: options.mute ?? false,
		strictConflict: options.strictConflict ?? false,
		clientModified: clientModifiedOf(ctx, options.clientModified),
		space: readSpace(ctx, itemIndex),
	};
	return { source, commit, errorContext: { path }, skipIfUnchanged: options.skipIfUnchanged ?? false };
}

/** The file's path: as given, or, for a destination ending in "/", that folder plus the binary's file name. */
function destinationPath(ctx: IExecuteFunctions, itemIndex: number, fileName: string | undefined): string {
	const destination = readDestination(ctx, 'path', itemIndex);
	if ('path' in destination) return destination.path;
	if (!fileName) {
		throw new NodeOperationError(ctx.getNode(), `"${destination.folder || '/'}" names a folder, and the file has no name of its own`, {
			description: 'Give the full path of the file to write, such as /Notes/today.txt.',
		});
	}
	return pathInFolder(destination.folder, fileName);
}

function writeModeOf(ctx: IExecuteFunctions, options: UploadOptions): WriteMode {
	const kind = options.writeMode ?? 'add';
	if (kind !== 'update') return { kind };
	const rev = (options.rev ?? '').trim();
	if (!rev) {
		throw new NodeOperationError(ctx.getNode(), 'Write mode "Update" needs the revision it replaces', {
			description: 'Set "Revision" to the rev of the file to replace (from a previous Get or Upload), or choose "Overwrite".',
		});
	}
	return { kind, rev };
}

/** Dropbox keeps client_modified to the second, in UTC, as 2024-05-01T12:00:00Z. */
function clientModifiedOf(ctx: IExecuteFunctions, value: string | undefined): string | undefined {
	if (!value) return undefined;
	const time = new Date(value);
	if (Number.isNaN(time.getTime())) {
		throw new NodeOperationError(ctx.getNode(), `"${value}" is not a date and time`, {
			description: 'Use an ISO date and time such as 2024-05-01T12:00:00Z.',
		});
	}
	return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

async function hashOf(source: UploadSource): Promise<string> {
	const hasher = new ContentHasher();
	for await (const piece of await source.open()) hasher.update(piece);
	return hasher.digest();
}
