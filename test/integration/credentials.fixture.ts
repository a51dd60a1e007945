/** Credentials for runNode built from an emulator account, for both credential types. */
import type { ICredentialType } from 'n8n-workflow';

import { DropboxSuiteAppApi } from '../../credentials/DropboxSuiteAppApi.credentials';
import { DropboxSuiteOAuth2Api } from '../../credentials/DropboxSuiteOAuth2Api.credentials';
import type { StoredCredential } from '../support/n8n';

export interface EmulatorAccount {
	app_key: string;
	app_secret: string;
	refresh_token: string;
	access_token: string;
}

export type AuthenticationChoice = 'oAuth2' | 'appApi';

export const credentialTypes: ICredentialType[] = [new DropboxSuiteOAuth2Api(), new DropboxSuiteAppApi()];

export const CREDENTIAL_TYPE: Record<AuthenticationChoice, string> = {
	oAuth2: 'dropboxSuiteOAuth2Api',
	appApi: 'dropboxSuiteAppApi',
};

let sequence = 0;

/** A stored credential of the chosen type; a fresh id each time, so tests do not share renewals. */
export function credentialFor(
	authentication: AuthenticationChoice,
	account: EmulatorAccount,
	options: { withAccessToken?: boolean } = {},
): Record<string, StoredCredential> {
	const id = `${authentication}-${++sequence}`;
	if (authentication === 'oAuth2') {
		return {
			[CREDENTIAL_TYPE.oAuth2]: {
				id,
				name: 'Dropbox OAuth2',
				data: {
					clientId: account.app_key,
					clientSecret: account.app_secret,
					accessType: 'full',
					oauthTokenData: {
						access_token: account.access_token,
						refresh_token: account.refresh_token,
						token_type: 'bearer',
					},
				},
			},
		};
	}
	return {
		[CREDENTIAL_TYPE.appApi]: {
			id,
			name: 'Dropbox app',
			data: {
				appKey: account.app_key,
				appSecret: account.app_secret,
				refreshToken: account.refresh_token,
				accessType: 'full',
				accessToken: options.withAccessToken === false ? '' : account.access_token,
			},
		},
	};
}
