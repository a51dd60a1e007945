import { defineResource } from '../resource';
import { copy } from './copy.operation';
import { create } from './create.operation';
import { deleteFolder } from './delete.operation';
import { downloadZip } from './downloadZip.operation';
import { get } from './get.operation';
import { list } from './list.operation';
import { move } from './move.operation';

export const folder = defineResource({
	value: 'folder',
	name: 'Folder',
	operations: [create, get, list, copy, move, deleteFolder, downloadZip],
	defaultOperation: 'list',
});
