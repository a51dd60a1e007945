/** Checks of Stone's primitive types on decoded JSON, with Stone's messages. */
import type { DataType } from './data-types';
import { fullMatchRegExp } from './python-regex';
import { timestampFormatError } from './timestamp-format';
import { ValidationFailure, jsonTypeName } from './validation-error';

type PrimitiveKind = 'string' | 'integer' | 'float' | 'boolean' | 'bytes' | 'timestamp' | 'void';
type Primitive = Extract<DataType, { kind: PrimitiveKind }>;

const expected = (what: string, value: unknown) =>
	new ValidationFailure(`expected ${what}, got ${jsonTypeName(value)}`);

/** Python's `%f`. */
const fixed6 = (n: number) => n.toFixed(6);

function checkString(type: Extract<DataType, { kind: 'string' }>, value: unknown): string {
	if (typeof value !== 'string') throw expected('string', value);
	// Lengths count code points, as Python's len() does, not UTF-16 units.
	const length = [...value].length;
	if (type.maxLength !== undefined && length > type.maxLength) {
		throw new ValidationFailure(`'${value}' must be at most ${type.maxLength} characters, got ${length}`);
	}
	if (type.minLength !== undefined && length < type.minLength) {
		throw new ValidationFailure(`'${value}' must be at least ${type.minLength} characters, got ${length}`);
	}
	if (type.pattern !== undefined && !fullMatchRegExp(type.pattern).test(value)) {
		throw new ValidationFailure(`'${value}' did not match pattern '${type.pattern}'`);
	}
	return value;
}

function checkInteger(type: Extract<DataType, { kind: 'integer' }>, value: unknown): number {
	if (typeof value !== 'number' || !Number.isInteger(value)) throw expected('integer', value);
	const big = BigInt(value);
	if (big < type.min || big > type.max) {
		throw new ValidationFailure(`${big} is not within range [${type.min}, ${type.max}]`);
	}
	return value;
}

function checkFloat(type: Extract<DataType, { kind: 'float' }>, value: unknown): number {
	if (typeof value !== 'number') throw expected('real number', value);
	if (type.min !== undefined && value < type.min) {
		throw new ValidationFailure(`${fixed6(value)} is not greater than ${fixed6(type.min)}`);
	}
	if (type.max !== undefined && value > type.max) {
		throw new ValidationFailure(`${fixed6(value)} is not less than ${fixed6(type.max)}`);
	}
	return value;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function checkBytes(type: Extract<DataType, { kind: 'bytes' }>, value: unknown): string {
	if (typeof value !== 'string') throw expected('string', value);
	if (!BASE64.test(value)) throw new ValidationFailure('invalid base64-encoded bytes');
	const size = Buffer.from(value, 'base64').length;
	if (type.maxLength !== undefined && size > type.maxLength) {
		throw new ValidationFailure(`must have at most ${type.maxLength} bytes, got ${size}`);
	}
	if (type.minLength !== undefined && size < type.minLength) {
		throw new ValidationFailure(`has fewer than ${type.minLength} bytes, got ${size}`);
	}
	return value;
}

/** The value, unchanged, if it is a valid JSON encoding of the primitive; else throws ValidationFailure. */
export function checkPrimitive(type: Primitive, value: unknown): unknown {
	switch (type.kind) {
		case 'string':
			return checkString(type, value);
		case 'integer':
			return checkInteger(type, value);
		case 'float':
			return checkFloat(type, value);
		case 'boolean':
			if (typeof value !== 'boolean') throw expected('boolean', value);
			return value;
		case 'bytes':
			return checkBytes(type, value);
		case 'timestamp': {
			if (typeof value !== 'string') throw expected('string', value);
			const problem = timestampFormatError(value, type.format);
			if (problem) throw new ValidationFailure(problem);
			return value;
		}
		case 'void':
			if (value !== null && value !== undefined) throw new ValidationFailure('expected null, got value');
			return null;
	}
}

export function isPrimitive(type: DataType): type is Primitive {
	return ['string', 'integer', 'float', 'boolean', 'bytes', 'timestamp', 'void'].includes(type.kind);
}
