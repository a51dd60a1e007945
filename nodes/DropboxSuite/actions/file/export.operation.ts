import type { IDataObject } from 'n8n-workflow';

import { binaryOutputProperty, pathLocator, readBinaryOutputField, readPath, readSpace, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { DropboxApiError, asNodeError, type DropboxSession, type Space } from '../../../shared/transport';
import { downloadToBinary } from '../../../shared/transfer/download';
import { defineOperation } from '../operation';

interface ExportResult {
	export_metadata: IDataObject & { name: string; size?: number };
	file_metadata: IDataObject;
}

interface ExportInfo {
	export_as?: string;
	export_options?: string[];
}

export const exportFile = defineOperation({
	value: 'export',
	name: 'Export',
	action: 'Export a cloud document as a file',
	description:
		'Export a file that cannot be downloaded as it is (a Dropbox Paper doc, a Google Doc, Sheet or Slides file) into a binary field, in a format the file offers',
	properties: [
		...spaceProperties,
		pathLocator({ displayName: 'File', name: 'path', description: 'The document to export, such as /Notes/Plan.paper' }),
		binaryOutputProperty('The name of the output binary field to put the exported file in'),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Export Format',
					name: 'exportFormat',
					type: 'string',
					default: '',
					placeholder: 'markdown',
					description:
						'One of the formats the file offers (its "export_info.export_options" in Get: for Paper docs markdown, html or plain_text; for Google files docx, xlsx, pptx, pdf…). Empty: the file\'s default format (its "export_info.export_as").',
				},
			],
		},
	],
	async execute(itemIndex) {
		const path = readPath(this, 'path', itemIndex);
		const field = readBinaryOutputField(this, itemIndex);
		const exportFormat = String((this.getNodeParameter('options', itemIndex, {}) as { exportFormat?: string }).exportFormat ?? '').trim();
		const space = readSpace(this, itemIndex);
		const session = dropboxSession(this);
		try {
			const { result, binary } = await downloadToBinary<ExportResult>(
				this,
				session,
				{
					route: 'files/export',
					arg: exportFormat ? { path, export_format: exportFormat } : { path },
					space,
					errorContext: { path },
					facts: ({ export_metadata }) => ({ size: export_metadata.size }),
				},
				({ export_metadata }) => ({ fileName: export_metadata.name }),
			);
			return [{ json: { ...result.file_metadata, export_metadata: result.export_metadata }, binary: { [field]: binary } }];
		} catch (error) {
			if (error instanceof DropboxApiError && error.dropboxTags.includes('invalid_export_format')) {
				await nameOfferedFormats(session, error, { path, space, asked: exportFormat });
			}
			throw asNodeError(this.getNode(), error);
		}
	},
});

/** Adds to the error which formats the file does offer, from its metadata; the error stands as it is if that lookup fails. */
async function nameOfferedFormats(session: DropboxSession, error: DropboxApiError, file: { path: string; space: Space; asked: string }) {
	try {
		const metadata = await session.rpc<{ export_info?: ExportInfo }>('files/get_metadata', { arg: { path: file.path }, space: file.space });
		const info = metadata.export_info ?? {};
		const offered = [...new Set([info.export_as, ...(info.export_options ?? [])].filter((format): format is string => !!format))];
		if (offered.length === 0) return;
		error.description =
			`"${file.path}" cannot be exported as "${file.asked}". It offers: ${offered.join(', ')}. ` +
			`Set "Export Format" to one of them, or leave it empty for its default (${info.export_as ?? offered[0]}).`;
	} catch {
		// The hint from the error's tag stays.
	}
}
