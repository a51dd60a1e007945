import type { INodeProperties } from 'n8n-workflow';

import { contentInputProperties, pathLocator, spaceProperties } from '../../../shared/parameters';

const destination = pathLocator({
	displayName: 'Destination',
	name: 'path',
	description:
		'The file to write, such as /Backups/report.pdf, or a folder ending in "/", such as /Backups/, to keep the file\'s own name',
});
// Picking from the list chooses a folder: its value ends in "/", so the file keeps its own name there.
destination.modes = destination.modes?.map((mode) =>
	mode.name === 'list'
		? {
				...mode,
				placeholder: 'Select a folder…',
				typeOptions: { ...mode.typeOptions, searchListMethod: 'searchUploadDestinations' },
			}
		: mode,
);

/** The upload operation's parameters (its execution is in upload.operation.ts). */
export const uploadProperties: INodeProperties[] = [
	...spaceProperties,
	destination,
	...contentInputProperties({
		defaultType: 'binary',
		binaryHint: 'The name of the input binary field containing the file to upload',
		textDisplayName: 'File Content',
		textDescription: 'The text to store, as UTF-8',
	}),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Autorename',
				name: 'autorename',
				type: 'boolean',
				default: false,
				description: 'Whether Dropbox picks a new name (such as "report (1).pdf") instead of failing when the write mode finds a conflict',
			},
			{
				displayName: 'Chunk Size (MiB)',
				name: 'chunkSizeMiB',
				type: 'number',
				typeOptions: { minValue: 4, maxValue: 148, numberStepSize: 4 },
				default: 48,
				description: 'How much of a file is sent per request, a multiple of 4 from 4 to 148. Memory holds one chunk per file being sent.',
			},
			{
				displayName: 'Client Modified',
				name: 'clientModified',
				type: 'dateTime',
				default: '',
				description: 'The time to record as the file\'s modification time on the device it came from (kept to the second)',
			},
			{
				displayName: 'Mute',
				name: 'mute',
				type: 'boolean',
				default: false,
				description: 'Whether to spare the Dropbox apps their "file changed" notification',
			},
			{
				displayName: 'Parallel Uploads',
				name: 'parallelUploads',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 32 },
				default: 8,
				description: 'How many files of one run are sent at once; they are then committed together, which avoids Dropbox\'s write-lock errors',
			},
			{
				displayName: 'Revision',
				name: 'rev',
				type: 'string',
				default: '',
				placeholder: 'a1c10ce0dd78',
				description: 'With write mode "Update": the revision of the file that this upload replaces. If the file has changed since, the upload fails instead of overwriting.',
			},
			{
				displayName: 'Skip If Unchanged',
				name: 'skipIfUnchanged',
				type: 'boolean',
				default: false,
				description: 'Whether to send nothing when the destination already holds the same bytes (same content hash); the item then carries the existing file with "skipped": true',
			},
			{
				displayName: 'Strict Conflict',
				name: 'strictConflict',
				type: 'boolean',
				default: false,
				description: 'Whether to treat more cases as conflicts, such as an identical file at the path, or a deleted file in write mode "Update"',
			},
			{
				displayName: 'Write Mode',
				name: 'writeMode',
				type: 'options',
				options: [
					{ name: 'Add', value: 'add', description: 'Never replace a file: a conflict fails, or renames with Autorename' },
					{ name: 'Overwrite', value: 'overwrite', description: 'Replace whatever file is at the path' },
					{ name: 'Update', value: 'update', description: 'Replace only the revision given under Revision' },
				],
				default: 'add',
				description: 'What to do when a file already exists at the destination',
			},
		],
	},
];
