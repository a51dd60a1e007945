import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { defineOperation, type Operation, type OperationItem } from '../../../nodes/DropboxSuite/actions/operation';
import { OPERATIONS, findOperation, operationProperties } from '../../../nodes/DropboxSuite/actions/resources';
import { runOperation } from '../../../nodes/DropboxSuite/actions/router';
import { dropboxNode } from '../transport/node.fixture';

/** An execute context with `count` input items; `abort` cancels it as n8n's Stop button does. */
function executeContext(count: number, continueOnFail: boolean) {
	const controller = new AbortController();
	const node = dropboxNode();
	const items: INodeExecutionData[] = Array.from({ length: count }, (_, index) => ({ json: { index } }));
	const ctx = {
		getNode: () => node,
		getInputData: () => items,
		continueOnFail: () => continueOnFail,
		getExecutionCancelSignal: () => controller.signal,
	} as unknown as IExecuteFunctions;
	return { ctx, abort: () => controller.abort() };
}

const perItem = (execute: (itemIndex: number) => Promise<OperationItem[]>): Operation =>
	defineOperation({ value: 'test', name: 'Test', action: 'Test', description: '', properties: [], execute });

describe('the router', () => {
	it('pairs every output item with its input item, whatever the operation returned', async () => {
		const { ctx } = executeContext(3, false);
		const operation = perItem(async (itemIndex) => {
			const items = Array.from({ length: itemIndex + 1 }, () => ({ json: { itemIndex } }));
			// An operation that tried to pair items itself is overruled.
			return items.map((item) => ({ ...item, pairedItem: { item: 99 } }));
		});
		const output = await runOperation(ctx, operation);
		expect(output.map((item) => [item.json.itemIndex, item.pairedItem])).toEqual([
			[0, { item: 0 }],
			[1, { item: 1 }],
			[1, { item: 1 }],
			[2, { item: 2 }],
			[2, { item: 2 }],
			[2, { item: 2 }],
		]);
	});

	it('puts the item index on an error and stops at the first failure without Continue On Fail', async () => {
		const { ctx } = executeContext(3, false);
		const seen: number[] = [];
		const operation = perItem(async (itemIndex) => {
			seen.push(itemIndex);
			if (itemIndex === 1) throw new NodeOperationError(dropboxNode(), 'item 1 is bad');
			return [{ json: {} }];
		});
		await expect(runOperation(ctx, operation)).rejects.toMatchObject({ context: { itemIndex: 1 } });
		expect(seen).toEqual([0, 1]);
	});

	it('turns a failed item into a paired error item under Continue On Fail', async () => {
		const { ctx } = executeContext(3, true);
		const operation = perItem(async (itemIndex) => {
			if (itemIndex === 1) throw new Error('item 1 is bad');
			return [{ json: { ok: itemIndex } }];
		});
		const output = await runOperation(ctx, operation);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json).toMatchObject({ error: 'item 1 is bad' });
	});

	it('gives an all-items operation every item at once, with the same results, errors and pairing', async () => {
		const { ctx } = executeContext(3, true);
		let calls = 0;
		const operation = defineOperation({
			value: 'batch',
			name: 'Batch',
			action: 'Batch',
			description: '',
			properties: [],
			async executeAll(items) {
				calls++;
				return items.map((item, index) =>
					index === 1 ? { error: new Error('entry 1 failed') } : { items: [{ json: { got: item.json.index } }] },
				);
			},
		});
		const output = await runOperation(ctx, operation);
		expect(calls).toBe(1);
		expect(output.map((item) => [item.json.got ?? item.json.error, item.pairedItem])).toEqual([
			[0, { item: 0 }],
			['entry 1 failed', { item: 1 }],
			[2, { item: 2 }],
		]);
	});

	it('stops a cancelled execution even under Continue On Fail', async () => {
		const { ctx, abort } = executeContext(5, true);
		const seen: number[] = [];
		const operation = perItem(async (itemIndex) => {
			seen.push(itemIndex);
			if (itemIndex === 1) abort();
			return [{ json: {} }];
		});
		await expect(runOperation(ctx, operation)).rejects.toThrow('cancelled');
		expect(seen).toEqual([0, 1]);
	});
});

describe('resources and operations', () => {
	it('builds each resource\'s Operation list from its operations', () => {
		const fileOperations = operationProperties.find(
			(property) => property.name === 'operation' && property.displayOptions?.show?.resource?.[0] === 'file',
		);
		expect(fileOperations?.options).toContainEqual(
			expect.objectContaining({ value: 'get', action: 'Get file or folder metadata' }),
		);
		const path = operationProperties.find((property) => property.name === 'path');
		expect(path?.displayOptions?.show).toEqual({ resource: ['file'], operation: ['get'] });
	});

	it('derives a typed map: a typo is a compile error, and lookups by parameter value work', () => {
		expect(OPERATIONS.file.get.value).toBe('get');
		expect(OPERATIONS.account.getCurrent.value).toBe('getCurrent');
		// @ts-expect-error no such operation
		expect(OPERATIONS.file.gett).toBeUndefined();
		expect(findOperation('file', 'get')).toBe(OPERATIONS.file.get);
		expect(findOperation('file', 'toString')).toBeUndefined();
		expect(findOperation('nope', 'get')).toBeUndefined();
	});
});
