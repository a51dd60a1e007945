import { crc32 } from 'node:zlib';
import { readZip } from './testing/read-zip';
import { type ZipItem, type ZipOptions, zipStream } from './zip-writer';

async function* chunked(data: Buffer, size = 64 * 1024): AsyncIterable<Buffer> {
	for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

function file(path: string, data: Buffer, modified = new Date('2024-03-04T05:06:07Z')): ZipItem {
	return { kind: 'file', path, size: data.length, modified, open: () => chunked(data) };
}

async function collect(items: ZipItem[], options?: ZipOptions): Promise<{ archive: Buffer; largest: number }> {
	const chunks: Buffer[] = [];
	for await (const chunk of zipStream(items, options)) chunks.push(chunk);
	return { archive: Buffer.concat(chunks), largest: Math.max(...chunks.map((c) => c.length)) };
}

describe('zipStream', () => {
	const big = Buffer.alloc(3 * 1024 * 1024 + 5);
	for (let i = 0; i < big.length; i++) big[i] = (i * 7 + 3) & 0xff;
	const items = (): ZipItem[] => [
		{ kind: 'folder', path: 'Top' },
		file('Top/a.txt', Buffer.from('hello')),
		{ kind: 'folder', path: 'Top/Sub/' },
		file('Top/Sub/naïve – 日本 😀.txt', Buffer.alloc(0)),
		file('Top/Sub/big.bin', big),
	];

	it('writes stored entries a strict reader accepts: names, bytes, CRCs, UTF-8 flag and UTC times', async () => {
		const { archive } = await collect(items());
		const { entries, zip64End } = readZip(archive);
		expect(zip64End).toBe(false);
		expect(entries.map((e) => [e.name, e.folder, e.data.length])).toEqual([
			['Top/', true, 0],
			['Top/a.txt', false, 5],
			['Top/Sub/', true, 0],
			['Top/Sub/naïve – 日本 😀.txt', false, 0],
			['Top/Sub/big.bin', false, big.length],
		]);
		expect(entries[1].data.toString()).toBe('hello');
		expect(crc32(entries[4].data)).toBe(crc32(big));
		expect(entries[1].modified?.toISOString()).toBe('2024-03-04T05:06:07.000Z');
		// Stored, no compression: the archive is the files plus headers.
		expect(archive.length).toBeLessThan(big.length + 1024);
	});

	it('is deterministic, and streams: no chunk larger than what it reads', async () => {
		const first = await collect(items());
		const second = await collect(items());
		expect(first.archive.equals(second.archive)).toBe(true);
		expect(first.largest).toBeLessThanOrEqual(64 * 1024);
	});

	it('writes Zip64 offsets and end records where the classic fields overflow', async () => {
		// Lowering the threshold reaches Zip64 without writing 4 GiB.
		const { archive } = await collect(items(), { zip64From: 10 });
		const { entries, zip64End } = readZip(archive);
		expect(zip64End).toBe(true);
		expect(entries.map((e) => e.zip64)).toEqual([false, true, true, true, true]);
		expect(crc32(entries[4].data)).toBe(crc32(big));
	});

	it('switches to a Zip64 end record past 65 534 entries', async () => {
		const folders: ZipItem[] = Array.from({ length: 0xffff }, (_, i) => ({ kind: 'folder', path: `d${i}/` }));
		const { entries, zip64End } = readZip((await collect(folders)).archive);
		expect(zip64End).toBe(true);
		expect(entries).toHaveLength(0xffff);
	});

	it('stops reading when its signal aborts, even in the middle of a checksum pass', async () => {
		const abort = new AbortController();
		let reads = 0;
		const source: ZipItem = {
			kind: 'file',
			path: 'slow.bin',
			size: 10 * 64 * 1024,
			async *open() {
				for (let i = 0; i < 10; i++) {
					reads++;
					if (reads === 3) abort.abort(new Error('client gone'));
					yield Buffer.alloc(64 * 1024);
				}
			},
		};
		await expect(collect([source], { signal: abort.signal })).rejects.toThrow('client gone');
		expect(reads).toBe(3);
	});

	it('refuses a file whose bytes differ from its declared size, and one too large for a zip entry', async () => {
		const lying: ZipItem = { kind: 'file', path: 'x', size: 10, open: () => chunked(Buffer.alloc(4)) };
		await expect(collect([lying])).rejects.toThrow(/read 4 bytes, expected 10/);
		const huge: ZipItem = { kind: 'file', path: 'huge', size: 0xffffffff, open: () => chunked(Buffer.alloc(0)) };
		await expect(collect([huge])).rejects.toThrow(RangeError);
	});
});
