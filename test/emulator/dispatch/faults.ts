/** Failures the admin interface schedules for the next calls of a route. */
export interface FaultSpec {
	route: string;
	kind: 'status' | 'reset' | 'delay';
	status?: number;
	retry_after?: number;
	after_bytes?: number;
	delay_ms?: number;
	/** How many calls fail this way; 1 unless given. */
	times?: number;
	/** For `status`: the JSON error value of a 401/409 answer, instead of a generic one. */
	error?: unknown;
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
	if (spec.kind === 'delay' && !(typeof spec.delay_ms === 'number' && spec.delay_ms >= 0)) {
		return 'delay_ms must be a number ≥ 0';
	}
	if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times > 0)) {
		return 'times must be a positive integer';
	}
	return undefined;
}
