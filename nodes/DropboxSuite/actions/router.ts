import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { dropboxSession } from '../../shared/session';
import { DropboxApiError } from '../../shared/transport';
import type { ItemOutcome, Operation, OperationItem } from './operation';
import { findOperation } from './resources';

/**
 * Runs the chosen operation over the input items: once per item, or once for all of them (`executeAll`).
 * The only place that sets `pairedItem` and puts the item index on errors; with Continue On Fail a failed
 * item becomes an error item and the others go on. A cancelled execution stops here, whatever the setting.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = findOperation(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of "${resource}" is not known`);
	}
	return [await runOperation(this, operation)];
}

/** Runs one operation over the execution's input items: one output list, every item paired with its input. */
export async function runOperation(ctx: IExecuteFunctions, operation: Operation): Promise<INodeExecutionData[]> {
	const outcomes = await outcomesOf(ctx, operation, ctx.getInputData());
	const output: INodeExecutionData[] = [];
	outcomes.forEach((outcome, itemIndex) => {
		if ('items' in outcome) {
			for (const item of outcome.items) output.push(paired(item, itemIndex));
			return;
		}
		if (ctx.continueOnFail() && !isCancellation(outcome.error)) {
			output.push({ json: errorItemJson(outcome.error), pairedItem: { item: itemIndex } });
			return;
		}
		throw withItemIndex(ctx, outcome.error, itemIndex);
	});
	return output;
}

async function outcomesOf(
	ctx: IExecuteFunctions,
	operation: Operation,
	items: INodeExecutionData[],
): Promise<ItemOutcome[]> {
	const session = dropboxSession(ctx);
	if (operation.executeAll) {
		session.throwIfCancelled();
		const outcomes = await operation.executeAll.call(ctx, items);
		if (outcomes.length !== items.length) {
			throw new NodeOperationError(ctx.getNode(), `The operation "${operation.value}" lost track of its items`);
		}
		return outcomes;
	}
	const outcomes: ItemOutcome[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		session.throwIfCancelled({ itemIndex });
		try {
			outcomes.push({ items: await operation.execute.call(ctx, itemIndex) });
		} catch (error) {
			outcomes.push({ error });
			// Without Continue On Fail the first failure ends the run: later items are not sent.
			if (!ctx.continueOnFail() || isCancellation(error)) break;
		}
	}
	return outcomes;
}

/** Only what an output item may carry, plus the input item it came from. */
function paired(item: OperationItem, itemIndex: number): INodeExecutionData {
	const result: INodeExecutionData = { json: item.json, pairedItem: { item: itemIndex } };
	if (item.binary) result.binary = item.binary;
	return result;
}

function isCancellation(error: unknown): boolean {
	return error instanceof DropboxApiError && error.failure.networkCode === 'ERR_CANCELED';
}

function errorItemJson(error: unknown): IDataObject {
	if (error instanceof DropboxApiError) {
		return {
			error: error.message,
			error_summary: error.errorSummary ?? null,
			description: error.description ?? null,
			httpCode: error.httpCode,
			tags: error.dropboxTags,
		};
	}
	if (error instanceof Error) {
		const description = (error as { description?: unknown }).description;
		return { error: error.message, error_summary: null, description: typeof description === 'string' ? description : null };
	}
	return { error: String(error), error_summary: null };
}

function withItemIndex(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error instanceof Error ? error : String(error), { itemIndex });
}
