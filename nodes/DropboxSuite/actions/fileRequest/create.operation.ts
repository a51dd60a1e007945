import type { IDataObject } from 'n8n-workflow';

import { folderPathProperty, readPath, readRequiredText, readSpace, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';
import { deadlineProperties, readDeadline } from './deadline';
import { descriptionProperty, openProperty, requestDestination } from './requestFields';

interface CreateOptions {
	description?: string;
	open?: boolean;
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a file request',
	description:
		'Create a file request: a link where anyone, without a Dropbox account, can upload files into one of your folders, optionally until a deadline',
	properties: [
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'Homework submission',
			description: 'What the uploaders see as the request\'s name',
		},
		...spaceProperties,
		folderPathProperty({
			displayName: 'Destination Folder',
			name: 'path',
			description: 'The folder uploaded files go into; Dropbox creates it when it does not exist',
			default: { mode: 'path', value: '' },
		}),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				...deadlineProperties,
				descriptionProperty,
				openProperty('Whether the request takes files from the start; a closed one can be opened later with Update'),
			],
		},
	],
	async execute(itemIndex) {
		const title = readRequiredText(this, 'title', itemIndex, 'Title', 'Give the file request a title.');
		const path = requestDestination(this, readPath(this, 'path', itemIndex), '/', itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as CreateOptions;
		const arg: IDataObject = { title, destination: path, open: options.open ?? true };
		const deadline = readDeadline(this, 'options', itemIndex);
		if (deadline) arg.deadline = deadline;
		if (options.description) arg.description = options.description;
		const request = await dropboxSession(this).rpc<IDataObject>('file_requests/create', {
			arg,
			space: readSpace(this, itemIndex),
			errorContext: { path },
		});
		return [{ json: request }];
	},
});
