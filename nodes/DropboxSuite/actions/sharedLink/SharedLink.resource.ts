import { defineResource } from '../resource';
import { create } from './create.operation';
import { download } from './download.operation';
import { getMetadata } from './getMetadata.operation';
import { list } from './list.operation';
import { revoke } from './revoke.operation';
import { update } from './update.operation';

export const sharedLink = defineResource({
	value: 'sharedLink',
	name: 'Shared Link',
	operations: [create, list, update, revoke, getMetadata, download],
	defaultOperation: 'create',
});
