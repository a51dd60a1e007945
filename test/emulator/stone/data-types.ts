/** Resolved, checkable types: what a TypeRef means once aliases and names are looked up. */
import type { DefaultValue, StructDef, UnionDef } from './model';

export type DataType =
	| { kind: 'string'; minLength?: number; maxLength?: number; pattern?: string }
	| { kind: 'integer'; name: string; min: bigint; max: bigint }
	| { kind: 'float'; name: string; min?: number; max?: number }
	| { kind: 'boolean' }
	| { kind: 'bytes'; minLength?: number; maxLength?: number }
	| { kind: 'timestamp'; format: string }
	| { kind: 'void' }
	| { kind: 'list'; item: DataType; minItems?: number; maxItems?: number }
	| { kind: 'map'; key: DataType; value: DataType }
	| { kind: 'nullable'; inner: DataType }
	| { kind: 'struct'; def: StructDef }
	| { kind: 'union'; def: UnionDef };

export interface ResolvedField {
	name: string;
	type: DataType;
	default?: DefaultValue;
}

export interface ResolvedMember {
	name: string;
	/** `void` for members without a value. */
	type: DataType;
	catchAll: boolean;
}

export const INTEGER_RANGES: Record<string, [bigint, bigint]> = {
	Int32: [-(2n ** 31n), 2n ** 31n - 1n],
	UInt32: [0n, 2n ** 32n - 1n],
	Int64: [-(2n ** 63n), 2n ** 63n - 1n],
	UInt64: [0n, 2n ** 64n - 1n],
};

/** IEEE single precision's largest finite magnitude, as Stone rounds it. */
export const FLOAT32_LIMIT = 3.40282e38;

export function unwrapNullable(type: DataType): { type: DataType; nullable: boolean } {
	return type.kind === 'nullable' ? { type: type.inner, nullable: true } : { type, nullable: false };
}
