/** Credentials for runNode built from an emulator account, for both credential types. */
import type { ICredentialType } from 'n8n-workflow';

import { DropboxToolkitAppApi } from '../../credentials/DropboxToolkitAppApi.credentials';
import { DropboxToolkitOAuth2Api } from '../../credentials/DropboxToolkitOAuth2Api.credentials';
import type { StoredCredential } from '../support/n8n';

export interface EmulatorAccount {
	app_key: string;
	app_secret: string;
	refresh_token: string;
	access_token: string;
}

export type AuthenticationChoice = 'oAuth2' | 'appApi';

export const credentialTypes: ICredentialType[] = [new DropboxToolkitOAuth2Api(), new DropboxToolkitAppApi()];

export const CREDENTIAL_TYPE: Record<AuthenticationChoice, string> = {
	oAuth2: 'dropboxToolkitOAuth2Api',
	appApi: 'dropboxToolkitAppApi',
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
