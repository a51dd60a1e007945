import { defineResource } from '../resource';
import { get } from './get.operation';
import { upload } from './upload.operation';

export const file = defineResource({
	value: 'file',
	name: 'File',
	operations: [get, upload],
	defaultOperation: 'get',
});
