import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

/** An API key sent through a generic `authenticate` with an expression, as many nodes do. */
export class FakeKeyApi implements ICredentialType {
	name = 'fakeKeyApi';

	displayName = 'Fake Key API';

	properties: INodeProperties[] = [
		{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Region', name: 'region', type: 'string', default: 'eu' },
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Key {{$credentials.apiKey}}' },
			qs: { region: '={{$credentials.region}}' },
		},
	};
}

/** An OAuth2 credential shaped like ours: `extends oAuth2Api`, hidden endpoints. */
export class FakeOAuth2Api implements ICredentialType {
	name = 'fakeOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Fake OAuth2 API';

	properties: INodeProperties[];

	constructor(accessTokenUrl: string) {
		this.properties = [
			{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
			{ displayName: 'Authorization URL', name: 'authUrl', type: 'hidden', default: `${accessTokenUrl}/authorize` },
			{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'hidden', default: accessTokenUrl },
			{ displayName: 'Scope', name: 'scope', type: 'hidden', default: 'files.read' },
			{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'header' },
		];
	}
}

/**
 * A credential that logs in for a session token first (`preAuthentication` plus a hidden
 * expirable property), the pattern our app-key credential uses for its access token.
 */
export class FakeSessionApi implements ICredentialType {
	name = 'fakeSessionApi';

	displayName = 'Fake Session API';

	properties: INodeProperties[];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-Session': '={{$credentials.sessionToken}}' } },
	};

	preAuthentication: (
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	) => Promise<IDataObject>;

	constructor(loginUrl: string) {
		this.properties = [
			{ displayName: 'User', name: 'user', type: 'string', default: '' },
			{
				displayName: 'Session Token',
				name: 'sessionToken',
				type: 'hidden',
				typeOptions: { expirable: true },
				default: '',
			},
		];
		// n8n calls preAuthentication with its request helpers as `this`, so the URL is closed over.
		this.preAuthentication = async function (this: IHttpRequestHelper, credentials) {
			const answer = (await this.helpers.httpRequest({
				method: 'POST',
				url: loginUrl,
				body: { user: credentials.user },
				json: true,
			})) as { token: string };
			return { sessionToken: answer.token };
		};
	}
}
