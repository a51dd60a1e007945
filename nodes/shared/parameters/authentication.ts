import type { INode, INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** The credential type names (fixed, see CONTRIBUTING.md): the OAuth2 (browser flow) one and the app key + refresh token one. */
export const BROWSER_FLOW_CREDENTIAL_TYPE = 'dropboxSuiteOAuth2Api';
export const APP_CREDENTIAL_TYPE = 'dropboxSuiteAppApi';

/** How the node signs in; every Dropbox Suite node offers both credentials. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'OAuth2', value: 'oAuth2' },
		{ name: 'App Key & Refresh Token', value: 'appApi' },
	],
	default: 'oAuth2',
};

export const credentialsDescription: INodeCredentialDescription[] = [
	{
		name: BROWSER_FLOW_CREDENTIAL_TYPE,
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
	{
		name: APP_CREDENTIAL_TYPE,
		required: true,
		displayOptions: { show: { authentication: ['appApi'] } },
	},
];

/** The credential type the node's Authentication parameter (or, without it, its attached credential) names. */
export function credentialTypeOf(node: INode): string {
	// Read the raw parameter: it cannot hold an expression, and every context type (execute, trigger,
	// load options) exposes the node while their getNodeParameter signatures differ.
	const choice = node.parameters.authentication;
	if (choice === 'appApi') return APP_CREDENTIAL_TYPE;
	if (choice === 'oAuth2') return BROWSER_FLOW_CREDENTIAL_TYPE;
	// n8n leaves a parameter at its default out of saved workflows, and hand-written or imported ones
	// may name only the credential: then the attached credential says which it is.
	const attached = node.credentials ?? {};
	return attached[APP_CREDENTIAL_TYPE] && !attached[BROWSER_FLOW_CREDENTIAL_TYPE]
		? APP_CREDENTIAL_TYPE
		: BROWSER_FLOW_CREDENTIAL_TYPE;
}
