import type { IDataObject } from 'n8n-workflow';

import { binaryOutputProperty, readBinaryOutputField } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { downloadToBinary } from '../../../shared/transfer/download';
import { defineOperation } from '../operation';
import { sharedLinkUrlProperty } from './linkUrl';
import { readVisit, visitOptionsProperty } from './linkVisit';

interface LinkedFile extends IDataObject {
	name: string;
	rev?: string;
	size?: number;
}

export const download = defineOperation({
	value: 'download',
	name: 'Download',
	action: 'Download the file behind a shared link',
	description:
		'Download the file a shared link points at (or a file inside a shared folder link) into a binary field, streamed: any size, in constant memory',
	properties: [
		sharedLinkUrlProperty('The shared link of the file, or of the folder that holds it'),
		binaryOutputProperty('The name of the output binary field to put the file in'),
		visitOptionsProperty,
	],
	async execute(itemIndex) {
		const arg = readVisit(this, itemIndex);
		const field = readBinaryOutputField(this, itemIndex);
		const { result, binary } = await downloadToBinary<LinkedFile>(
			this,
			dropboxSession(this),
			{
				route: 'sharing/get_shared_link_file',
				arg,
				errorContext: typeof arg.path === 'string' ? { path: arg.path } : {},
				// A dropped connection resumes with a Range request for the same link; the revision must not change.
				resumeArg: () => arg,
				facts: (metadata) => ({ rev: metadata.rev, size: metadata.size }),
			},
			(metadata) => ({ fileName: metadata.name }),
		);
		return [{ json: result, binary: { [field]: binary } }];
	},
});
