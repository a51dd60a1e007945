/**
 * files/get_thumbnail_v2 and files/get_thumbnail: a real thumbnail made from the stored image, in the asked
 * format (jpeg, png, webp), size and mode (resize.ts). Which files get one:
 * - a name whose extension is not one files.stone lists (jpg, jpeg, png, tiff, tif, gif, webp, ppm, bmp):
 *   `unsupported_extension`;
 * - content over 20 MiB ("photos larger than 20MB won't be converted") or that is not a PNG, JPEG or binary
 *   PPM (the images the emulator reads; a GIF, TIFF, BMP or WebP too): `unsupported_image`;
 * - content that starts like one of those but does not decode: `conversion_error`.
 * Thumbnails of shared links (`resource: link`) are not served (a 400).
 */
import { readFile } from 'node:fs/promises';
import type { HandlerContext, HandlerResult, StreamBody } from '../../contract';
import { callerView } from '../context';
import { LookupFailure, asRouteError, badRequest, routeError } from '../errors';
import { renderFile, withoutTag } from '../store/render';
import type { FileNode } from '../store/tree';
import { NotAnImage, type ThumbnailFormat, UndecodableImage, decodeImage, encodeImage } from './image-codecs';
import { type ThumbnailMode, boxOf, scaleDown, targetSize } from './resize';

export const THUMBNAIL_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'tiff', 'tif', 'gif', 'webp', 'ppm', 'bmp']);
export const MAX_THUMBNAIL_SOURCE_BYTES = 20 * 1024 * 1024;

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

async function thumbnailAnswer(ctx: HandlerContext, path: string, options: ThumbnailOptions, shape: (metadata: object) => unknown): Promise<HandlerResult> {
	const { store, account, view } = callerView(ctx);
	try {
		const target = store.resolve(view, path, account);
		const found = store.locate(target);
		if (!found) throw new LookupFailure('not_found');
		if (found.node.kind !== 'file') throw new LookupFailure('not_file');
		const data = await thumbnailOf(found.node, options);
		return { kind: 'stream', result: shape(withoutTag(renderFile(target.view, found))), body: bodyOf(data) };
	} catch (error) {
		throw asRouteError(error, { lookup: 'path' });
	}
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
