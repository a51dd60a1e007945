/** The example files every demo account starts with, and deterministic content for seeding by size. */

/** A small valid PNG (1×1 pixel), so that the demo photo is a real image. */
const PIXEL_PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64',
);

export const DEMO_FILES: { path: string; content: Buffer }[] = [
	{ path: '/Getting Started.txt', content: Buffer.from('Welcome to the Dropbox emulator.\nThese files are examples.\n') },
	{ path: '/Documents/report.txt', content: Buffer.from('Quarterly report\n\nEverything is fine.\n') },
	{ path: '/Photos/pixel.png', content: PIXEL_PNG },
	{ path: '/Photos/Holiday/beach.txt', content: Buffer.from('Sand, sea, sun.\n') },
	{ path: '/Café/naïve – 日本.txt', content: Buffer.from('Unicode names round-trip: café, naïve, 日本, emoji 🎉\n') },
];

const PATTERN_BYTES = 1024 * 1024;
let pattern: Buffer | undefined;

/** One MiB of pseudo-random bytes from a fixed seed (xorshift32), repeated to make content of any size. */
function patternBlock(): Buffer {
	if (pattern) return pattern;
	pattern = Buffer.alloc(PATTERN_BYTES);
	let x = 0x9e3779b9;
	for (let i = 0; i < PATTERN_BYTES; i += 4) {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		pattern.writeUInt32LE(x >>> 0, i);
	}
	return pattern;
}

/** Deterministic content of `size` bytes, streamed one MiB at a time (tests recompute it to compare). */
export async function* deterministicBytes(size: number): AsyncIterable<Buffer> {
	const block = patternBlock();
	let left = size;
	while (left > 0) {
		const n = Math.min(left, block.length);
		yield block.subarray(0, n);
		left -= n;
	}
}
