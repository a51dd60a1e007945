import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readDropboxTimestamp } from '../../../shared/parameters';

/** What a person may set on a shared link; Update adds ways to take a password or an expiry off. */
interface LinkSettingsInput {
	audience?: 'public' | 'team' | 'no_one';
	access?: 'viewer' | 'editor';
	allowDownload?: boolean;
	linkPassword?: string;
	removePassword?: boolean;
	removeExpiration?: boolean;
}

/** `SharedLinkSettings` as Dropbox takes it: only what was set, so Dropbox keeps (or defaults) the rest. */
export interface RequestedSettings {
	settings: IDataObject;
	removeExpiration: boolean;
}

const settingOptions: INodeProperties[] = [
	{
		displayName: 'Access',
		name: 'access',
		type: 'options',
		options: [
			{ name: 'Viewer', value: 'viewer', description: 'People with the link can view and comment' },
			{ name: 'Editor', value: 'editor', description: 'People with the link can edit (not every file type supports it)' },
		],
		default: 'viewer',
		description: 'What people with the link may do',
	},
	{
		displayName: 'Allow Download',
		name: 'allowDownload',
		type: 'boolean',
		default: true,
		description: 'Whether people with the link may download the file. Dropbox Basic accounts cannot turn it off.',
	},
	{
		displayName: 'Audience',
		name: 'audience',
		type: 'options',
		options: [
			{ name: 'Anyone With the Link', value: 'public' },
			{ name: 'Team Members Only', value: 'team', description: 'Only members of your Dropbox team (team accounts only)' },
			{
				name: 'No One Extra',
				value: 'no_one',
				description: 'The link only points at the item: people who already have access can use it, nobody else',
			},
		],
		default: 'public',
		description: 'Who can open the link',
	},
	{
		displayName: 'Expires At',
		name: 'expires',
		type: 'dateTime',
		default: '',
		description:
			"When the link stops working (in the workflow's time zone unless the value says otherwise). Dropbox Basic accounts cannot set it.",
	},
	{
		displayName: 'Password',
		name: 'linkPassword',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'A password people must enter to open the link. Dropbox Basic accounts cannot set it.',
	},
];

/** The settings of Shared Link → Create, as its Options. */
export const createSettingsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'settings',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: settingOptions,
};

/** The settings of Shared Link → Update: the same, plus taking a password or an expiry off. */
export const updateSettingsProperty: INodeProperties = {
	displayName: 'Settings',
	name: 'settings',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	options: [
		...settingOptions,
		{
			displayName: 'Remove Expiry',
			name: 'removeExpiration',
			type: 'boolean',
			default: false,
			description: 'Whether the link stops expiring',
		},
		{
			displayName: 'Remove Password',
			name: 'removePassword',
			type: 'boolean',
			default: false,
			description: 'Whether the link stops asking for a password',
		},
	],
};

export function readLinkSettings(ctx: IExecuteFunctions, itemIndex: number): RequestedSettings {
	const input = ctx.getNodeParameter('settings', itemIndex, {}) as LinkSettingsInput;
	const settings: IDataObject = {};
	if (input.audience) settings.audience = { '.tag': input.audience };
	if (input.access) settings.access = { '.tag': input.access };
	if (input.allowDownload !== undefined) settings.allow_download = input.allowDownload;
	// An empty password field is no password (n8n keeps the option once added); Dropbox refuses an empty one.
	if (input.linkPassword) {
		settings.require_password = true;
		settings.link_password = input.linkPassword;
	} else if (input.removePassword) {
		settings.require_password = false;
	}
	const expires = readDropboxTimestamp(ctx, 'settings.expires', itemIndex, 'Expires At', { future: true });
	if (expires) settings.expires = expires;
	return { settings, removeExpiration: input.removeExpiration === true && !expires };
}

export function isEmpty({ settings, removeExpiration }: RequestedSettings): boolean {
	return Object.keys(settings).length === 0 && !removeExpiration;
}
