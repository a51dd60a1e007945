import { waitUnlessAborted } from '../../../nodes/shared/transport/wait';

describe('waitUnlessAborted', () => {
	it('waits, and ends at once when the signal fires', async () => {
		const started = Date.now();
		await waitUnlessAborted(30);
		expect(Date.now() - started).toBeGreaterThanOrEqual(25);
		const controller = new AbortController();
		const waiting = waitUnlessAborted(60_000, controller.signal);
		controller.abort();
		await expect(waiting).rejects.toThrow('aborted');
		await expect(waitUnlessAborted(10, controller.signal)).rejects.toThrow('aborted');
	});
});
