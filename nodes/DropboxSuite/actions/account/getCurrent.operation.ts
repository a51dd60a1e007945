import type { IDataObject } from 'n8n-workflow';

import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';

export const getCurrent = defineOperation({
	value: 'getCurrent',
	name: 'Get Current',
	action: 'Get the current account',
	description: 'Get the connected account: name, email, team and root namespace',
	properties: [],
	async execute() {
		const account = await dropboxSession(this).rpc<IDataObject>('users/get_current_account');
		return [{ json: account }];
	},
});
