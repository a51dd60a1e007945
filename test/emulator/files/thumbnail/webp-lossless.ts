/**
 * A WebP encoder of our own (no pure-JS one is packaged): lossless VP8L with no transforms, no colour
 * cache and fixed 8-bit prefix codes — every pixel costs 32 bits, like an uncompressed bitmap, but it is a
 * valid WebP that any decoder reads. Thumbnails are small, so size is not the point; being a real WebP is.
 */

/** Writes bits least-significant first, as VP8L reads them. */
class BitWriter {
	private readonly bytes: number[] = [];
	private current = 0;
	private used = 0;

	write(value: number, count: number): void {
		for (let i = 0; i < count; i++) {
			this.current |= ((value >>> i) & 1) << this.used;
			this.used += 1;
			if (this.used === 8) this.flush();
		}
	}

	/** A prefix code's bits, most significant first (VP8L reads a code bit by bit from its top). */
	writeCode(code: number, length: number): void {
		for (let i = length - 1; i >= 0; i--) this.write((code >>> i) & 1, 1);
	}

	finish(): Buffer {
		if (this.used > 0) this.flush();
		return Buffer.from(this.bytes);
	}

	private flush(): void {
		this.bytes.push(this.current);
		this.current = 0;
		this.used = 0;
	}
}

/** The order VP8L sends the code-length code's lengths in. */
const CODE_LENGTH_ORDER = [17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

/**
 * A prefix code over `alphabet` symbols where the first 256 have length 8 (code = the symbol) and the rest
 * are unused. Its code lengths are sent with a code-length code of two 1-bit codes: `0` → length 0,
 * `1` → length 8.
 */
function writeByteCode(bits: BitWriter, alphabet: number): void {
	bits.write(0, 1); // a normal (not simple) code
	const lengths = new Map([
		[0, 1],
		[8, 1],
	]);
	const count = CODE_LENGTH_ORDER.indexOf(8) + 1;
	bits.write(count - 4, 4);
	for (let i = 0; i < count; i++) bits.write(lengths.get(CODE_LENGTH_ORDER[i]) ?? 0, 3);
	bits.write(0, 1); // every symbol's length follows
	for (let symbol = 0; symbol < alphabet; symbol++) bits.write(symbol < 256 ? 1 : 0, 1);
}

/** RGBA pixels (4 bytes each, row by row) → a WebP file. */
export function encodeWebpLossless(rgba: Uint8Array, width: number, height: number): Buffer {
	if (width < 1 || height < 1 || width > 16384 || height > 16384) throw new RangeError(`cannot encode ${width}×${height} as WebP`);
	const bits = new BitWriter();
	bits.write(0x2f, 8); // VP8L signature
	bits.write(width - 1, 14);
	bits.write(height - 1, 14);
	let hasAlpha = 0;
	for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) hasAlpha = 1;
	bits.write(hasAlpha, 1);
	bits.write(0, 3); // version
	bits.write(0, 1); // no transform
	bits.write(0, 1); // no colour cache
	bits.write(0, 1); // one prefix-code group for the whole image
	writeByteCode(bits, 256 + 24); // green and backward-reference lengths
	writeByteCode(bits, 256); // red
	writeByteCode(bits, 256); // blue
	writeByteCode(bits, 256); // alpha
	bits.write(1, 1); // distance: a simple code of one symbol (never used)
	bits.write(0, 1);
	bits.write(0, 1);
	bits.write(0, 1);
	for (let i = 0; i < width * height * 4; i += 4) {
		bits.writeCode(rgba[i + 1], 8);
		bits.writeCode(rgba[i], 8);
		bits.writeCode(rgba[i + 2], 8);
		bits.writeCode(rgba[i + 3], 8);
	}
	const data = bits.finish();
	const padded = data.length % 2 === 1 ? Buffer.concat([data, Buffer.alloc(1)]) : data;
	const chunkHeader = Buffer.alloc(8);
	chunkHeader.write('VP8L', 0, 'ascii');
	chunkHeader.writeUInt32LE(data.length, 4);
	const riff = Buffer.alloc(12);
	riff.write('RIFF', 0, 'ascii');
	riff.writeUInt32LE(4 + 8 + padded.length, 4);
	riff.write('WEBP', 8, 'ascii');
	return Buffer.concat([riff, chunkHeader, padded]);
}
