import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { accessTypeProperty } from './shared/accessType.property';
import { obtainAccessToken, refreshWith } from './shared/appTokens';
import { currentAccountRequest } from './shared/currentAccountRequest';

export class DropboxSuiteAppApi implements ICredentialType {
	name = 'dropboxSuiteAppApi';

	displayName = 'Dropbox Suite App Key & Refresh Token API';

	documentationUrl = 'https://github.com/n8n-nodes-dropbox-suite/n8n-nodes-dropbox-suite#app-key-and-refresh-token-credential';

	icon: Icon = { light: 'file:../icons/dropbox.svg', dark: 'file:../icons/dropbox.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName:
				'For servers without a browser flow. In the Dropbox App Console, create an app and copy its key and secret. Open https://www.dropbox.com/oauth2/authorize?client_id=APP_KEY&response_type=code&token_access_type=offline (with your app key), approve, and copy the code shown. Then exchange it once: curl https://api.dropboxapi.com/oauth2/token -d code=CODE -d grant_type=authorization_code -u APP_KEY:APP_SECRET — the answer\'s "refresh_token" goes below. n8n obtains short-lived access tokens from it by itself.',
			name: 'setupNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'App Key',
			name: 'appKey',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Long-lived; obtained once with the steps above. It stays valid until revoked.',
		},
		accessTypeProperty,
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const accessToken = await obtainAccessToken(
			{
				appKey: String(credentials.appKey ?? ''),
				appSecret: String(credentials.appSecret ?? ''),
				refreshToken: String(credentials.refreshToken ?? ''),
				heldToken: typeof credentials.accessToken === 'string' ? credentials.accessToken : undefined,
			},
			refreshWith(this.helpers),
		);
		return { accessToken };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: currentAccountRequest,
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Dropbox refused the access token obtained with this refresh token. Obtain a new refresh token as described above.',
				},
			},
		],
	};
}
