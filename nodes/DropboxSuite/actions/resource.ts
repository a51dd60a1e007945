import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { Operation } from './operation';

export interface Resource<R extends string = string, O extends readonly Operation[] = readonly Operation[]> {
	/** The `resource` parameter's value. */
	value: R;
	/** Shown in the Resource list. */
	name: string;
	operations: O;
	defaultOperation: O[number]['value'];
}

/** Keeps the resource's and its operations' values as literal types for the router's map. */
export function defineResource<const R extends string, const O extends readonly Operation[]>(
	resource: Resource<R, O>,
): Resource<R, O> {
	return resource;
}

/** The resource's Operation list, built from its operations, followed by each operation's parameters. */
export function resourceProperties(resource: Resource): INodeProperties[] {
	const defaultOperation = resource.defaultOperation;
	const operationList: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: [...resource.operations]
			.sort((a, b) => a.name.localeCompare(b.name))
			.map(({ name, value, description, action }) => ({ name, value, description, action })),
		default: defaultOperation,
	};
	const operationProperties = resource.operations.flatMap((operation) =>
		updateDisplayOptions({ show: { resource: [resource.value], operation: [operation.value] } }, operation.properties),
	);
	return [operationList, ...operationProperties];
}
