import type { ICredentialTestRequest } from 'n8n-workflow';

/** Both credentials are tested by reading the account: it needs only `account_info.read`. */
export const currentAccountRequest: ICredentialTestRequest['request'] = {
	baseURL: 'https://api.dropboxapi.com/2',
	url: '/users/get_current_account',
	method: 'POST',
};
