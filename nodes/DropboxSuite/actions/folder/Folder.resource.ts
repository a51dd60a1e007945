import { defineResource } from '../resource';
import { downloadZip } from './downloadZip.operation';

export const folder = defineResource({
	value: 'folder',
	name: 'Folder',
	operations: [downloadZip],
	defaultOperation: 'downloadZip',
});
