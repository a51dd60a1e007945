import type { IDataObject } from 'n8n-workflow';

import { binaryOutputProperty, pathLocator, readBinaryOutputField, readPath, readSpace, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { downloadToBinary } from '../../../shared/transfer/download';
import { defineOperation } from '../operation';

type ThumbnailFormat = 'jpeg' | 'png' | 'webp';

const EXTENSION: Record<ThumbnailFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

/** The sizes Dropbox makes, as `w<width>h<height>`. */
const SIZES = [
	['Extra Small (32×32)', 'w32h32'],
	['Small (64×64)', 'w64h64'],
	['Medium (128×128)', 'w128h128'],
	['Large (256×256)', 'w256h256'],
	['480×320', 'w480h320'],
	['640×480', 'w640h480'],
	['960×640', 'w960h640'],
	['1024×768', 'w1024h768'],
	['2048×1536', 'w2048h1536'],
] as const;

export const getThumbnail = defineOperation({
	value: 'getThumbnail',
	name: 'Get Thumbnail',
	action: 'Get a thumbnail of an image file',
	description:
		'Get a scaled-down picture of an image (jpg, jpeg, png, tiff, tif, gif, webp, ppm, bmp; photos up to 20 MB) into a binary field',
	properties: [
		...spaceProperties,
		pathLocator({ displayName: 'File', name: 'path', description: 'The image to make a thumbnail of' }),
		{
			displayName: 'Format',
			name: 'format',
			type: 'options',
			options: [
				{ name: 'JPEG', value: 'jpeg', description: 'Best for photos' },
				{ name: 'PNG', value: 'png', description: 'Best for screenshots and drawings' },
				{ name: 'WebP', value: 'webp', description: 'Smallest files' },
			],
			default: 'jpeg',
			description: 'The image format of the thumbnail',
		},
		{
			displayName: 'Size',
			name: 'size',
			type: 'options',
			options: SIZES.map(([name, value]) => ({ name, value })),
			default: 'w256h256',
			description: 'The box the thumbnail must fit, width × height in pixels',
		},
		{
			displayName: 'Resize Mode',
			name: 'mode',
			type: 'options',
			options: [
				{ name: 'Fit Inside', value: 'strict', description: 'Scale down to fit within the size' },
				{ name: 'Fit Inside, Either Way Round', value: 'bestfit', description: 'Scale down to fit within the size or its transpose (portrait images fit a landscape box turned)' },
				{ name: 'Cover', value: 'fitone_bestfit', description: 'Scale down to cover the whole size or its transpose' },
			],
			default: 'strict',
			description: 'How the image is scaled to the size',
		},
		binaryOutputProperty('The name of the output binary field to put the thumbnail in'),
	],
	async execute(itemIndex) {
		const path = readPath(this, 'path', itemIndex);
		const format = this.getNodeParameter('format', itemIndex, 'jpeg') as ThumbnailFormat;
		const size = this.getNodeParameter('size', itemIndex, 'w256h256') as string;
		const mode = this.getNodeParameter('mode', itemIndex, 'strict') as string;
		const field = readBinaryOutputField(this, itemIndex);
		const { result, binary } = await downloadToBinary<{ file_metadata?: IDataObject & { name?: string } }>(
			this,
			dropboxSession(this),
			{
				route: 'files/get_thumbnail_v2',
				arg: {
					resource: { '.tag': 'path', path },
					format: { '.tag': format },
					size: { '.tag': size },
					mode: { '.tag': mode },
				},
				space: readSpace(this, itemIndex),
				errorContext: { path },
			},
			({ file_metadata }) => ({ fileName: thumbnailName(file_metadata?.name, format), mimeType: `image/${format}` }),
		);
		return [{ json: result.file_metadata ?? {}, binary: { [field]: binary } }];
	},
});

/** "holiday.png" as a JPEG thumbnail → "holiday.jpg". */
function thumbnailName(name: string | undefined, format: ThumbnailFormat): string {
	const base = (name ?? 'thumbnail').replace(/\.[^.]*$/, '') || 'thumbnail';
	return `${base}.${EXTENSION[format]}`;
}
