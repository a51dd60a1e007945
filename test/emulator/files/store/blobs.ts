/**
 * File content on disk under `<dataDir>/blobs/`. A blob is immutable once written; copies share it,
 * and a reference count removes it when the last file (or upload session) lets go.
 */
import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, readdir, rm, truncate, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ContentHasher } from '../content-hash';

export interface StoredBlob {
	file: string;
	size: number;
	contentHash: string;
}

export interface StreamedBlob extends StoredBlob {
	/** The body was longer than `maxBytes`: the blob holds nothing, the rest was drained. */
	overLimit: boolean;
	/** The hash state after the whole content (an upload session made from this blob goes on from it). */
	hasher: ContentHasher;
}

export class BlobStore {
	private readonly refs = new Map<string, number>();

	constructor(readonly dir: string) {}

	async init(): Promise<void> {
		await mkdir(this.dir, { recursive: true });
	}

	newPath(): string {
		return join(this.dir, randomBytes(12).toString('hex'));
	}

	/**
	 * Streams `source` into a new blob, hashing as it goes; memory holds one chunk at a time. Past
	 * `maxBytes` nothing more is written but the body is still read to its end, so that the client
	 * gets an answer rather than a broken connection.
	 */
	async writeStream(source: AsyncIterable<Buffer>, maxBytes = Number.POSITIVE_INFINITY): Promise<StreamedBlob> {
		const file = this.newPath();
		const hasher = new ContentHasher();
		let written: AppendResult;
		try {
			written = await appendStream(file, 'w', 0, source, [hasher], maxBytes);
		} catch (error) {
			// The body broke off (the client went away): nothing will ever refer to this file.
			await unlink(file).catch(() => undefined);
			throw error;
		}
		if (written.overLimit) await unlink(file).catch(() => undefined);
		return { file, size: written.size, contentHash: hasher.digest(), overLimit: written.overLimit, hasher };
	}

	async writeBuffer(data: Buffer): Promise<StoredBlob> {
		return this.writeStream(single(data));
	}

	/** How many holders a blob has (files, kept revisions, upload sessions, answers being sent). */
	holds(file: string): number {
		return this.refs.get(file) ?? 0;
	}

	retain(file: string): void {
		this.refs.set(file, (this.refs.get(file) ?? 0) + 1);
	}

	release(file: string): void {
		const left = (this.refs.get(file) ?? 1) - 1;
		if (left > 0) {
			this.refs.set(file, left);
			return;
		}
		this.refs.delete(file);
		// A download streaming from this file keeps its open descriptor: unlinking is safe.
		void unlink(file).catch(() => undefined);
	}

	/** Removes a blob nothing holds (a refused or redundant write). */
	discardIfUnused(file: string): void {
		if (!this.refs.has(file)) void unlink(file).catch(() => undefined);
	}

	/** Removes every blob on disk that nothing holds (left over from before a restart). */
	async removeUnreferenced(): Promise<void> {
		for (const name of await readdir(this.dir)) {
			const file = join(this.dir, name);
			if (!this.refs.has(file)) await unlink(file).catch(() => undefined);
		}
	}

	async clear(): Promise<void> {
		this.refs.clear();
		await rm(this.dir, { recursive: true, force: true });
		await this.init();
	}
}

export interface AppendResult {
	size: number;
	overLimit: boolean;
}

/**
 * Writes `source` into `file` from byte `position` on, feeding `hasher`. On a failed read (the client
 * went away) the file is cut back to `position`, so a retried chunk lands where it should.
 */
export async function appendStream(
	file: string,
	flags: 'w' | 'r+',
	position: number,
	source: AsyncIterable<Buffer>,
	hashers: ContentHasher[],
	maxBytes = Number.POSITIVE_INFINITY,
): Promise<AppendResult> {
	const handle = await open(file, flags);
	let size = 0;
	let overLimit = false;
	try {
		for await (const chunk of source) {
			if (overLimit) continue;
			if (size + chunk.length > maxBytes) {
				overLimit = true;
				continue;
			}
			await writeFully(handle, chunk, position + size);
			for (const hasher of hashers) hasher.update(chunk);
			size += chunk.length;
		}
		if (overLimit) await handle.truncate(position);
		return { size: overLimit ? 0 : size, overLimit };
	} catch (error) {
		await handle.truncate(position).catch(() => undefined);
		throw error;
	} finally {
		await handle.close();
	}
}

async function writeFully(handle: FileHandle, chunk: Buffer, at: number): Promise<void> {
	let done = 0;
	while (done < chunk.length) {
		const { bytesWritten } = await handle.write(chunk, done, chunk.length - done, at + done);
		done += bytesWritten;
	}
}

export async function* single(data: Buffer): AsyncIterable<Buffer> {
	if (data.length > 0) yield data;
}

/** Reads a body to its end without keeping it (an answer that does not need the data). */
export async function drain(source: AsyncIterable<Buffer>): Promise<number> {
	let size = 0;
	for await (const chunk of source) size += chunk.length;
	return size;
}

/** Cuts a file back to `size` bytes (undoing an append that was refused after it was written). */
export async function truncateTo(file: string, size: number): Promise<void> {
	await truncate(file, size);
}
