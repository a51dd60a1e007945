/**
 * The Stone spec as the emulator uses it: the parsed type model, and a check of route arguments
 * that answers like Dropbox (message without the dispatcher's "request body: " prefix).
 */
import type { DataType } from './data-types';
import { StoneDecoder } from './decode';
import { specResolver } from './load-spec';
import { ValidationFailure } from './validation-error';

export type { DataType, ResolvedField, ResolvedMember } from './data-types';
export type * from './model';
export { loadApiSpec, parseSpecDir, SPEC_DIR } from './load-spec';
export { parseStone } from './parser';
export { TypeResolver, SpecError } from './resolve';
export { StoneDecoder } from './decode';

export type ValidationOutcome = { ok: true; value: unknown } | { ok: false; message: string };

export interface RouteArgRef {
	key: string;
	namespace: string;
	/** A type name as routes.json gives it (`ListFolderArg`, `async.PollArg`), or `Void` / null. */
	arg: string | null;
}

let decoder: StoneDecoder | undefined;
const decoderFor = () => (decoder ??= new StoneDecoder(specResolver()));

/** The resolved type `name` stands for inside `namespace` (aliases followed). */
export function typeOf(namespace: string, name: string): DataType {
	return specResolver().typeOf(namespace, name);
}

/** Checks `value` against any type; on success `value` is the normalised argument. */
export function validateValue(type: DataType, value: unknown): ValidationOutcome {
	try {
		return { ok: true, value: decoderFor().decode(type, value) };
	} catch (error) {
		if (error instanceof ValidationFailure) return { ok: false, message: error.describe() };
		throw error;
	}
}

/**
 * Checks a route's argument. Throws (a bug in the spec or the caller, not in the request) only when
 * the route's argument type does not exist.
 */
export function validateRouteArg(route: RouteArgRef, value: unknown): ValidationOutcome {
	const isVoid = route.arg === null || route.arg === 'Void';
	const type: DataType = isVoid ? { kind: 'void' } : typeOf(route.namespace, route.arg!);
	return validateValue(type, value);
}
