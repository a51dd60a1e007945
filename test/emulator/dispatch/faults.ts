/** Failures the admin interface schedules for the next calls of a route. */

/**
 * The shapes Dropbox's 429 answers come in: JSON with `retry_after` (and `Retry-After`), JSON without it,
 * and a plain-text body. A client has to cope with all three.
 */
export const RATE_LIMIT_BODIES = ['json', 'json_no_retry_after', 'text'] as const;
export type RateLimitBody = (typeof RATE_LIMIT_BODIES)[number];

export interface FaultSpec {
	route: string;
	kind: 'status' | 'reset' | 'delay';
	status?: number;
	retry_after?: number;
	/**
	 * For `reset`: how many bytes of the body go through before the connection drops — of a download's
	 * answer, or of an upload's request (route-call.ts, body-cut.ts). 0 unless given.
	 */
	after_bytes?: number;
	delay_ms?: number;
	/** How many calls fail this way; 1 unless given. */
	times?: number;
	/** For `status`: the JSON error value of a 401/409 answer, instead of a generic one. */
	error?: unknown;
	/** For a 429 `status`: which of Dropbox's shapes to answer in; `json` unless given. */
	body?: RateLimitBody;
}

export class FaultStore {
	private faults: Array<FaultSpec & { remaining: number }> = [];

	add(spec: FaultSpec): void {
		this.faults.push({ ...spec, remaining: spec.times ?? 1 });
	}

	/** The next fault of the route, consumed; faults of one route apply in the order they were added. */
	take(routeKey: string): FaultSpec | undefined {
		const index = this.faults.findIndex((f) => f.route === routeKey && f.remaining > 0);
		if (index < 0) return undefined;
		const fault = this.faults[index];
		fault.remaining--;
		if (fault.remaining === 0) this.faults.splice(index, 1);
		return fault;
	}

	clear(): void {
		this.faults = [];
	}
}

/** Validates an admin fault request; answers the problem, or undefined when it is well-formed. */
export function faultProblem(spec: Partial<FaultSpec>): string | undefined {
	if (typeof spec.route !== 'string' || spec.route === '') return 'route is required';
	if (!['status', 'reset', 'delay'].includes(spec.kind as string)) return 'kind must be status, reset or delay';
	if (spec.kind === 'status' && !(Number.isInteger(spec.status) && spec.status! >= 400 && spec.status! < 600)) {
		return 'status must be an HTTP error status (400-599)';
	}
	if (spec.after_bytes !== undefined && !(Number.isInteger(spec.after_bytes) && spec.after_bytes >= 0)) {
		return 'after_bytes must be an integer ≥ 0';
	}
	if (spec.kind === 'delay' && !(typeof spec.delay_ms === 'number' && spec.delay_ms >= 0)) {
		return 'delay_ms must be a number ≥ 0';
	}
	if (spec.body !== undefined) {
		if (!RATE_LIMIT_BODIES.includes(spec.body)) return `body must be one of ${RATE_LIMIT_BODIES.join(', ')}`;
		if (spec.kind !== 'status' || spec.status !== 429) return 'body applies to status 429 faults only';
	}
	if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times > 0)) {
		return 'times must be a positive integer';
	}
	return undefined;
}
