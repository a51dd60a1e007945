/**
 * Reads a small zip archive held in memory, checking what a strict reader checks: the end record (Zip64
 * too), every central entry against its local header, and each entry's CRC-32. For tests only.
 */
import { crc32 } from 'node:zlib';

export interface ReadEntry {
	name: string;
	folder: boolean;
	data: Buffer;
	/** From the extended timestamp field, when there is one. */
	modified?: Date;
	/** Whether the central entry needed Zip64 for its offset. */
	zip64: boolean;
}

export interface ReadZip {
	entries: ReadEntry[];
	/** The archive ends with Zip64 end records. */
	zip64End: boolean;
}

export function readZip(archive: Buffer): ReadZip {
	const endAt = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	if (endAt < 0 || endAt + 22 > archive.length) throw new Error('no end of central directory record');
	let count = archive.readUInt16LE(endAt + 10);
	let directorySize = archive.readUInt32LE(endAt + 12);
	let directoryOffset = archive.readUInt32LE(endAt + 16);
	const zip64End = count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff;
	if (zip64End) {
		const locatorAt = endAt - 20;
		if (archive.readUInt32LE(locatorAt) !== 0x07064b50) throw new Error('no Zip64 end locator');
		const recordAt = Number(archive.readBigUInt64LE(locatorAt + 8));
		if (archive.readUInt32LE(recordAt) !== 0x06064b50) throw new Error('no Zip64 end record');
		count = Number(archive.readBigUInt64LE(recordAt + 32));
		directorySize = Number(archive.readBigUInt64LE(recordAt + 40));
		directoryOffset = Number(archive.readBigUInt64LE(recordAt + 48));
	}
	const entries: ReadEntry[] = [];
	let at = directoryOffset;
	for (let i = 0; i < count; i++) {
		if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error(`central entry ${i}: bad signature`);
		const flags = archive.readUInt16LE(at + 8);
		if (archive.readUInt16LE(at + 10) !== 0) throw new Error(`central entry ${i}: not stored`);
		const crc = archive.readUInt32LE(at + 16);
		const size = archive.readUInt32LE(at + 24);
		const nameLength = archive.readUInt16LE(at + 28);
		const extraLength = archive.readUInt16LE(at + 30);
		const commentLength = archive.readUInt16LE(at + 32);
		let localAt = archive.readUInt32LE(at + 42);
		const name = archive.subarray(at + 46, at + 46 + nameLength);
		const extra = extraFields(archive.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
		const zip64 = localAt === 0xffffffff;
		if (zip64) {
			const field = extra.get(0x0001);
			if (!field) throw new Error(`central entry ${i}: Zip64 offset missing`);
			localAt = Number(field.readBigUInt64LE(0));
		}
		if ((flags & 0x0800) === 0) throw new Error(`central entry ${i}: name not flagged UTF-8`);
		entries.push(readLocal(archive, localAt, name, crc, size, zip64, extra.get(0x5455)));
		at += 46 + nameLength + extraLength + commentLength;
	}
	if (at !== directoryOffset + directorySize) throw new Error('central directory size does not add up');
	return { entries, zip64End };
}

function readLocal(archive: Buffer, at: number, name: Buffer, crc: number, size: number, zip64: boolean, timestamp: Buffer | undefined): ReadEntry {
	const text = name.toString('utf8');
	if (archive.readUInt32LE(at) !== 0x04034b50) throw new Error(`${text}: bad local header signature`);
	if (archive.readUInt16LE(at + 6) & 0x0008) throw new Error(`${text}: uses a data descriptor`);
	if (archive.readUInt32LE(at + 14) !== crc || archive.readUInt32LE(at + 22) !== size) throw new Error(`${text}: local header disagrees with the directory`);
	const nameLength = archive.readUInt16LE(at + 26);
	const extraLength = archive.readUInt16LE(at + 28);
	if (!archive.subarray(at + 30, at + 30 + nameLength).equals(name)) throw new Error(`${text}: local name differs`);
	const start = at + 30 + nameLength + extraLength;
	const data = archive.subarray(start, start + size);
	if (crc32(data) !== crc) throw new Error(`${text}: CRC-32 mismatch`);
	const modified = timestamp && timestamp.readUInt8(0) & 1 ? new Date(timestamp.readUInt32LE(1) * 1000) : undefined;
	return { name: text, folder: text.endsWith('/'), data, zip64, ...(modified ? { modified } : {}) };
}

function extraFields(extra: Buffer): Map<number, Buffer> {
	const fields = new Map<number, Buffer>();
	for (let at = 0; at + 4 <= extra.length; ) {
		const id = extra.readUInt16LE(at);
		const length = extra.readUInt16LE(at + 2);
		fields.set(id, extra.subarray(at + 4, at + 4 + length));
		at += 4 + length;
	}
	return fields;
}
