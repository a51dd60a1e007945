import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { assertPairedItems, runNode } from './index';

/** Emits `copies` items per input item; pairs them only when `pair` is on. */
class FanOutNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fan Out',
		name: 'fanOut',
		group: ['transform'],
		version: 1,
		description: 'Repeats items',
		defaults: { name: 'Fan Out' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Copies', name: 'copies', type: 'number', default: 1 },
			{ displayName: 'Pair', name: 'pair', type: 'boolean', default: true },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		this.getInputData().forEach((item, index) => {
			const copies = this.getNodeParameter('copies', index) as number;
			const pair = this.getNodeParameter('pair', index) as boolean;
			for (let copy = 0; copy < copies; copy++) {
				out.push({ json: { ...item.json, copy }, ...(pair && { pairedItem: { item: index } }) });
			}
		});
		return [out];
	}
}

describe('assertPairedItems', () => {
	it('accepts numbers, objects and lists of them', () => {
		expect(() =>
			assertPairedItems([
				{ json: {}, pairedItem: 0 },
				{ json: {}, pairedItem: { item: 1 } },
				{ json: {}, pairedItem: [{ item: 0 }, { item: 1, input: 0 }] },
			]),
		).not.toThrow();
	});

	it('names every item without a pairedItem, or with one beyond the input', () => {
		expect(() => assertPairedItems([{ json: {} }, { json: {}, pairedItem: { item: 0 } }, { json: {}, pairedItem: [] }])).toThrow(
			'item 0 has no pairedItem; item 2 has no pairedItem',
		);
		expect(() => assertPairedItems([{ json: {}, pairedItem: { item: 3 } }], 2)).toThrow(/only 2 came in/);
	});
});

describe('runNode keeps pairedItem', () => {
	const inputItems = [{ json: { n: 1 } }, { json: { n: 2 } }];

	it('returns the pairedItems a node sets, unstripped', async () => {
		const result = await runNode({ nodeType: new FanOutNode(), parameters: { copies: 2 }, inputItems });

		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
		assertPairedItems(result.items, inputItems.length);
		assertPairedItems(result.nodeOutput[0], inputItems.length);
	});

	it('shows in nodeOutput what n8n-core fills in when the node forgets to pair', async () => {
		// One output per input: n8n-core pairs them by index, so only nodeOutput reveals the omission.
		const result = await runNode({ nodeType: new FanOutNode(), parameters: { pair: false }, inputItems });

		expect(() => assertPairedItems(result.items)).not.toThrow();
		expect(() => assertPairedItems(result.nodeOutput[0])).toThrow(/item 0 has no pairedItem/);
	});

	it('leaves unpaired output unpaired when n8n-core cannot guess', async () => {
		const result = await runNode({ nodeType: new FanOutNode(), parameters: { copies: 2, pair: false }, inputItems });

		expect(() => assertPairedItems(result.items)).toThrow(/no pairedItem/);
	});
});
