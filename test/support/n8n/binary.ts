import type { IBinaryData } from 'n8n-workflow';
import { BINARY_ENCODING } from 'n8n-workflow';

import { getHarnessEnvironment } from './environment';

/**
 * An input binary given inline; the harness's start node stores it in the real
 * BinaryDataService, so the node under test sees a filesystem-backed binary with an id.
 */
export function binaryInput(content: Buffer | string, fileName: string, mimeType = 'application/octet-stream'): IBinaryData {
	const bytes = typeof content === 'string' ? Buffer.from(content) : content;
	return { data: bytes.toString(BINARY_ENCODING), fileName, mimeType };
}

/** The bytes behind an output binary, whether stored by id or inline. */
export async function readBinary(binary: IBinaryData): Promise<Buffer> {
	const { binaryDataService } = await getHarnessEnvironment();
	return await binaryDataService.getAsBuffer(binary);
}


/**
 * An input binary stored in the real BinaryDataService straight from a stream, for files too large to pass
 * inline: the node under test sees it by id, as n8n's filesystem mode hands it over.
 */
export async function storedBinaryInput(
	content: NodeJS.ReadableStream,
	fileName: string,
	mimeType = 'application/octet-stream',
): Promise<IBinaryData> {
	const { binaryDataService } = await getHarnessEnvironment();
	return await binaryDataService.store(
		{ type: 'execution', workflowId: 'harness-inputs', executionId: 'stored' },
		content as never,
		{ data: '', fileName, mimeType },
	);
}
