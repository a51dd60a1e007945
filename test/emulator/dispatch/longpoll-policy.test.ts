import { DEFAULT_LONGPOLL_JITTER_MS, LongpollPolicy } from './longpoll-policy';

describe('LongpollPolicy', () => {
	it('adds Dropbox-sized random jitter unless told otherwise', () => {
		const policy = new LongpollPolicy();
		expect(policy.jitterMs).toBe(DEFAULT_LONGPOLL_JITTER_MS);
		const waits = Array.from({ length: 50 }, () => policy.extraWaitMs());
		for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(0);
		for (const wait of waits) expect(wait).toBeLessThanOrEqual(DEFAULT_LONGPOLL_JITTER_MS);
		expect(new Set(waits).size).toBeGreaterThan(1);
		expect(new LongpollPolicy(0).extraWaitMs()).toBe(0);
	});

	it('hands out a backoff to the next `times` answers, then none', () => {
		const policy = new LongpollPolicy(0);
		expect(policy.takeBackoff()).toBeUndefined();
		policy.setBackoff(60, 2);
		expect([policy.takeBackoff(), policy.takeBackoff(), policy.takeBackoff()]).toEqual([60, 60, undefined]);
		policy.setBackoff(5);
		policy.clear();
		expect(policy.takeBackoff()).toBeUndefined();
	});
});
