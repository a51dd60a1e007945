import type { INodeProperties } from 'n8n-workflow';

/**
 * The Dropbox app's permission type. The node reads it: an app-folder app must never send
 * `Dropbox-API-Path-Root` (Dropbox refuses it), so team spaces are offered only with full access.
 */
export const accessTypeProperty: INodeProperties = {
	displayName: 'Access Type',
	name: 'accessType',
	type: 'options',
	options: [
		{
			name: 'App Folder',
			value: 'appFolder',
			description: 'The app sees only its own folder, Apps/<app name>',
		},
		{
			name: 'Full Dropbox',
			value: 'full',
			description: 'The app sees every file the account can see (needed for team spaces)',
		},
	],
	default: 'full',
	description: 'Must match the permission type chosen when the app was created in the Dropbox App Console',
};
