/**
 * Route errors in Stone's JSON form (spec/files.stone). A union member carrying a union is
 * `{".tag": m, m: {...}}`; a member carrying a struct has the struct's fields next to ".tag".
 */
import { ApiError } from '../contract';

export type Tagged = { '.tag': string; [field: string]: unknown };

export type LookupTag = 'not_found' | 'not_file' | 'not_folder' | 'malformed_path';
export type ConflictTag = 'file' | 'folder' | 'file_ancestor';

export function lookupError(tag: LookupTag): Tagged {
	return { '.tag': tag };
}

export type WriteFailure =
	| { '.tag': 'conflict'; conflict: { '.tag': ConflictTag } }
	| { '.tag': 'malformed_path' | 'insufficient_space' | 'disallowed_name' | 'no_write_permission' | 'too_many_write_operations' | 'team_folder' };

export function conflict(tag: ConflictTag): WriteFailure {
	return { '.tag': 'conflict', conflict: { '.tag': tag } };
}

/** `{".tag": member, member: value}`: a union member whose value is itself a union. */
export function nest(member: string, value: Tagged | WriteFailure): Tagged {
	return { '.tag': member, [member]: value };
}

/** A 409 route error. */
export function routeError(error: Tagged): ApiError {
	return new ApiError(409, error);
}

/** Thrown inside the store, turned into the route's own union by each handler (see `asRouteError`). */
export class LookupFailure extends Error {
	constructor(readonly tag: LookupTag) {
		super(tag);
	}
}

export class WriteRejected extends Error {
	constructor(readonly failure: WriteFailure) {
		super(failure['.tag']);
	}
}

/** Seconds a client is told to wait when writes to one namespace overlap. */
export const WRITE_RETRY_AFTER_S = 1;

/** Dropbox's RateLimitError for overlapping writes: HTTP 429 with Retry-After. */
export function tooManyWriteOperations(): ApiError {
	return new ApiError(
		429,
		{ reason: { '.tag': 'too_many_write_operations' }, retry_after: WRITE_RETRY_AFTER_S },
		{ retryAfter: WRITE_RETRY_AFTER_S, summary: 'too_many_write_operations' },
	);
}

/** Dropbox's plain-text 400 for an argument it rejects before any route logic. */
export function badRequest(routeKey: string, message: string): ApiError {
	return new ApiError(400, null, { text: `Error in call to API function "${routeKey}": ${message}` });
}

/**
 * Rethrows a store failure as the route's union: a LookupFailure under `lookup`, a WriteRejected under
 * `write` (each a member name of the route's error union). Anything else passes through.
 */
export function asRouteError(error: unknown, members: { lookup?: string; write?: string }): unknown {
	if (error instanceof LookupFailure && members.lookup) return routeError(nest(members.lookup, lookupError(error.tag)));
	if (error instanceof WriteRejected && members.write) return routeError(nest(members.write, error.failure));
	if (error instanceof LookupFailure && members.write) {
		// A write path that cannot even be parsed is WriteError.malformed_path.
		return routeError(nest(members.write, { '.tag': 'malformed_path' }));
	}
	return error;
}

export function json(body: unknown): { kind: 'json'; body: unknown } {
	return { kind: 'json', body };
}
