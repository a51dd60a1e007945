import { defineResource } from '../resource';
import { create } from './create.operation';
import { update } from './update.operation';

export const paperDoc = defineResource({
	value: 'paperDoc',
	name: 'Paper Doc',
	operations: [create, update],
	defaultOperation: 'create',
});
