import type { INodeProperties } from 'n8n-workflow';

import { account } from './account/Account.resource';
import { file } from './file/File.resource';
import { fileRequest } from './fileRequest/FileRequest.resource';
import { folder } from './folder/Folder.resource';
import { folderSharing } from './folderSharing/FolderSharing.resource';
import type { Operation } from './operation';
import { paperDoc } from './paperDoc/PaperDoc.resource';
import { resourceProperties, type Resource } from './resource';
import { search } from './search/Search.resource';
import { sharedLink } from './sharedLink/SharedLink.resource';

/** Every resource of the Dropbox Suite node. A new resource is one entry here; a new operation, one in its resource. */
export const RESOURCES = [account, file, fileRequest, folder, folderSharing, paperDoc, search, sharedLink] as const;

type Resources = (typeof RESOURCES)[number];

/** resource → operation → the operation, derived from RESOURCES: `OPERATIONS.file.get`. */
export type OperationMap = {
	[R in Resources as R['value']]: { [O in R['operations'][number] as O['value']]: O };
};

export const OPERATIONS = Object.fromEntries(
	RESOURCES.map((resource: Resource) => [
		resource.value,
		Object.fromEntries(resource.operations.map((operation) => [operation.value, operation])),
	]),
) as OperationMap;

/** The operation a node's `resource` and `operation` parameters name, if any. */
export function findOperation(resource: string, operation: string): Operation | undefined {
	const operations = (OPERATIONS as Record<string, Record<string, Operation> | undefined>)[resource];
	return operations && Object.prototype.hasOwnProperty.call(operations, operation) ? operations[operation] : undefined;
}

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: RESOURCES.map(({ name, value }) => ({ name, value })),
	default: 'file',
};

export const operationProperties: INodeProperties[] = RESOURCES.flatMap((resource: Resource) => resourceProperties(resource));

/**
 * The node's subtitle: the chosen operation's action text ("Get file or folder metadata"), looked up in a table
 * built from the operations, so it never shows raw parameter values.
 */
export function operationSubtitle(): string {
	const actions = RESOURCES.flatMap((resource: Resource) =>
		resource.operations.map((operation) => [`${resource.value}:${operation.value}`, operation.action]),
	);
	const key = '$parameter["resource"] + ":" + $parameter["operation"]';
	return `={{ (${JSON.stringify(actions)}.find((entry) => entry[0] === ${key}) ?? [])[1] ?? $parameter["operation"] }}`;
}
