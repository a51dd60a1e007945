/**
 * The Paper doc content reader stops at one request's 150 MiB even when n8n cannot say a binary's size beforehand,
 * and reads content within it whole.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { MAX_PAPER_CONTENT_BYTES, readPaperContent } from '../../../../nodes/DropboxSuite/actions/paperDoc/paperContent';

const MiB = 1024 * 1024;

/** An execution context whose item holds a binary by id, of no known size, streamed as `pieces` pieces of `piece`. */
function contextStreaming(piece: Buffer, pieces: number): { ctx: IExecuteFunctions; read: () => number } {
	let read = 0;
	const parameters: Record<string, unknown> = { inputType: 'binary', binaryPropertyName: 'data' };
	const ctx = {
		getNode: () => ({ name: 'Dropbox Suite', type: 'dropboxSuite', typeVersion: 1, position: [0, 0], parameters: {} }),
		getNodeParameter: (name: string) => parameters[name],
		getInputData: () => [{ json: {}, binary: { data: { id: 'filesystem-v2:x', data: '', mimeType: 'text/markdown', fileName: 'doc.md' } } }],
		helpers: {
			getBinaryMetadata: async () => await Promise.reject(new Error('no metadata')),
			getBinaryStream: async () =>
				(async function* () {
					for (let i = 0; i < pieces; i++) {
						read += piece.length;
						yield piece;
					}
				})(),
		},
	} as unknown as IExecuteFunctions;
	return { ctx, read: () => read };
}

describe('readPaperContent', () => {
	it('stops reading a binary of unknown size once it passes 150 MiB', async () => {
		const piece = Buffer.alloc(4 * MiB, 'a');
		const { ctx, read } = contextStreaming(piece, 1000);
		await expect(readPaperContent(ctx, 0)).rejects.toThrow(`The content is over ${MAX_PAPER_CONTENT_BYTES} bytes: more than Dropbox takes for a Paper doc`);
		expect(read()).toBeLessThanOrEqual(MAX_PAPER_CONTENT_BYTES + piece.length);
	});

	it('reads content within the limit whole, in order', async () => {
		const { ctx } = contextStreaming(Buffer.from('# part\n'), 3);
		expect((await readPaperContent(ctx, 0)).toString()).toBe('# part\n# part\n# part\n');
	});
});
