/**
 * A zip archive as a stream of chunks, never whole in memory: per entry its local header, then its bytes
 * as they are read. Each file is read twice — once for its CRC-32, which the header before the data
 * needs, then for the data — so that no data descriptors are needed (some readers refuse stored entries
 * with them). Only the central directory (a few dozen bytes per entry) is held until the end.
 */
import { crc32 } from 'node:zlib';
import { type EntryInfo, ZIP32_MARKER, centralHeader, endRecords, localHeader } from './zip-records';

export type ZipItem =
	| { kind: 'folder'; path: string; modified?: Date }
	| {
			kind: 'file';
			path: string;
			modified?: Date;
			/** Must be below 0xFFFFFFFF: entries carry classic 32-bit sizes. */
			size: number;
			/** The content; called twice (checksum, then data), and must give the same bytes both times. */
			open(): AsyncIterable<Buffer>;
	  };

export interface ZipOptions {
	/** Offsets and sizes from this value up are written as Zip64 (tests lower it to reach Zip64 cheaply). */
	zip64From?: number;
	/** Stops the stream (with the signal's reason) between two chunks read, e.g. when the client has gone. */
	signal?: AbortSignal;
}

/** How many central directory bytes are gathered into one chunk at the end. */
const DIRECTORY_CHUNK_BYTES = 64 * 1024;

export async function* zipStream(items: Iterable<ZipItem>, options: ZipOptions = {}): AsyncGenerator<Buffer> {
	const zip64From = options.zip64From ?? ZIP32_MARKER;
	const directory: Buffer[] = [];
	let offset = 0;
	for (const item of items) {
		if (item.kind === 'file' && item.size >= ZIP32_MARKER) throw new RangeError(`${item.path}: too large for a zip entry`);
		const name = item.kind === 'folder' && !item.path.endsWith('/') ? `${item.path}/` : item.path;
		const entry: EntryInfo = {
			name: Buffer.from(name, 'utf8'),
			folder: item.kind === 'folder',
			crc: item.kind === 'file' ? await checksum(item.open(), item.size, item.path, options.signal) : 0,
			size: item.kind === 'file' ? item.size : 0,
			modified: item.modified,
		};
		directory.push(centralHeader(entry, offset, zip64From));
		const header = localHeader(entry);
		yield header;
		offset += header.length;
		if (item.kind === 'file') {
			let sent = 0;
			for await (const chunk of item.open()) {
				options.signal?.throwIfAborted();
				sent += chunk.length;
				yield chunk;
			}
			// The header promised this many bytes: a different count would make the rest of the archive unreadable.
			if (sent !== item.size) throw new Error(`${item.path}: read ${sent} bytes, expected ${item.size}`);
			offset += sent;
		}
	}
	const directoryOffset = offset;
	let directorySize = 0;
	for (let start = 0; start < directory.length; ) {
		const batch: Buffer[] = [];
		let bytes = 0;
		while (start < directory.length && bytes < DIRECTORY_CHUNK_BYTES) {
			bytes += directory[start].length;
			batch.push(directory[start++]);
		}
		directorySize += bytes;
		yield Buffer.concat(batch);
	}
	yield endRecords(directory.length, directoryOffset, directorySize, zip64From);
}

async function checksum(source: AsyncIterable<Buffer>, size: number, path: string, signal: AbortSignal | undefined): Promise<number> {
	let crc = 0;
	let seen = 0;
	for await (const chunk of source) {
		// A large file's checksum pass sends nothing: without this, a client gone meanwhile costs a whole read.
		signal?.throwIfAborted();
		crc = crc32(chunk, crc);
		seen += chunk.length;
	}
	if (seen !== size) throw new Error(`${path}: read ${seen} bytes, expected ${size}`);
	return crc;
}
