/**
 * The binary records of a zip archive (PKWARE APPNOTE 6.3): local file header, central directory header,
 * and the end records, Zip64 where an offset, a size or the entry count does not fit the classic fields.
 * Entries are stored (method 0): the bytes are the files' own, so the archive is deterministic and cheap.
 */

/** A classic field holding this value means "see the Zip64 record"; anything at or above it needs Zip64. */
export const ZIP32_MARKER = 0xffff_ffff;
const ENTRIES_MARKER = 0xffff;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const END = 0x06054b50;

/** General-purpose flag bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;
const VERSION_NEEDED = 20;
const VERSION_NEEDED_ZIP64 = 45;
/** Made by Unix (3), spec 4.5: external attributes carry Unix modes. */
const VERSION_MADE_BY = (3 << 8) | VERSION_NEEDED_ZIP64;
const EXTENDED_TIMESTAMP = 0x5455;
const ZIP64_EXTRA = 0x0001;

export interface EntryInfo {
	/** The entry's name as stored: "/"-separated, a folder's ending in "/". */
	name: Buffer;
	folder: boolean;
	crc: number;
	size: number;
	/** Modification time; a folder may have none (then the DOS epoch, and no extended timestamp). */
	modified?: Date;
}

export function localHeader(entry: EntryInfo): Buffer {
	const extra = timestampExtra(entry.modified);
	const header = Buffer.alloc(30);
	header.writeUInt32LE(LOCAL_HEADER, 0);
	header.writeUInt16LE(VERSION_NEEDED, 4);
	header.writeUInt16LE(UTF8_NAMES, 6);
	header.writeUInt16LE(0, 8); // stored
	writeDosTime(header, 10, entry.modified);
	header.writeUInt32LE(entry.crc, 14);
	header.writeUInt32LE(entry.size, 18);
	header.writeUInt32LE(entry.size, 22);
	header.writeUInt16LE(entry.name.length, 26);
	header.writeUInt16LE(extra.length, 28);
	return Buffer.concat([header, entry.name, extra]);
}

/** `offset`: where the entry's local header starts; at or past `zip64From` it goes in a Zip64 extra field. */
export function centralHeader(entry: EntryInfo, offset: number, zip64From: number): Buffer {
	const zip64 = offset >= zip64From;
	const extra = Buffer.concat([timestampExtra(entry.modified), zip64 ? zip64OffsetExtra(offset) : Buffer.alloc(0)]);
	const header = Buffer.alloc(46);
	header.writeUInt32LE(CENTRAL_HEADER, 0);
	header.writeUInt16LE(VERSION_MADE_BY, 4);
	header.writeUInt16LE(zip64 ? VERSION_NEEDED_ZIP64 : VERSION_NEEDED, 6);
	header.writeUInt16LE(UTF8_NAMES, 8);
	header.writeUInt16LE(0, 10);
	writeDosTime(header, 12, entry.modified);
	header.writeUInt32LE(entry.crc, 16);
	header.writeUInt32LE(entry.size, 20);
	header.writeUInt32LE(entry.size, 24);
	header.writeUInt16LE(entry.name.length, 28);
	header.writeUInt16LE(extra.length, 30);
	header.writeUInt16LE(0, 32); // comment length
	header.writeUInt16LE(0, 34); // disk number start
	header.writeUInt16LE(0, 36); // internal attributes
	header.writeUInt32LE(externalAttributes(entry.folder), 38);
	header.writeUInt32LE(zip64 ? ZIP32_MARKER : offset, 42);
	return Buffer.concat([header, entry.name, extra]);
}

/** The end of the archive: Zip64 end record and locator when anything overflows, then the classic end record. */
export function endRecords(count: number, directoryOffset: number, directorySize: number, zip64From: number): Buffer {
	const zip64 = count >= ENTRIES_MARKER || directoryOffset >= zip64From || directorySize >= zip64From;
	const end = Buffer.alloc(22);
	end.writeUInt32LE(END, 0);
	end.writeUInt16LE(0, 4); // this disk
	end.writeUInt16LE(0, 6); // disk with the directory
	end.writeUInt16LE(zip64 ? ENTRIES_MARKER : count, 8);
	end.writeUInt16LE(zip64 ? ENTRIES_MARKER : count, 10);
	end.writeUInt32LE(zip64 ? ZIP32_MARKER : directorySize, 12);
	end.writeUInt32LE(zip64 ? ZIP32_MARKER : directoryOffset, 16);
	end.writeUInt16LE(0, 20); // comment length
	if (!zip64) return end;

	const record = Buffer.alloc(56);
	record.writeUInt32LE(ZIP64_END, 0);
	record.writeBigUInt64LE(44n, 4); // size of the rest of this record
	record.writeUInt16LE(VERSION_MADE_BY, 12);
	record.writeUInt16LE(VERSION_NEEDED_ZIP64, 14);
	record.writeUInt32LE(0, 16);
	record.writeUInt32LE(0, 20);
	record.writeBigUInt64LE(BigInt(count), 24);
	record.writeBigUInt64LE(BigInt(count), 32);
	record.writeBigUInt64LE(BigInt(directorySize), 40);
	record.writeBigUInt64LE(BigInt(directoryOffset), 48);
	const locator = Buffer.alloc(20);
	locator.writeUInt32LE(ZIP64_LOCATOR, 0);
	locator.writeUInt32LE(0, 4);
	locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8);
	locator.writeUInt32LE(1, 16); // total disks
	return Buffer.concat([record, locator, end]);
}

/** Unix mode in the high half (what unzip restores), the MS-DOS directory bit for folders. */
function externalAttributes(folder: boolean): number {
	return folder ? ((0o40755 << 16) | 0x10) >>> 0 : (0o100644 << 16) >>> 0;
}

/** Info-ZIP's extended timestamp: the exact UTC modification time, which DOS time (local, 2 s) cannot say. */
function timestampExtra(modified: Date | undefined): Buffer {
	if (!modified) return Buffer.alloc(0);
	const field = Buffer.alloc(9);
	field.writeUInt16LE(EXTENDED_TIMESTAMP, 0);
	field.writeUInt16LE(5, 2);
	field.writeUInt8(1, 4); // modification time present
	field.writeUInt32LE(Math.min(Math.max(Math.floor(modified.getTime() / 1000), 0), ZIP32_MARKER), 5);
	return field;
}

function zip64OffsetExtra(offset: number): Buffer {
	const field = Buffer.alloc(12);
	field.writeUInt16LE(ZIP64_EXTRA, 0);
	field.writeUInt16LE(8, 2);
	field.writeBigUInt64LE(BigInt(offset), 4);
	return field;
}

/** DOS time and date (UTC here, as there is no zone to give), clamped to what they can hold (1980–2107). */
function writeDosTime(buffer: Buffer, at: number, modified: Date | undefined): void {
	const date = modified ?? new Date(Date.UTC(1980, 0, 1));
	const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
	const clamped = year !== date.getUTCFullYear();
	const time = clamped ? 0 : (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
	const day = clamped ? (1 << 5) | 1 : ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
	buffer.writeUInt16LE(time, at);
	buffer.writeUInt16LE(((year - 1980) << 9) | day, at + 2);
}
