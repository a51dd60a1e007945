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

