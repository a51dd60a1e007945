/**
 * files/get_thumbnail_v2, files/get_thumbnail and files/get_thumbnail_batch: a real thumbnail made from the stored image, in the asked
 * format (jpeg, png, webp), size and mode (resize.ts). Which files get one:
 * - a name whose extension is not one files.stone lists (jpg, jpeg, png, tiff, tif, gif, webp, ppm, bmp):
 *   `unsupported_extension`;
 * - content over 20 MiB ("photos larger than 20MB won't be converted") or that is not a PNG, JPEG or binary
 *   PPM (the images the emulator reads; a GIF, TIFF, BMP or WebP too): `unsupported_image`;
 * - content that starts like one of those but does not decode: `conversion_error`.
 * Thumbnails of shared links (`resource: link`) are not served (a 400). get_thumbnail_batch answers each
 * entry's thumbnail in base64, or its error at its position; more than 25 entries is `too_many_files`.
 */
import { readFile } from 'node:fs/promises';
import { ApiError, type HandlerContext, type HandlerResult, type StreamBody } from '../../contract';
import { callerView } from '../context';
import { asRouteError, badRequest, json, routeError } from '../errors';
import { renderFile, withoutTag } from '../store/render';
import type { FileNode } from '../store/tree';
import { NotAnImage, type ThumbnailFormat, UndecodableImage, decodeImage, encodeImage } from './image-codecs';
import { type ThumbnailMode, boxOf, scaleDown, targetSize } from './resize';

export const THUMBNAIL_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'tiff', 'tif', 'gif', 'webp', 'ppm', 'bmp']);
export const MAX_THUMBNAIL_SOURCE_BYTES = 20 * 1024 * 1024;

type Caller = ReturnType<typeof callerView>;
type Tag<T extends string> = T | { '.tag': T };
const tagOf = <T extends string>(value: Tag<T> | undefined, fallback: T): T => (value === undefined ? fallback : typeof value === 'string' ? value : value['.tag']);

interface ThumbnailOptions {
	format?: Tag<ThumbnailFormat>;
	size?: Tag<string>;
	mode?: Tag<ThumbnailMode>;
}

async function thumbnailOf(file: FileNode, options: ThumbnailOptions): Promise<Buffer> {
	const dot = file.name.lastIndexOf('.');
	if (dot <= 0 || !THUMBNAIL_EXTENSIONS.has(file.name.slice(dot + 1).toLowerCase())) throw routeError({ '.tag': 'unsupported_extension' });
	if (file.size > MAX_THUMBNAIL_SOURCE_BYTES) throw routeError({ '.tag': 'unsupported_image' });
	try {
		const image = decodeImage(await readFile(file.blob));
		const [width, height] = targetSize(image.width, image.height, boxOf(tagOf(options.size, 'w64h64')), tagOf(options.mode, 'strict'));
		return encodeImage(scaleDown(image, width, height), tagOf(options.format, 'jpeg'));
	} catch (error) {
		if (error instanceof NotAnImage) throw routeError({ '.tag': 'unsupported_image' });
		if (error instanceof UndecodableImage) throw routeError({ '.tag': 'conversion_error' });
		throw error;
	}
}

/** The file's metadata and its thumbnail; a refusal is an ApiError(409) carrying the ThumbnailError. */
async function thumbnailAt({ store, account, view }: Caller, path: string, options: ThumbnailOptions): Promise<{ metadata: object; data: Buffer }> {
	try {
		const target = store.resolve(view, path, account);
		const found = store.locateFile(target);
		const data = await thumbnailOf(found.node, options);
		return { metadata: withoutTag(renderFile(target.view, found)), data };
	} catch (error) {
		throw asRouteError(error, { lookup: 'path' });
	}
}

async function thumbnailAnswer(ctx: HandlerContext, path: string, options: ThumbnailOptions, shape: (metadata: object) => unknown): Promise<HandlerResult> {
	const { metadata, data } = await thumbnailAt(callerView(ctx), path, options);
	return { kind: 'stream', result: shape(metadata), body: bodyOf(data) };
}

function bodyOf(data: Buffer): StreamBody {
	return {
		async *chunks() {
			yield data;
		},
		close() {},
	};
}

export async function getThumbnailV2(ctx: HandlerContext): Promise<HandlerResult> {
	const arg = ctx.arg as ThumbnailOptions & { resource: { '.tag': 'path'; path: string } | { '.tag': 'link' } };
	if (arg.resource['.tag'] !== 'path') throw badRequest(ctx.route.key, 'request body: resource: thumbnails of shared links are not served by the Dropbox emulator');
	return thumbnailAnswer(ctx, arg.resource.path, arg, (file_metadata) => ({ file_metadata }));
}

export async function getThumbnail(ctx: HandlerContext): Promise<HandlerResult> {
	const arg = ctx.arg as ThumbnailOptions & { path: string };
	return thumbnailAnswer(ctx, arg.path, arg, (metadata) => metadata);
}

/** At most this many entries in one get_thumbnail_batch (files.stone: "up to 25 thumbnails"). */
export const MAX_THUMBNAIL_BATCH = 25;

/** files/get_thumbnail_batch: each entry's thumbnail, base64, or its ThumbnailError, at its position. */
export async function getThumbnailBatch(ctx: HandlerContext): Promise<HandlerResult> {
	const caller = callerView(ctx);
	const { entries } = ctx.arg as { entries: Array<ThumbnailOptions & { path: string }> };
	if (entries.length > MAX_THUMBNAIL_BATCH) throw routeError({ '.tag': 'too_many_files' });
	const results = [];
	for (const entry of entries) {
		try {
			const { metadata, data } = await thumbnailAt(caller, entry.path, entry);
			results.push({ '.tag': 'success', metadata, thumbnail: data.toString('base64') });
		} catch (error) {
			if (!(error instanceof ApiError) || error.status !== 409) throw error;
			results.push({ '.tag': 'failure', failure: error.error });
		}
	}
	return json({ entries: results });
}
