/**
 * Looks names up across namespaces and turns TypeRefs into DataTypes. Results are memoised per
 * declaration site, so recursive types (a struct listing itself) cost nothing after the first use.
 */
import {
	FLOAT32_LIMIT,
	INTEGER_RANGES,
	type DataType,
	type ResolvedField,
	type ResolvedMember,
} from './data-types';
import type { ApiSpec, Literal, StructDef, TypeRef, UnionDef, UserTypeDef } from './model';
import { parseTypeExpression } from './parser';

export class SpecError extends Error {}

const PRIMITIVES = new Set([
	'String',
	'Int32',
	'Int64',
	'UInt32',
	'UInt64',
	'Float32',
	'Float64',
	'Boolean',
	'Bytes',
	'Timestamp',
	'Void',
	'List',
	'Map',
]);

function optionalNumber(ref: TypeRef, key: string): number | undefined {
	const value = ref.keywords[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number') throw new SpecError(`${ref.name}: ${key} must be a number`);
	return value;
}

function checkKeywords(ref: TypeRef, allowed: string[]): void {
	for (const key of Object.keys(ref.keywords)) {
		if (!allowed.includes(key)) throw new SpecError(`${ref.name} has no argument '${key}'`);
	}
}

function asBigInt(value: Literal | undefined, fallback: bigint): bigint {
	if (value === undefined || value === null) return fallback;
	if (typeof value !== 'number' || !Number.isInteger(value)) {
		throw new SpecError(`integer bound expected, got ${String(value)}`);
	}
	return BigInt(value);
}

export class TypeResolver {
	private readonly resolved = new WeakMap<TypeRef, DataType>();
	/** Parsed `typeOf` expressions, kept so that their resolution is memoised too. */
	private readonly expressions = new Map<string, TypeRef>();
	private readonly fields = new WeakMap<StructDef, ResolvedField[]>();
	private readonly members = new WeakMap<UnionDef, ResolvedMember[]>();
	private readonly subtypes = new WeakMap<StructDef, Map<string, StructDef>>();

	constructor(readonly spec: ApiSpec) {}

	/** A user-defined type by the name a declaration in `namespace` would use (`Path`, `common.Path`). */
	lookup(namespace: string, name: string): UserTypeDef {
		const dot = name.lastIndexOf('.');
		const nsName = dot >= 0 ? name.slice(0, dot) : namespace;
		const typeName = dot >= 0 ? name.slice(dot + 1) : name;
		const ns = this.spec.namespaces.get(nsName);
		if (!ns) throw new SpecError(`unknown namespace '${nsName}' (in ${namespace})`);
		if (nsName !== namespace && !this.spec.namespaces.get(namespace)?.imports.includes(nsName)) {
			throw new SpecError(`namespace '${namespace}' uses '${name}' without importing '${nsName}'`);
		}
		const def = ns.types.get(typeName);
		if (!def) throw new SpecError(`unknown type '${name}' (in ${namespace})`);
		return def;
	}

	/** The type an expression (`Path`, `common.Path`, `List(Entry)?`) means in `namespace`, aliases followed. */
	typeOf(namespace: string, expression: string): DataType {
		const key = `${namespace}\u0000${expression}`;
		let ref = this.expressions.get(key);
		if (!ref) {
			ref = parseTypeExpression(expression);
			this.expressions.set(key, ref);
		}
		return this.resolve(namespace, ref);
	}

	resolve(namespace: string, ref: TypeRef): DataType {
		const cached = this.resolved.get(ref);
		if (cached) return cached;
		const base = PRIMITIVES.has(ref.name) ? this.primitive(namespace, ref) : this.userType(namespace, ref);
		const type: DataType = ref.nullable && base.kind !== 'nullable' ? { kind: 'nullable', inner: base } : base;
		this.resolved.set(ref, type);
		return type;
	}

	private userType(namespace: string, ref: TypeRef): DataType {
		if (ref.positional.length > 0 || ref.literals.length > 0 || Object.keys(ref.keywords).length > 0) {
			throw new SpecError(`user type '${ref.name}' takes no arguments`);
		}
		const def = this.lookup(namespace, ref.name);
		if (def.kind === 'alias') return this.resolve(def.namespace, def.type);
		return def.kind === 'struct' ? { kind: 'struct', def } : { kind: 'union', def };
	}

	private primitive(namespace: string, ref: TypeRef): DataType {
		switch (ref.name) {
			case 'String': {
				checkKeywords(ref, ['min_length', 'max_length', 'pattern']);
				const pattern = ref.keywords.pattern;
				if (pattern !== undefined && typeof pattern !== 'string') throw new SpecError('String pattern must be a string');
				return {
					kind: 'string',
					minLength: optionalNumber(ref, 'min_length'),
					maxLength: optionalNumber(ref, 'max_length'),
					pattern: pattern ?? undefined,
				};
			}
			case 'Int32':
			case 'Int64':
			case 'UInt32':
			case 'UInt64': {
				checkKeywords(ref, ['min_value', 'max_value']);
				const [min, max] = INTEGER_RANGES[ref.name];
				return {
					kind: 'integer',
					name: ref.name,
					min: asBigInt(ref.keywords.min_value, min),
					max: asBigInt(ref.keywords.max_value, max),
				};
			}
			case 'Float32':
			case 'Float64': {
				checkKeywords(ref, ['min_value', 'max_value']);
				const limit = ref.name === 'Float32' ? FLOAT32_LIMIT : undefined;
				return {
					kind: 'float',
					name: ref.name,
					min: optionalNumber(ref, 'min_value') ?? (limit === undefined ? undefined : -limit),
					max: optionalNumber(ref, 'max_value') ?? limit,
				};
			}
			case 'Boolean':
				checkKeywords(ref, []);
				return { kind: 'boolean' };
			case 'Void':
				checkKeywords(ref, []);
				return { kind: 'void' };
			case 'Bytes':
				checkKeywords(ref, ['min_length', 'max_length']);
				return {
					kind: 'bytes',
					minLength: optionalNumber(ref, 'min_length'),
					maxLength: optionalNumber(ref, 'max_length'),
				};
			case 'Timestamp': {
				const format = ref.literals[0] ?? ref.keywords.format;
				if (typeof format !== 'string') throw new SpecError('Timestamp needs a format string');
				return { kind: 'timestamp', format };
			}
			case 'List': {
				checkKeywords(ref, ['min_items', 'max_items']);
				if (ref.positional.length !== 1) throw new SpecError('List takes one element type');
				return {
					kind: 'list',
					item: this.resolve(namespace, ref.positional[0]),
					minItems: optionalNumber(ref, 'min_items'),
					maxItems: optionalNumber(ref, 'max_items'),
				};
			}
			case 'Map': {
				checkKeywords(ref, []);
				if (ref.positional.length !== 2) throw new SpecError('Map takes a key and a value type');
				return {
					kind: 'map',
					key: this.resolve(namespace, ref.positional[0]),
					value: this.resolve(namespace, ref.positional[1]),
				};
			}
		}
		throw new SpecError(`unknown primitive '${ref.name}'`);
	}

	/**
	 * Fields annotated with an `Omitted(...)` annotation (`@common.InternalOnly`) exist only for
	 * Dropbox-internal callers: to an app they are unknown fields.
	 */
	private isOmitted(namespace: string, annotations: string[]): boolean {
		return annotations.some((name) => {
			const dot = name.lastIndexOf('.');
			const ns = this.spec.namespaces.get(dot >= 0 ? name.slice(0, dot) : namespace);
			return ns?.annotations.get(dot >= 0 ? name.slice(dot + 1) : name) === 'Omitted';
		});
	}

	private parentOf<T extends StructDef | UnionDef>(def: T): T | undefined {
		if (!def.extends) return undefined;
		const parent = this.lookup(def.namespace, def.extends);
		if (parent.kind !== def.kind) throw new SpecError(`${def.name} extends ${def.extends}, which is not a ${def.kind}`);
		return parent as T;
	}

	/** Every field of a struct, inherited ones first (the order Stone checks them in). */
	structFields(def: StructDef): ResolvedField[] {
		let fields = this.fields.get(def);
		if (!fields) {
			const parent = this.parentOf(def);
			fields = [
				...(parent ? this.structFields(parent) : []),
				...def.fields
					.filter((f) => !this.isOmitted(def.namespace, f.annotations))
					.map((f) => ({ name: f.name, type: this.resolve(def.namespace, f.type), default: f.default })),
			];
			this.fields.set(def, fields);
		}
		return fields;
	}

	/** Enumerated subtypes by tag; empty for a struct without a `union` block. */
	structSubtypes(def: StructDef): Map<string, StructDef> {
		let subtypes = this.subtypes.get(def);
		if (!subtypes) {
			subtypes = new Map();
			for (const member of def.subtypes?.members ?? []) {
				const sub = this.lookup(def.namespace, member.type.name);
				if (sub.kind !== 'struct') throw new SpecError(`subtype ${member.type.name} of ${def.name} is not a struct`);
				subtypes.set(member.tag, sub);
			}
			this.subtypes.set(def, subtypes);
		}
		return subtypes;
	}

	/**
	 * Every member of a union, inherited ones first. An open union (`union`, not `union_closed`)
	 * without a declared catch-all gets Stone's implicit void `other`.
	 */
	unionMembers(def: UnionDef): ResolvedMember[] {
		let members = this.members.get(def);
		if (!members) {
			const parent = this.parentOf(def);
			members = [
				...(parent ? this.unionMembers(parent) : []),
				...def.members
					.filter((m) => !this.isOmitted(def.namespace, m.annotations))
					.map((m) => ({
						name: m.name,
						type: m.type ? this.resolve(def.namespace, m.type) : ({ kind: 'void' } as DataType),
						catchAll: m.catchAll,
					})),
			];
			if (!def.closed && !members.some((m) => m.catchAll)) {
				members.push({ name: 'other', type: { kind: 'void' }, catchAll: true });
			}
			this.members.set(def, members);
		}
		return members;
	}
}
