import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { accessTypeProperty } from './shared/accessType.property';
import { currentAccountRequest } from './shared/currentAccountRequest';

const DEFAULT_SCOPES = [
	'account_info.read',
	'files.metadata.read',
	'files.metadata.write',
	'files.content.read',
	'files.content.write',
	'sharing.read',
	'sharing.write',
	'file_requests.read',
	'file_requests.write',
].join(' ');

export class DropboxSuiteOAuth2Api implements ICredentialType {
	name = 'dropboxSuiteOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Dropbox Suite OAuth2 API';

	documentationUrl = 'https://github.com/n8n-nodes-dropbox-suite/n8n-nodes-dropbox-suite#oauth2-credential';

	icon: Icon = { light: 'file:../icons/dropbox.svg', dark: 'file:../icons/dropbox.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName:
				'In the Dropbox App Console (https://www.dropbox.com/developers/apps), open your app\'s Settings tab: add this credential\'s OAuth Redirect URL under "OAuth 2 → Redirect URIs", and copy the App key and App secret into Client ID and Client Secret. Tick the scopes listed under Scope on the app\'s Permissions tab.',
			name: 'appConsoleNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: 'https://www.dropbox.com/oauth2/authorize',
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: 'https://api.dropboxapi.com/oauth2/token',
			required: true,
		},
		{
			// "offline" makes Dropbox issue a refresh token, so that the short-lived access tokens renew
			// without the user reconnecting.
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: 'token_access_type=offline',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: DEFAULT_SCOPES,
			description:
				'Space-separated Dropbox scopes. Each must also be ticked on the Permissions tab of your app in the Dropbox App Console. After changing them, reconnect.',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'header',
		},
		accessTypeProperty,
		{
			displayName:
				'If a test fails with "EAUTH", Dropbox refused to renew the token (revoked, or the app was disconnected): reconnect. A network code such as ENOTFOUND or ECONNREFUSED means n8n cannot reach api.dropboxapi.com. A wrong client secret is reported when connecting.',
			name: 'testNotice',
			type: 'notice',
			default: '',
		},
	];

	test: ICredentialTestRequest = {
		request: currentAccountRequest,
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Dropbox refused the token: it was revoked or the app was disconnected from the account. Reconnect the credential.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						'Dropbox rejected the request: the token was issued to another app, or the client ID / secret do not match. Check them in the Dropbox App Console, then reconnect.',
				},
			},
		],
	};
}
