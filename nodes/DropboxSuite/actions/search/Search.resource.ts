import { defineResource } from '../resource';
import { query } from './query.operation';

export const search = defineResource({
	value: 'search',
	name: 'Search',
	operations: [query],
	defaultOperation: 'query',
});
