/**
 * Every way a Dropbox call can fail, reduced to one shape. The retry policy and the error mapping
 * both read this, so neither has to know about axios, n8n-core or HTTP bodies.
 */
export interface DropboxFailure {
	/** HTTP status; undefined when no response arrived. */
	status?: number;
	/** Dropbox's `error_summary`, or the plain text of a 400 answer. */
	summary?: string;
	/** The chain of nested union tags, outermost first: `['path', 'not_found']`. */
	tags: string[];
	/** Fields found along the tag chain (`required_scope`, `correct_offset`, …). */
	fields: Record<string, unknown>;
	/** Seconds Dropbox asked us to wait (`Retry-After` / `retry_after`). */
	retryAfterS?: number;
	/** Node's network error code (ECONNRESET, ETIMEDOUT, …) for a call that got no response. */
	networkCode?: string;
	/** The token endpoint's error (`invalid_grant`, `invalid_client`) when a refresh failed. */
	tokenError?: string;
	/** The raw response body (or the underlying error message), kept for the error's details. */
	body?: unknown;
	/** The call never reached Dropbox for a reason of our own (no credential selected, …). */
	local?: boolean;
}

/** The failure of a call the execution's cancellation ended (or kept from being sent). */
export function cancelledFailure(): DropboxFailure {
	return { tags: [], fields: {}, networkCode: 'ERR_CANCELED' };
}

export type FailureKind =
	| 'rateLimit'
	| 'server'
	| 'network'
	| 'auth'
	| 'badRequest'
	| 'route'
	| 'aborted'
	| 'other';

const RATE_LIMIT_TAGS = new Set(['too_many_write_operations', 'too_many_requests']);
const AUTH_STATUSES = new Set([401]);
/** Codes Node or axios give a request whose connection failed or dropped mid-way. */
const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'ECONNREFUSED',
	'EPIPE',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENETDOWN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
	'ERR_STREAM_PREMATURE_CLOSE',
]);

export function isNetworkCode(code: string | undefined): boolean {
	return code !== undefined && NETWORK_CODES.has(code);
}

export function failureKind(failure: DropboxFailure): FailureKind {
	if (failure.networkCode === 'ERR_CANCELED') return 'aborted';
	if (failure.networkCode !== undefined) return 'network';
	if (failure.tokenError !== undefined) return 'auth';
	const status = failure.status ?? 0;
	if (status === 429 || failure.tags.some((tag) => RATE_LIMIT_TAGS.has(tag))) return 'rateLimit';
	if (AUTH_STATUSES.has(status)) return 'auth';
	if (status >= 500) return 'server';
	if (status === 400) return 'badRequest';
	if (status === 409) return 'route';
	return 'other';
}

/**
 * Walks Dropbox's nested unions: `{'.tag':'path', path:{'.tag':'not_found'}}` → `['path','not_found']`.
 * Fields other than the tag's own value are collected on the way (`required_scope`, …). Where a struct sits
 * between two unions (a 429 body; an upload's `{'.tag':'path', reason: WriteError, upload_session_id}`, where the
 * struct's fields sit beside the tag), the walk goes on in `reason`.
 */
export function readTagChain(error: unknown): { tags: string[]; fields: Record<string, unknown> } {
	const tags: string[] = [];
	const fields: Record<string, unknown> = {};
	let node: unknown = error;
	for (;;) {
		// A struct between unions (a 429's body, UploadWriteFailed) holds the next union in `reason`.
		if (isRecord(node) && node['.tag'] === undefined && isRecord(node.reason)) {
			collectFields(node, fields, 'reason');
			node = node.reason;
		}
		if (!isRecord(node) || typeof node['.tag'] !== 'string') break;
		const tag = node['.tag'];
		tags.push(tag);
		collectFields(node, fields, tag);
		// A member whose type is a struct has the struct's fields beside its tag, not under it.
		node = node[tag] === undefined && isRecord(node.reason) ? node.reason : node[tag];
	}
	if (typeof node === 'string' && tags.length > 0) fields[tags[tags.length - 1]] = node;
	return { tags, fields };
}

function collectFields(node: Record<string, unknown>, fields: Record<string, unknown>, skip: string) {
	for (const [key, value] of Object.entries(node)) {
		if (key === '.tag' || key === skip) continue;
		if (!(key in fields)) fields[key] = value;
	}
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Builds a failure from an HTTP answer that was not 2xx. */
export function failureFromResponse(
	status: number,
	headers: Record<string, unknown>,
	body: unknown,
): DropboxFailure {
	const parsed = parseBody(body);
	const failure: DropboxFailure = { status, tags: [], fields: {}, body: parsed };
	if (isRecord(parsed)) {
		if (typeof parsed.error_summary === 'string') failure.summary = withoutTrailingDots(parsed.error_summary);
		const chain = readTagChain(parsed.error);
		failure.tags = chain.tags;
		failure.fields = chain.fields;
		const bodyRetry = isRecord(parsed.error) ? parsed.error.retry_after : undefined;
		if (typeof bodyRetry === 'number') failure.retryAfterS = bodyRetry;
	} else if (typeof parsed === 'string' && parsed.trim() !== '') {
		failure.summary = parsed.trim();
	}
	const headerRetry = Number(headerValue(headers, 'retry-after'));
	if (Number.isFinite(headerRetry) && headerRetry >= 0 && headerValue(headers, 'retry-after') !== undefined) {
		failure.retryAfterS = headerRetry;
	}
	return failure;
}

/**
 * Dropbox ends `error_summary` with a slash and a varying number of dots (`path/not_found/..`): they are not
 * part of the tag path, and a person should never see them. The raw body keeps Dropbox's own text.
 */
export function withoutTrailingDots(summary: string): string {
	return summary.replace(/\/\.*$/, '');
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return body;
	}
}

export function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers ?? {})) {
		if (key.toLowerCase() !== wanted) continue;
		if (Array.isArray(value)) return value.map(String).join(', ');
		return value === undefined || value === null ? undefined : String(value);
	}
	return undefined;
}
