/**
 * The Stone type model: declarations as written in the spec, with type references left as names.
 * `resolve.ts` turns a reference into a checkable `DataType` when someone needs it.
 */

export type Literal = string | number | boolean | null;

/** `List(Path, max_items=10)`, `common.Path?`, `UInt32(min_value=1)`. */
export interface TypeRef {
	/** As written: `Path` or `common.Path`. */
	name: string;
	/** Positional arguments (the element types of List and Map). */
	positional: TypeRef[];
	/** Keyword arguments (`min_length=1`, `pattern="…"`) and literal positionals (`Timestamp("%Y")`). */
	keywords: Record<string, Literal>;
	literals: Literal[];
	nullable: boolean;
}

export type DefaultValue = { kind: 'literal'; value: Literal } | { kind: 'tag'; tag: string };

export interface FieldDef {
	name: string;
	type: TypeRef;
	default?: DefaultValue;
	/** Annotation names as written (`common.Deprecated`, `common.InternalOnly`). */
	annotations: string[];
}

export interface SubtypeDef {
	tag: string;
	type: TypeRef;
}

export interface StructDef {
	kind: 'struct';
	namespace: string;
	name: string;
	extends?: string;
	fields: FieldDef[];
	/** Enumerated subtypes (`union` / `union_closed` block inside the struct). */
	subtypes?: { closed: boolean; members: SubtypeDef[] };
}

export interface UnionMemberDef {
	name: string;
	/** Absent for void members. */
	type?: TypeRef;
	/** Declared with `*`: the member unknown tags fall back to when receiving leniently. */
	catchAll: boolean;
	annotations: string[];
}

export interface UnionDef {
	kind: 'union';
	namespace: string;
	name: string;
	closed: boolean;
	extends?: string;
	members: UnionMemberDef[];
}

export interface AliasDef {
	kind: 'alias';
	namespace: string;
	name: string;
	type: TypeRef;
}

export type UserTypeDef = StructDef | UnionDef | AliasDef;

export interface RouteDef {
	namespace: string;
	name: string;
	version: number;
	arg: TypeRef;
	result: TypeRef;
	error: TypeRef;
	deprecated: boolean;
	deprecatedBy?: string;
	attrs: Record<string, Literal>;
}

export interface NamespaceDef {
	name: string;
	imports: string[];
	types: Map<string, UserTypeDef>;
	routes: RouteDef[];
	/** `annotation Name = Kind(args)`: kept so references to them can be told apart from types. */
	annotations: Map<string, string>;
}

export interface ApiSpec {
	namespaces: Map<string, NamespaceDef>;
}
