import type {
	IBinaryData,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { BINARY_ENCODING, NodeConnectionTypes } from 'n8n-workflow';

export const EMIT_ITEMS_NODE_TYPE = 'harness.emitItems';

/**
 * The start node of every harness workflow: it emits the test's input items, each paired
 * with its own index. Binary entries given inline (base64 `data`, no `id`) are stored
 * through the real BinaryDataService first, so the node under test gets the same
 * filesystem-backed binaries it gets in n8n.
 */
export class EmitItemsNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Emit Items',
		name: EMIT_ITEMS_NODE_TYPE,
		group: ['input'],
		version: 1,
		description: 'Emits the items a test hands to the harness',
		defaults: { name: 'Emit Items' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const emitted: INodeExecutionData[] = [];
		for (const [index, item] of this.getInputData().entries()) {
			const binary = item.binary === undefined ? undefined : await storeInlineBinaries(this, item.binary);
			emitted.push({ ...item, ...(binary && { binary }), pairedItem: { item: index } });
		}
		return [emitted];
	}
}

async function storeInlineBinaries(
	context: IExecuteFunctions,
	binaries: Record<string, IBinaryData>,
): Promise<Record<string, IBinaryData>> {
	const stored: Record<string, IBinaryData> = {};
	for (const [key, binary] of Object.entries(binaries)) {
		stored[key] =
			binary.id === undefined
				? await context.helpers.prepareBinaryData(
						Buffer.from(binary.data, BINARY_ENCODING),
						binary.fileName,
						binary.mimeType,
					)
				: binary;
	}
	return stored;
}
