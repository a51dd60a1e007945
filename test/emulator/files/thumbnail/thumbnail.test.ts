/** Thumbnail sizes by mode, the box average, and our WebP encoder's bitstream. */
import { encodeWebpLossless } from './webp-lossless';
import { boxOf, scaleDown, targetSize } from './resize';

describe('targetSize', () => {
	it('fits the box in strict mode, the box or its transpose in bestfit, covers it in fitone_bestfit', () => {
		// A tall 300×600 image in a wide 480×320 box.
		expect(targetSize(300, 600, boxOf('w480h320'), 'strict')).toEqual([160, 320]);
		expect(targetSize(300, 600, boxOf('w480h320'), 'bestfit')).toEqual([240, 480]);
		expect(targetSize(300, 600, boxOf('w480h320'), 'fitone_bestfit')).toEqual([300, 600]);
		expect(targetSize(3000, 6000, boxOf('w480h320'), 'fitone_bestfit')).toEqual([320, 640]);
		expect(targetSize(30, 60, boxOf('w480h320'), 'strict')).toEqual([30, 60]);
		expect(targetSize(3000, 6000, boxOf('w32h32'), 'original')).toEqual([3000, 6000]);
		expect(targetSize(10_000, 1, boxOf('w32h32'), 'strict')).toEqual([32, 1]);
	});
});

describe('scaleDown', () => {
	it('averages the source pixels each target pixel covers', () => {
		const source = { width: 2, height: 2, data: Uint8Array.from([0, 0, 0, 255, 100, 0, 0, 255, 0, 200, 0, 255, 0, 0, 40, 255]) };
		expect([...scaleDown(source, 1, 1).data]).toEqual([25, 50, 10, 255]);
	});
});

describe('encodeWebpLossless', () => {
	it('writes a RIFF WebP with a VP8L chunk of the right size and dimensions', () => {
		const rgba = new Uint8Array(3 * 2 * 4).fill(255);
		const webp = encodeWebpLossless(rgba, 3, 2);
		expect(webp.toString('latin1', 0, 4)).toBe('RIFF');
		expect(webp.readUInt32LE(4)).toBe(webp.length - 8);
		expect(webp.toString('latin1', 8, 16)).toBe('WEBPVP8L');
		expect(webp[20]).toBe(0x2f);
		const header = webp.readUInt32LE(21);
		expect([(header & 0x3fff) + 1, ((header >>> 14) & 0x3fff) + 1, (header >>> 28) & 1]).toEqual([3, 2, 0]);
		// Every pixel costs 32 bits after the fixed codes.
		const chunk = webp.readUInt32LE(16);
		expect(encodeWebpLossless(new Uint8Array(4 * 2 * 4), 4, 2).readUInt32LE(16) - chunk).toBe(8);
	});
});
