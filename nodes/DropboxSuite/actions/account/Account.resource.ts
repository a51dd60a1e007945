import { defineResource } from '../resource';
import { getCurrent } from './getCurrent.operation';

export const account = defineResource({
	value: 'account',
	name: 'Account',
	operations: [getCurrent],
	defaultOperation: 'getCurrent',
});
