import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { DropboxApiError } from '../transport';
import * as account from './account/Account.resource';
import * as file from './file/File.resource';

type OperationExecute = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

/** resource → operation → its execute(). A new operation is one line here. */
const OPERATIONS: Record<string, Record<string, OperationExecute>> = {
	account: { getCurrent: account.getCurrent.execute },
	file: { get: file.get.execute },
};

/**
 * Runs the chosen operation once per input item. With Continue On Fail a failed item becomes an
 * error item; every output item names the input item it came from (pairedItem).
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = OPERATIONS[resource]?.[operation];
	if (!execute) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not known`);
	}
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const results = await execute.call(this, itemIndex);
			for (const result of results) output.push({ ...result, pairedItem: result.pairedItem ?? { item: itemIndex } });
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({ json: errorItemJson(error), pairedItem: { item: itemIndex } });
				continue;
			}
			throw withItemIndex(this, error, itemIndex);
		}
	}
	return [output];
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
