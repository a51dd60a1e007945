import { defineResource } from '../resource';
import { close } from './close.operation';
import { create } from './create.operation';
import { deleteRequest } from './delete.operation';
import { get } from './get.operation';
import { list } from './list.operation';
import { update } from './update.operation';

export const fileRequest = defineResource({
	value: 'fileRequest',
	name: 'File Request',
	operations: [create, get, list, update, close, deleteRequest],
	defaultOperation: 'create',
});
