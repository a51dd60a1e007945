import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { contentInputProperties, readContentInput } from '../../../shared/parameters';
import { MIB } from '../../../shared/transfer/uploadLimits';

/** One upload-style request carries at most 150 MiB: a Paper doc's content is sent in one. */
export const MAX_PAPER_CONTENT_BYTES = 150 * MIB;

/** Where a Paper doc's content comes from, and how Dropbox reads it: shared by Create and Update. */
export const paperContentProperties: INodeProperties[] = [
	...contentInputProperties({
		defaultType: 'text',
		binaryHint: 'The name of the input binary field holding the content (a .md, .html or .txt file)',
		textDisplayName: 'Content',
		textDescription: 'The doc\'s content, in the import format below',
	}),
	{
		displayName: 'Import Format',
		name: 'importFormat',
		type: 'options',
		options: [
			{ name: 'Markdown', value: 'markdown' },
			{ name: 'HTML', value: 'html' },
			{ name: 'Plain Text', value: 'plain_text' },
		],
		default: 'markdown',
		description: 'How Dropbox reads the content',
	},
];

export type ImportFormat = 'markdown' | 'html' | 'plain_text';

/** The content to send, read whole (one request carries it) but never past MAX_PAPER_CONTENT_BYTES. */
export async function readPaperContent(ctx: IExecuteFunctions, itemIndex: number): Promise<Buffer> {
	const source = await readContentInput(ctx, itemIndex, 'text', 4 * MIB);
	if (source.size !== undefined && source.size > MAX_PAPER_CONTENT_BYTES) throw tooLarge(ctx, `${source.size} bytes`);
	const pieces: Buffer[] = [];
	let bytes = 0;
	for await (const piece of await source.open()) {
		bytes += piece.length;
		// A size not known beforehand (or wrongly reported) is checked as the bytes come.
		if (bytes > MAX_PAPER_CONTENT_BYTES) throw tooLarge(ctx, `over ${MAX_PAPER_CONTENT_BYTES} bytes`);
		pieces.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
	}
	return pieces.length === 1 ? pieces[0] : Buffer.concat(pieces, bytes);
}

function tooLarge(ctx: IExecuteFunctions, size: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `The content is ${size}: more than Dropbox takes for a Paper doc`, {
		description:
			'Dropbox takes at most 150 MiB in one request, and a Paper doc is sent in one. Split the content into several docs, or upload it as a regular file with File → Upload.',
	});
}
