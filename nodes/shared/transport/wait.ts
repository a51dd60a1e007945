import { sleep } from 'n8n-workflow';

/** n8n-workflow 2.41 takes the signal in `sleep` itself; 2.8 has no such parameter (it had `sleepWithAbort`). */
const sleepFor = sleep as (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * Waits `ms`, or rejects at once when `signal` fires. Built only on `sleep`, which every n8n-workflow line exports:
 * `sleepWithAbort` is gone from the n8n-workflow inside n8n 2.41, and importing it there left every wait broken.
 */
export async function waitUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
	if (signal?.aborted) throw new Error('aborted');
	await new Promise<void>((resolve, reject) => {
		const onAbort = () => reject(new Error('aborted'));
		signal?.addEventListener('abort', onAbort, { once: true });
		sleepFor(ms, signal).then(
			() => {
				signal?.removeEventListener('abort', onAbort);
				resolve();
			},
			() => onAbort(),
		);
	});
}
