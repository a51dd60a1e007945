/**
 * Thumbnail sizes (ThumbnailSize, ThumbnailMode of files.stone) and the scaling itself. Images are only
 * ever scaled down, keeping their aspect ratio: `strict` fits inside the box, `bestfit` inside the box or
 * its transpose (whichever keeps more), `fitone_bestfit` covers the box or its transpose (whichever is
 * smaller), `original` keeps the size. Scaling averages every source pixel a target pixel covers.
 */
import type { Bitmap } from './image-codecs';

export type ThumbnailMode = 'strict' | 'bestfit' | 'fitone_bestfit' | 'original';

/** `w640h480` → [640, 480]. */
export function boxOf(size: string): [number, number] {
	const match = /^w(\d+)h(\d+)$/.exec(size);
	if (!match) throw new RangeError(`not a thumbnail size: ${size}`);
	return [Number(match[1]), Number(match[2])];
}

export function targetSize(width: number, height: number, box: [number, number], mode: ThumbnailMode): [number, number] {
	if (mode === 'original') return [width, height];
	const [w, h] = box;
	const fit = (bw: number, bh: number) => Math.min(1, bw / width, bh / height);
	const cover = (bw: number, bh: number) => Math.min(1, Math.max(bw / width, bh / height));
	let scale: number;
	if (mode === 'strict') scale = fit(w, h);
	else if (mode === 'bestfit') scale = Math.max(fit(w, h), fit(h, w));
	else scale = Math.min(cover(w, h), cover(h, w));
	return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
}

export function scaleDown(source: Bitmap, width: number, height: number): Bitmap {
	if (width === source.width && height === source.height) return source;
	const data = new Uint8Array(width * height * 4);
	const xRatio = source.width / width;
	const yRatio = source.height / height;
	for (let y = 0; y < height; y++) {
		const y0 = Math.floor(y * yRatio);
		const y1 = Math.max(y0 + 1, Math.floor((y + 1) * yRatio));
		for (let x = 0; x < width; x++) {
			const x0 = Math.floor(x * xRatio);
			const x1 = Math.max(x0 + 1, Math.floor((x + 1) * xRatio));
			const sums = [0, 0, 0, 0];
			for (let sy = y0; sy < y1; sy++) {
				for (let sx = x0; sx < x1; sx++) {
					const at = (sy * source.width + sx) * 4;
					for (let c = 0; c < 4; c++) sums[c] += source.data[at + c];
				}
			}
			const count = (y1 - y0) * (x1 - x0);
			for (let c = 0; c < 4; c++) data[(y * width + x) * 4 + c] = Math.round(sums[c] / count);
		}
	}
	return { width, height, data };
}
