import type { INodeProperties } from 'n8n-workflow';

import * as getCurrent from './getCurrent.operation';

export { getCurrent };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get Current',
				value: 'getCurrent',
				description: 'Get the connected account: name, email, team and root namespace',
				action: 'Get the current account',
			},
		],
		default: 'getCurrent',
	},
	...getCurrent.description,
];
