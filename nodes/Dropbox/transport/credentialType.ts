import type { INode } from 'n8n-workflow';

/** The credential type names (DESIGN §1): the OAuth2 (browser flow) one and the app key + refresh token one. */
export const BROWSER_FLOW_CREDENTIAL_TYPE = 'dropboxToolkitOAuth2Api';
export const APP_CREDENTIAL_TYPE = 'dropboxToolkitAppApi';

export function credentialTypeOf(node: INode): string {
	// Read the raw parameter: it cannot hold an expression, and every context type (execute, trigger,
	// load options) exposes the node while their getNodeParameter signatures differ.
	const choice = node.parameters.authentication;
	return choice === 'appApi' ? APP_CREDENTIAL_TYPE : BROWSER_FLOW_CREDENTIAL_TYPE;
}

/** Identifies one stored credential, so that parallel calls with it share a token renewal. */
export function credentialKey(node: INode, credentialType: string): string {
	const id = node.credentials?.[credentialType]?.id ?? node.credentials?.[credentialType]?.name ?? node.name;
	return `${credentialType}:${id}`;
}
