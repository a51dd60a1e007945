import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['file'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get the metadata of a file or folder',
				action: 'Get file or folder metadata',
			},
		],
		default: 'get',
	},
	...get.description,
];
