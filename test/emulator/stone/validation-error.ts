/** A failed check, with the field path collected on the way back up (innermost first). */
export class ValidationFailure extends Error {
	private readonly parents: string[] = [];

	constructor(readonly reason: string) {
		super(reason);
	}

	addParent(name: string): this {
		this.parents.push(name);
		this.message = this.describe();
		return this;
	}

	/** Dropbox's form: `outer.inner: reason`, or the bare reason at the top level. */
	describe(): string {
		return this.parents.length > 0 ? `${[...this.parents].reverse().join('.')}: ${this.reason}` : this.reason;
	}
}

/** How Stone names a JSON value's type in messages (`expected string, got integer`). */
export function jsonTypeName(value: unknown): string {
	if (value === null || value === undefined) return 'null';
	if (typeof value === 'boolean') return 'boolean';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'float';
	if (typeof value === 'string') return 'string';
	if (Array.isArray(value)) return 'list';
	return 'object';
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
