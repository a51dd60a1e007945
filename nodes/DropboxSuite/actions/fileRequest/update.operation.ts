import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { locatorToPath, readRequiredText, readSpace, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';
import { deadlineProperties, readDeadline, readGracePeriod, withGracePeriod } from './deadline';
import { fileRequestIdProperty, onFileRequest, readFileRequestId } from './fileRequestId';
import { descriptionProperty, openProperty, requestDestination } from './requestFields';

interface UpdateFields {
	title?: string;
	destination?: string;
	description?: string;
	open?: boolean;
	removeDeadline?: boolean;
}

interface FileRequest extends IDataObject {
	is_open: boolean;
	deadline?: { deadline: string; allow_late_uploads?: { '.tag': string } };
}

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a file request',
	description:
		'Change a file request\'s title, destination folder, description or deadline, or open or close it; fields not given stay as they are',
	properties: [
		fileRequestIdProperty('The file request to change'),
		...spaceProperties,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				...deadlineProperties,
				descriptionProperty,
				{
					displayName: 'Destination Folder',
					name: 'destination',
					type: 'string',
					default: '',
					placeholder: '/File Requests/Homework',
					description: 'The folder uploaded files go into from now on (a path in the chosen Space)',
				},
				openProperty('Whether the request takes files'),
				{
					displayName: 'Remove Deadline',
					name: 'removeDeadline',
					type: 'boolean',
					default: false,
					description: 'Whether the request stops having a deadline',
				},
				{
					displayName: 'Title',
					name: 'title',
					type: 'string',
					default: '',
					description: 'What the uploaders see as the request\'s name',
				},
			],
		},
	],
	async execute(itemIndex) {
		const id = readFileRequestId(this, itemIndex);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as UpdateFields;
		const session = dropboxSession(this);
		const arg: IDataObject = { id };
		if (fields.title !== undefined) arg.title = readRequiredText(this, 'updateFields.title', itemIndex, 'Title', 'Give the request a title, or remove the Title field.');
		if (fields.description !== undefined) arg.description = fields.description;
		if (fields.open !== undefined) arg.open = fields.open;
		if (fields.destination !== undefined) {
			arg.destination = requestDestination(this, locatorToPath('path', fields.destination), fields.destination, itemIndex);
		}
		return await onFileRequest(id, async () => {
			const deadline = await deadlineUpdate(this, itemIndex, fields, async () =>
				await session.rpc<FileRequest>('file_requests/get', { arg: { id } }),
			);
			if (Object.keys(arg).length === 1 && deadline['.tag'] === 'no_update') {
				throw new NodeOperationError(this.getNode(), 'No field to change', {
					itemIndex,
					description: 'Add at least one field under "Update Fields".',
				});
			}
			const request = await session.rpc<FileRequest>('file_requests/update', {
				arg: { ...arg, deadline },
				space: readSpace(this, itemIndex),
				errorContext: typeof arg.destination === 'string' ? { path: arg.destination } : {},
			});
			if (fields.open === true && !request.is_open) throw staysClosed(this, request, id, itemIndex);
			return [{ json: request }];
		});
	},
});

/** `UpdateFileRequestDeadline`: a new deadline, none, the grace period alone (kept deadline), or no change. */
async function deadlineUpdate(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: UpdateFields,
	current: () => Promise<FileRequest>,
): Promise<IDataObject> {
	const deadline = readDeadline(ctx, 'updateFields', itemIndex);
	if (deadline) return { '.tag': 'update', ...deadline };
	if (fields.removeDeadline) return { '.tag': 'update' };
	const grace = readGracePeriod(ctx, 'updateFields', itemIndex);
	if (grace === undefined) return { '.tag': 'no_update' };
	// Dropbox sets the grace period only with a deadline: the request's own is sent again with it.
	const kept = (await current()).deadline;
	if (!kept) {
		throw new NodeOperationError(ctx.getNode(), 'The file request has no deadline to allow late uploads after', {
			itemIndex,
			description: 'Set a "Deadline" together with "Late Uploads".',
		});
	}
	return { '.tag': 'update', ...withGracePeriod({ deadline: kept.deadline }, grace) };
}

/** Asked to open, the request is still closed: its deadline (and grace period) passed, which Dropbox does not say. */
function staysClosed(ctx: IExecuteFunctions, request: FileRequest, id: string, itemIndex: number): NodeOperationError {
	const deadline = request.deadline?.deadline;
	const grace = request.deadline?.allow_late_uploads?.['.tag'];
	return new NodeOperationError(ctx.getNode(), `The file request "${id}" stays closed: its deadline has passed`, {
		itemIndex,
		description:
			`Its deadline${deadline ? ` (${deadline}${grace ? `, late uploads: ${grace.replace(/_/g, ' ')}` : ''})` : ''} is over, so it takes no files even when open. ` +
			'The other changes were saved. To reopen it, update it again with Open and a new Deadline in the future, or with Remove Deadline.',
	});
}
