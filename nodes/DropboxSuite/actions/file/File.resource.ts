import { defineResource } from '../resource';
import { download } from './download.operation';
import { get } from './get.operation';
import { upload } from './upload.operation';

export const file = defineResource({
	value: 'file',
	name: 'File',
	operations: [get, download, upload],
	defaultOperation: 'get',
});
