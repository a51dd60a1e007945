import { FaultStore, faultProblem } from './faults';

describe('FaultStore', () => {
	it('applies a fault to the next `times` calls of its route only', () => {
		const faults = new FaultStore();
		faults.add({ route: 'files/upload', kind: 'status', status: 429, times: 2 });
		expect(faults.take('files/download')).toBeUndefined();
		expect(faults.take('files/upload')?.status).toBe(429);
		expect(faults.take('files/upload')?.status).toBe(429);
		expect(faults.take('files/upload')).toBeUndefined();
	});
	it('applies faults of one route in the order they were added', () => {
		const faults = new FaultStore();
		faults.add({ route: 'check/user', kind: 'status', status: 500 });
		faults.add({ route: 'check/user', kind: 'reset' });
		expect(faults.take('check/user')?.kind).toBe('status');
		expect(faults.take('check/user')?.kind).toBe('reset');
	});
});

describe('faultProblem', () => {
	it('accepts well-formed faults', () => {
		expect(faultProblem({ route: 'files/upload', kind: 'status', status: 503 })).toBeUndefined();
		expect(faultProblem({ route: 'files/upload', kind: 'reset', after_bytes: 10 })).toBeUndefined();
		expect(faultProblem({ route: 'files/upload', kind: 'delay', delay_ms: 5, times: 3 })).toBeUndefined();
		for (const body of ['json', 'json_no_retry_after', 'text'] as const) {
			expect(faultProblem({ route: 'files/upload', kind: 'status', status: 429, body })).toBeUndefined();
		}
	});
	it('names what is wrong', () => {
		expect(faultProblem({ kind: 'reset' })).toMatch(/route/);
		expect(faultProblem({ route: 'x', kind: 'explode' as never })).toMatch(/kind/);
		expect(faultProblem({ route: 'x', kind: 'status', status: 200 })).toMatch(/status/);
		expect(faultProblem({ route: 'x', kind: 'delay' })).toMatch(/delay_ms/);
		expect(faultProblem({ route: 'x', kind: 'reset', times: 0 })).toMatch(/times/);
		expect(faultProblem({ route: 'x', kind: 'reset', after_bytes: -1 })).toMatch(/after_bytes/);
		expect(faultProblem({ route: 'x', kind: 'reset', after_bytes: 1.5 })).toMatch(/after_bytes/);
		expect(faultProblem({ route: 'x', kind: 'status', status: 429, body: 'xml' as never })).toMatch(/body must be/);
		expect(faultProblem({ route: 'x', kind: 'status', status: 503, body: 'text' })).toMatch(/429/);
	});
});
