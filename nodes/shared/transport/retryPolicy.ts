import { waitUnlessAborted } from './wait';

import { cancelledFailure, failureKind, type DropboxFailure } from './failure';

/**
 * When to try a failed call again, and after how long. One object for every route, so that the rules
 * (honour Dropbox's Retry-After; back off on 5xx and dropped connections only when re-sending is
 * harmless; never retry what cannot succeed) live in one place and can be tested with a fake clock.
 */
export interface RetryPolicy {
	/** Attempts in all, the first included. */
	maxAttempts: number;
	/** First back-off step for 5xx / network failures. */
	baseDelayMs: number;
	/** Ceiling of one back-off step. */
	maxDelayMs: number;
	/** Used when a rate limit arrives without a Retry-After (a 409 `too_many_write_operations`). */
	defaultRateLimitWaitS: number;
	/** A longer Retry-After than this is not waited out: the error goes to the user instead. */
	maxRetryAfterS: number;
	/** 0 ≤ random() < 1; jitter spreads parallel items so they do not retry in lock-step. */
	random: () => number;
	/** Rejects at once when `signal` fires. */
	sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const defaultRetryPolicy: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 500,
	maxDelayMs: 8000,
	defaultRateLimitWaitS: 1,
	maxRetryAfterS: 300,
	random: Math.random,
	sleep: waitUnlessAborted,
};

/**
 * Milliseconds to wait before attempt `attempt + 1`, or undefined to give up.
 * @param attempt the attempt that just failed, counting from 1
 * @param idempotent whether sending the request twice has the effect of sending it once
 */
export function retryDelayMs(
	policy: RetryPolicy,
	failure: DropboxFailure,
	attempt: number,
	idempotent: boolean,
): number | undefined {
	if (attempt >= policy.maxAttempts) return undefined;
	switch (failureKind(failure)) {
		case 'rateLimit': {
			// Dropbox did not act on a rate-limited call, so even a write may be sent again.
			const waitS = failure.retryAfterS ?? policy.defaultRateLimitWaitS;
			if (waitS > policy.maxRetryAfterS) return undefined;
			return Math.round(waitS * 1000 + policy.random() * 250);
		}
		case 'server':
		case 'network': {
			if (!idempotent) return undefined;
			if (failure.retryAfterS !== undefined && failure.retryAfterS <= policy.maxRetryAfterS) {
				return Math.round(failure.retryAfterS * 1000);
			}
			const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
			// "Equal jitter": at least half the step, so a retry never fires at once.
			return Math.round(ceiling / 2 + (policy.random() * ceiling) / 2);
		}
		default:
			return undefined;
	}
}

/**
 * Runs `attempt` until it succeeds or the policy gives up; the last failure is returned with the number of
 * attempts made. A cancelled `signal` ends it at once, before an attempt or during a wait.
 */
export async function withRetries<T>(
	policy: RetryPolicy,
	idempotent: boolean,
	attempt: (attemptNumber: number) => Promise<{ ok: true; value: T } | { ok: false; failure: DropboxFailure }>,
	signal?: AbortSignal,
): Promise<{ ok: true; value: T } | { ok: false; failure: DropboxFailure; attempts: number }> {
	for (let attemptNumber = 1; ; attemptNumber++) {
		if (signal?.aborted) return { ok: false, failure: cancelledFailure(), attempts: attemptNumber - 1 };
		const outcome = await attempt(attemptNumber);
		if (outcome.ok) return outcome;
		const delay = retryDelayMs(policy, outcome.failure, attemptNumber, idempotent);
		if (delay === undefined) return { ok: false, failure: outcome.failure, attempts: attemptNumber };
		try {
			await policy.sleep(delay, signal);
		} catch {
			// A wait ends early only when cancelled; should it fail otherwise, the last failure stands.
			return { ok: false, failure: signal?.aborted ? cancelledFailure() : outcome.failure, attempts: attemptNumber };
		}
	}
}
