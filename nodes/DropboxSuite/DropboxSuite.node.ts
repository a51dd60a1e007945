import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { authenticationProperty, credentialsDescription } from '../shared/parameters';
import { operationProperties, operationSubtitle, resourceProperty } from './actions/resources';
import { router } from './actions/router';
import { searchFilesAndFolders, searchFolders, searchSharedFolders, searchUploadDestinations } from './methods/listSearch';

export class DropboxSuite implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dropbox Suite',
		name: 'dropboxSuite',
		icon: { light: 'file:../../icons/dropbox.svg', dark: 'file:../../icons/dropbox.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(),
		description: 'Upload, download, copy, move and search files and folders in Dropbox; share them with links, shared folders and file requests',
		defaults: { name: 'Dropbox Suite' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsDescription,
		properties: [
			authenticationProperty,
			resourceProperty,
			...operationProperties,
		],
	};

	methods = {
		listSearch: { searchFilesAndFolders, searchFolders, searchSharedFolders, searchUploadDestinations },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
