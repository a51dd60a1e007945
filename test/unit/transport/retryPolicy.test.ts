import type { DropboxFailure } from '../../../nodes/shared/transport/failure';
import { failureFromResponse } from '../../../nodes/shared/transport/failure';
import { retryDelayMs, withRetries, type RetryPolicy } from '../../../nodes/shared/transport/retryPolicy';

/** A policy whose sleep only records: the "clock" is the list of waits. */
function fakePolicy(overrides: Partial<RetryPolicy> = {}) {
	const waits: number[] = [];
	const policy: RetryPolicy = {
		maxAttempts: 5,
		baseDelayMs: 500,
		maxDelayMs: 8000,
		defaultRateLimitWaitS: 1,
		maxRetryAfterS: 300,
		random: () => 0.5,
		sleep: async (ms) => {
			waits.push(ms);
		},
		...overrides,
	};
	return { policy, waits };
}

const rateLimited = (retryAfter: number) =>
	failureFromResponse(
		429,
		{ 'Retry-After': String(retryAfter) },
		{ error_summary: 'too_many_requests/', error: { reason: { '.tag': 'too_many_requests' }, retry_after: retryAfter } },
	);
const writeContention = failureFromResponse(409, {}, {
	error_summary: 'path/too_many_write_operations/..',
	error: { '.tag': 'path', path: { '.tag': 'too_many_write_operations' } },
});
const serverError = failureFromResponse(500, {}, 'Internal Server Error');
const dropped: DropboxFailure = { tags: [], fields: {}, networkCode: 'ECONNRESET' };

/** Fails with the given failures in turn, then succeeds; counts the calls. */
function scripted(failures: DropboxFailure[]) {
	let calls = 0;
	const attempt = async () => {
		calls++;
		const failure = failures[calls - 1];
		return failure ? { ok: false as const, failure } : { ok: true as const, value: 'done' };
	};
	return { attempt, calls: () => calls };
}

describe('retry policy', () => {
	it('waits the Retry-After of a 429, then retries (even a write)', async () => {
		const { policy, waits } = fakePolicy();
		const script = scripted([rateLimited(2)]);
		const outcome = await withRetries(policy, false, script.attempt);
		expect(outcome).toEqual({ ok: true, value: 'done' });
		expect(script.calls()).toBe(2);
		expect(waits).toHaveLength(1);
		expect(waits[0]).toBeGreaterThanOrEqual(2000);
		expect(waits[0]).toBeLessThan(2500);
	});

	it('retries too_many_write_operations found inside a 409 union', async () => {
		const { policy, waits } = fakePolicy();
		const script = scripted([writeContention, writeContention]);
		const outcome = await withRetries(policy, false, script.attempt);
		expect(outcome.ok).toBe(true);
		expect(script.calls()).toBe(3);
		expect(waits.every((ms) => ms >= 1000)).toBe(true);
	});

	it('backs off exponentially on 5xx for an idempotent call, bounded by maxDelayMs and maxAttempts', async () => {
		const { policy, waits } = fakePolicy({ maxAttempts: 8, random: () => 0.999 });
		const script = scripted(Array.from({ length: 10 }, () => serverError));
		const outcome = await withRetries(policy, true, script.attempt);
		expect(outcome.ok).toBe(false);
		expect(script.calls()).toBe(8);
		expect(waits).toHaveLength(7);
		for (let index = 1; index < waits.length; index++) expect(waits[index]).toBeGreaterThanOrEqual(waits[index - 1]);
		expect(Math.max(...waits)).toBeLessThanOrEqual(8000);
		expect(waits[0]).toBeLessThanOrEqual(500);
	});

	it('adds jitter: the wait depends on the random source', () => {
		const low = retryDelayMs(fakePolicy({ random: () => 0 }).policy, serverError, 3, true);
		const high = retryDelayMs(fakePolicy({ random: () => 0.99 }).policy, serverError, 3, true);
		expect(low).toBe(1000);
		expect(high).toBeGreaterThan(low as number);
		expect(high).toBeLessThanOrEqual(2000);
	});

	it('retries a dropped connection for an idempotent call', async () => {
		const { policy } = fakePolicy();
		const script = scripted([dropped]);
		expect((await withRetries(policy, true, script.attempt)).ok).toBe(true);
		expect(script.calls()).toBe(2);
	});

	it('does not retry 5xx or a dropped connection for a call that is not idempotent', async () => {
		for (const failure of [serverError, dropped]) {
			const { policy, waits } = fakePolicy();
			const script = scripted([failure]);
			const outcome = await withRetries(policy, false, script.attempt);
			expect(outcome).toMatchObject({ ok: false, failure, attempts: 1 });
			expect(waits).toEqual([]);
		}
	});

	it('never retries insufficient_space or a malformed path', async () => {
		for (const tag of ['insufficient_space', 'malformed_path']) {
			const { policy, waits } = fakePolicy();
			const failure = failureFromResponse(409, {}, {
				error_summary: `path/${tag}/`,
				error: { '.tag': 'path', path: { '.tag': tag } },
			});
			const script = scripted([failure]);
			expect((await withRetries(policy, true, script.attempt)).ok).toBe(false);
			expect(script.calls()).toBe(1);
			expect(waits).toEqual([]);
		}
	});

	it('gives up rather than wait out a Retry-After beyond the policy limit', () => {
		const { policy } = fakePolicy({ maxRetryAfterS: 60 });
		expect(retryDelayMs(policy, rateLimited(600), 1, true)).toBeUndefined();
	});

	it('stops at maxAttempts even for rate limits', async () => {
		const { policy } = fakePolicy({ maxAttempts: 3 });
		const script = scripted(Array.from({ length: 5 }, () => rateLimited(1)));
		const outcome = await withRetries(policy, true, script.attempt);
		expect(outcome).toMatchObject({ ok: false, attempts: 3 });
	});

	it('does not retry 400 or 401', () => {
		const { policy } = fakePolicy();
		expect(retryDelayMs(policy, failureFromResponse(400, {}, 'bad'), 1, true)).toBeUndefined();
		expect(
			retryDelayMs(policy, failureFromResponse(401, {}, { error: { '.tag': 'invalid_access_token' } }), 1, true),
		).toBeUndefined();
	});
});
