import { defineResource } from '../resource';
import { copy } from './copy.operation';
import { deleteFile } from './delete.operation';
import { download } from './download.operation';
import { exportFile } from './export.operation';
import { get } from './get.operation';
import { getCopyReference } from './getCopyReference.operation';
import { getTemporaryLink } from './getTemporaryLink.operation';
import { getThumbnail } from './getThumbnail.operation';
import { listRevisions } from './listRevisions.operation';
import { move } from './move.operation';
import { restore } from './restore.operation';
import { saveCopyReference } from './saveCopyReference.operation';
import { saveUrl } from './saveUrl.operation';
import { upload } from './upload.operation';

export const file = defineResource({
	value: 'file',
	name: 'File',
	operations: [
		get,
		download,
		upload,
		copy,
		move,
		deleteFile,
		listRevisions,
		restore,
		getTemporaryLink,
		getThumbnail,
		saveUrl,
		exportFile,
		getCopyReference,
		saveCopyReference,
	],
	defaultOperation: 'get',
});
