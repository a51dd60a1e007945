import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as account from './actions/account/Account.resource';
import { spaceProperties } from './actions/common.descriptions';
import * as file from './actions/file/File.resource';
import { router } from './actions/router';
import { searchFilesAndFolders, searchFolders, searchSharedFolders } from './methods/listSearch';

export class Dropbox implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dropbox Toolkit',
		name: 'dropboxToolkit',
		icon: { light: 'file:../../icons/dropbox.svg', dark: 'file:../../icons/dropbox.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read and manage files, folders and the account in Dropbox',
		defaults: { name: 'Dropbox Toolkit' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'dropboxToolkitOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
			{
				name: 'dropboxToolkitAppApi',
				required: true,
				displayOptions: { show: { authentication: ['appApi'] } },
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'OAuth2', value: 'oAuth2' },
					{ name: 'App Key & Refresh Token', value: 'appApi' },
				],
				default: 'oAuth2',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'File', value: 'file' },
				],
				default: 'file',
			},
			...account.description,
			...file.description,
			...spaceProperties.map((property) => ({
				...property,
				displayOptions: {
					...property.displayOptions,
					hide: { ...property.displayOptions?.hide, resource: ['account'] },
				},
			})),
		],
	};

	methods = {
		listSearch: { searchFilesAndFolders, searchFolders, searchSharedFolders },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
