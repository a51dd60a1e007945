import { defineResource } from '../resource';
import { get } from './get.operation';

export const file = defineResource({
	value: 'file',
	name: 'File',
	operations: [get],
	defaultOperation: 'get',
});
