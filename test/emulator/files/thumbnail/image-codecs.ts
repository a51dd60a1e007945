/**
 * Reading the images thumbnails are made from, and writing thumbnails. Read: PNG (pngjs), JPEG (jpeg-js)
 * and binary PPM, recognised by their first bytes whatever the name says. Written: JPEG, PNG, and WebP
 * (webp-lossless.ts). Pixels are RGBA, 4 bytes each, row by row.
 */
import * as jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { encodeWebpLossless } from './webp-lossless';

export interface Bitmap {
	width: number;
	height: number;
	data: Uint8Array;
}

export type ThumbnailFormat = 'jpeg' | 'png' | 'webp';

/** The content is not an image the emulator reads (ThumbnailError.unsupported_image). */
export class NotAnImage extends Error {}

/** The content looks like an image but does not decode (ThumbnailError.conversion_error). */
export class UndecodableImage extends Error {}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function decodeImage(data: Buffer): Bitmap {
	const kind = data.subarray(0, 8).equals(PNG_MAGIC) ? 'png' : data[0] === 0xff && data[1] === 0xd8 ? 'jpeg' : data.subarray(0, 2).toString('latin1') === 'P6' ? 'ppm' : undefined;
	if (!kind) throw new NotAnImage();
	try {
		if (kind === 'png') {
			const png = PNG.sync.read(data);
			return { width: png.width, height: png.height, data: png.data };
		}
		if (kind === 'jpeg') {
			const image = jpeg.decode(data, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 512 });
			return { width: image.width, height: image.height, data: image.data };
		}
		return decodePpm(data);
	} catch (error) {
		throw new UndecodableImage((error as Error).message);
	}
}

/** Binary PPM (P6, 8-bit): a text header, then RGB triples. */
function decodePpm(data: Buffer): Bitmap {
	const header = /^P6\s+(?:#[^\n]*\s+)*(\d+)\s+(?:#[^\n]*\s+)*(\d+)\s+(?:#[^\n]*\s+)*(\d+)\s/.exec(data.subarray(0, 200).toString('latin1'));
	if (!header || Number(header[3]) !== 255) throw new Error('not an 8-bit binary PPM');
	const width = Number(header[1]);
	const height = Number(header[2]);
	const start = header[0].length;
	if (data.length < start + width * height * 3) throw new Error('PPM data is cut short');
	const rgba = new Uint8Array(width * height * 4);
	for (let i = 0; i < width * height; i++) {
		rgba.set(data.subarray(start + i * 3, start + i * 3 + 3), i * 4);
		rgba[i * 4 + 3] = 255;
	}
	return { width, height, data: rgba };
}

export function encodeImage(bitmap: Bitmap, format: ThumbnailFormat): Buffer {
	if (format === 'png') {
		const png = new PNG({ width: bitmap.width, height: bitmap.height });
		png.data = Buffer.from(bitmap.data.buffer, bitmap.data.byteOffset, bitmap.data.byteLength);
		return PNG.sync.write(png);
	}
	if (format === 'webp') return encodeWebpLossless(bitmap.data, bitmap.width, bitmap.height);
	return jpeg.encode({ width: bitmap.width, height: bitmap.height, data: bitmap.data }, 80).data;
}
