/**
 * Decodes a request argument from Stone's JSON wire format, strictly (as Dropbox does for what
 * clients send): unknown fields and tags are errors. The result is normalised so that handlers see
 * one shape: defaults filled in, nullable fields sent as null left out, every union value an object
 * with `.tag` (`"add"` becomes `{".tag": "add"}`).
 */
import { unwrapNullable, type DataType } from './data-types';
import type { DefaultValue, StructDef, UnionDef } from './model';
import { checkPrimitive, isPrimitive } from './primitives';
import type { TypeResolver } from './resolve';
import { ValidationFailure, isJsonObject, jsonTypeName } from './validation-error';

type JsonObject = Record<string, unknown>;

/** Runs `check`, adding `parent` to the path of any failure. */
function under<T>(parent: string, check: () => T): T {
	try {
		return check();
	} catch (error) {
		if (error instanceof ValidationFailure) error.addParent(parent);
		throw error;
	}
}

export class StoneDecoder {
	constructor(private readonly resolver: TypeResolver) {}

	decode(type: DataType, value: unknown): unknown {
		if (isPrimitive(type)) return checkPrimitive(type, value);
		switch (type.kind) {
			case 'nullable':
				return value === null || value === undefined ? null : this.decode(type.inner, value);
			case 'list':
				return this.decodeList(type, value);
			case 'map':
				return this.decodeMap(type, value);
			case 'struct':
				return this.decodeStruct(type.def, value);
			case 'union':
				return this.decodeUnion(type.def, value);
		}
		throw new Error(`unhandled type ${(type as DataType).kind}`);
	}

	/** The normalised form of a field default: a union tag default becomes `{".tag": tag}`. */
	defaultValue(type: DataType, fallback: DefaultValue): unknown {
		const { type: inner } = unwrapNullable(type);
		if (fallback.kind === 'tag') {
			if (inner.kind !== 'union') throw new Error(`default '${fallback.tag}' names a tag, but the field is not a union`);
			return { '.tag': fallback.tag };
		}
		return fallback.value;
	}

	private decodeList(type: Extract<DataType, { kind: 'list' }>, value: unknown): unknown[] {
		if (!Array.isArray(value)) throw new ValidationFailure(`expected list, got ${jsonTypeName(value)}`);
		if (type.maxItems !== undefined && value.length > type.maxItems) {
			throw new ValidationFailure(`expected at most ${type.maxItems} items, got ${value.length}`);
		}
		if (type.minItems !== undefined && value.length < type.minItems) {
			throw new ValidationFailure(`expected at least ${type.minItems} items, got ${value.length}`);
		}
		return value.map((item) => this.decode(type.item, item));
	}

	private decodeMap(type: Extract<DataType, { kind: 'map' }>, value: unknown): JsonObject {
		if (!isJsonObject(value)) throw new ValidationFailure(`expected object, got ${jsonTypeName(value)}`);
		const out: JsonObject = {};
		for (const [key, item] of Object.entries(value)) {
			this.decode(type.key, key);
			out[key] = under(key, () => this.decode(type.value, item));
		}
		return out;
	}

	decodeStruct(def: StructDef, value: unknown): JsonObject {
		if (!isJsonObject(value)) throw new ValidationFailure(`expected object, got ${jsonTypeName(value)}`);
		const subtypes = this.resolver.structSubtypes(def);
		if (subtypes.size === 0) return this.decodeStructFields(def, value);
		// A struct with enumerated subtypes is sent as one of them, named by `.tag`.
		if (!('.tag' in value)) throw new ValidationFailure("missing '.tag' key");
		const tag = value['.tag'];
		if (typeof tag !== 'string') {
			throw new ValidationFailure(`expected string, got ${jsonTypeName(tag)}`).addParent('.tag');
		}
		const subtype = subtypes.get(tag);
		if (!subtype) throw new ValidationFailure(`unknown subtype '${tag}'`);
		if (this.resolver.structSubtypes(subtype).size > 0) {
			throw new ValidationFailure(`tag '${tag}' refers to non-leaf subtype`);
		}
		return { '.tag': tag, ...this.decodeStructFields(subtype, value) };
	}

	private decodeStructFields(def: StructDef, value: JsonObject): JsonObject {
		const fields = this.resolver.structFields(def);
		const known = new Set(fields.map((f) => f.name));
		for (const key of Object.keys(value)) {
			if (!known.has(key) && !key.startsWith('.tag')) throw new ValidationFailure(`unknown field '${key}'`);
		}
		const out: JsonObject = {};
		for (const field of fields) {
			if (field.name in value) {
				const decoded = under(field.name, () => this.decode(field.type, value[field.name]));
				if (decoded !== null) out[field.name] = decoded;
			} else if (field.default) {
				out[field.name] = this.defaultValue(field.type, field.default);
			}
		}
		for (const field of fields) {
			if (!(field.name in out) && !field.default && field.type.kind !== 'nullable' && field.type.kind !== 'void') {
				throw new ValidationFailure(`missing required field '${field.name}'`);
			}
		}
		return out;
	}

	decodeUnion(def: UnionDef, value: unknown): JsonObject {
		const members = this.resolver.unionMembers(def);
		const memberOf = (tag: string) => {
			const member = members.find((m) => m.name === tag);
			if (!member) throw new ValidationFailure(`unknown tag '${tag}'`);
			if (member.catchAll) throw new ValidationFailure(`unexpected use of the catch-all tag '${tag}'`);
			return member;
		};

		if (typeof value === 'string') {
			const member = memberOf(value);
			if (member.type.kind !== 'void' && member.type.kind !== 'nullable') {
				throw new ValidationFailure(`expected object for '${value}', got symbol`);
			}
			return { '.tag': value };
		}
		if (!isJsonObject(value)) throw new ValidationFailure(`expected string or object, got ${jsonTypeName(value)}`);
		if (!('.tag' in value)) throw new ValidationFailure("missing '.tag' key");
		const tag = value['.tag'];
		if (typeof tag !== 'string') throw new ValidationFailure(`tag must be string, got ${jsonTypeName(tag)}`);
		const member = memberOf(tag);
		const { type, nullable } = unwrapNullable(member.type);
		const rejectOtherKeys = () => {
			for (const key of Object.keys(value)) {
				if (key !== tag && key !== '.tag') throw new ValidationFailure(`unexpected key '${key}'`);
			}
		};

		if (type.kind === 'void') {
			if (tag in value && value[tag] !== null) {
				throw new ValidationFailure(`expected null, got ${jsonTypeName(value[tag])}`);
			}
			rejectOtherKeys();
			return { '.tag': tag };
		}
		// A plain struct's fields sit next to `.tag`; every other value (including a struct with
		// subtypes, whose own `.tag` would clash) sits under a key named like the tag.
		if (type.kind === 'struct' && this.resolver.structSubtypes(type.def).size === 0) {
			if (nullable && Object.keys(value).length === 1) return { '.tag': tag };
			return { '.tag': tag, ...under(tag, () => this.decodeStruct(type.def, value)) };
		}
		if (!(tag in value)) {
			if (!nullable) throw new ValidationFailure(`missing '${tag}' key`);
			rejectOtherKeys();
			return { '.tag': tag };
		}
		const decoded = under(tag, () => this.decode(member.type, value[tag]));
		rejectOtherKeys();
		return decoded === null ? { '.tag': tag } : { '.tag': tag, [tag]: decoded };
	}
}
