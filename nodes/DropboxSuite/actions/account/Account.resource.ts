import { defineResource } from '../resource';
import { getCurrent } from './getCurrent.operation';
import { getSpaceUsage } from './getSpaceUsage.operation';

export const account = defineResource({
	value: 'account',
	name: 'Account',
	operations: [getCurrent, getSpaceUsage],
	defaultOperation: 'getCurrent',
});
