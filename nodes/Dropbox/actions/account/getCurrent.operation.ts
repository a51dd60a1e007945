import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { dropboxRpc } from '../../transport';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['getCurrent'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const account = await dropboxRpc<IDataObject>(this, {
		route: 'users/get_current_account',
		errorContext: { itemIndex },
	});
	return [{ json: account, pairedItem: { item: itemIndex } }];
}
