import type { INode } from 'n8n-workflow';

/** The credential type names (DESIGN §1): the OAuth2 (browser flow) one and the app key + refresh token one. */
export const BROWSER_FLOW_CREDENTIAL_TYPE = 'dropboxToolkitOAuth2Api';
export const APP_CREDENTIAL_TYPE = 'dropboxToolkitAppApi';

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

/** Identifies one stored credential, so that parallel calls with it share a token renewal. */
export function credentialKey(node: INode, credentialType: string): string {
	const id = node.credentials?.[credentialType]?.id ?? node.credentials?.[credentialType]?.name ?? node.name;
	return `${credentialType}:${id}`;
}
