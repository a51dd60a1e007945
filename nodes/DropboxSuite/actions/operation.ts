import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** One output item of an operation. The router adds `pairedItem`: operations never set it. */
export interface OperationItem {
	json: IDataObject;
	binary?: IBinaryKeyData;
}

/** What became of one input item in an operation that takes all items at once. */
export type ItemOutcome = { items: OperationItem[] } | { error: unknown };

interface OperationEntry<V extends string> {
	/** The `operation` parameter's value. */
	value: V;
	/** Shown in the Operation list. */
	name: string;
	/** Shown in the node's actions list and to AI agents: a verb phrase. */
	action: string;
	description: string;
	/** The operation's own parameters; shown only for this resource and operation. */
	properties: INodeProperties[];
}

/** Runs once per input item; throws to fail that item. */
export interface PerItemOperation<V extends string = string> extends OperationEntry<V> {
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationItem[]>;
	executeAll?: never;
}

/**
 * Runs once for all input items (batch routes, parallel transfers): returns one outcome per input item, in
 * input order. A failed item is an outcome, not a throw, so the others keep their results.
 */
export interface AllItemsOperation<V extends string = string> extends OperationEntry<V> {
	executeAll(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]>;
	execute?: never;
}

export type Operation<V extends string = string> = PerItemOperation<V> | AllItemsOperation<V>;

/** Keeps the operation's value as a literal type, so that the router's map is typed by it. */
export function defineOperation<const V extends string>(operation: Operation<V>): Operation<V> {
	return operation;
}
