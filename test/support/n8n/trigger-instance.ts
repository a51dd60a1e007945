/**
 * What one n8n instance keeps for an active trigger across activations and restarts, as n8n 2.x keeps it in its
 * database: the workflow's static data as last saved (saved only when the trigger emits, and when `trigger()`
 * returns at activation), the unique index of execution deduplication keys (instance-wide), and the executions
 * the trigger started.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

export interface TriggeredExecution {
	/** Which activation emitted it (1 = first). */
	activation: number;
	items: INodeExecutionData[];
	deduplicationKey?: string;
}

export interface TriggerInstanceOptions {
	/** False: an n8n whose emit ignores deduplication keys (before 2.x). */
	deduplication?: boolean;
}

export class TriggerInstance {
	constructor(private readonly options: TriggerInstanceOptions = {}) {}

	/** The static data a new activation starts from (deep copy of the last save). */
	private saved: IDataObject = {};

	private readonly keys = new Set<string>();

	readonly executions: TriggeredExecution[] = [];

	/** Emits whose key was seen before: n8n started no execution for them. */
	readonly skippedDuplicates: string[] = [];

	/** How many times static data was written to the "database". */
	saves = 0;

	private listeners: Array<() => void> = [];

	savedStaticData(): IDataObject {
		return structuredClone(this.saved);
	}

	saveStaticData(data: IDataObject): void {
		// As n8n stores it: JSON in the workflow row (the live object is an observing Proxy).
		this.saved = JSON.parse(JSON.stringify(data)) as IDataObject;
		this.saves++;
	}

	/** n8n's unique index: false when the key is taken (no execution starts). */
	claimKey(key: string | undefined): boolean {
		if (key === undefined || this.options.deduplication === false) return true;
		if (this.keys.has(key)) return false;
		this.keys.add(key);
		return true;
	}

	recordExecution(execution: TriggeredExecution): void {
		this.executions.push(execution);
		for (const listener of this.listeners) listener();
	}

	/** The JSON of every execution's first item, in the order the executions started. */
	emittedJson(): IDataObject[] {
		return this.executions.map((execution) => execution.items[0]?.json ?? {});
	}

	/** Resolves once at least `count` executions were started; rejects after `timeoutMs`. */
	async waitForExecutions(count: number, timeoutMs = 20_000): Promise<TriggeredExecution[]> {
		if (this.executions.length >= count) return this.executions.slice();
		return await new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.listeners = this.listeners.filter((l) => l !== check);
				reject(new Error(`expected ${count} executions within ${timeoutMs} ms, got ${this.executions.length}`));
			}, timeoutMs);
			const check = () => {
				if (this.executions.length < count) return;
				clearTimeout(timer);
				this.listeners = this.listeners.filter((l) => l !== check);
				resolve(this.executions.slice());
			};
			this.listeners.push(check);
		});
	}
}
