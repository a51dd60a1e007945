import type { ITriggerFunctions } from 'n8n-workflow';

import { waitUnlessAborted } from '../shared/transport/wait';

interface IsolateHolder {
	acquireIsolate(): Promise<boolean>;
	releaseIsolate(): Promise<void>;
}

/** How long a round waits for the workflow's expression isolate while n8n itself holds it (activation). */
const ACQUIRE_ATTEMPTS = 100;
const ACQUIRE_PAUSE_MS = 50;

/**
 * n8n 2.x resolves credentials through an expression isolate that a workflow holds only while n8n runs something
 * for it: an activation, an execution, a poll. A trigger's own calls come after `trigger()` has returned, so each
 * piece of work that calls Dropbox takes the workflow's isolate for its duration, as n8n's poll executor does for
 * each poll, and gives it back before waiting for changes or executions. While n8n still holds it (the activation
 * that called `trigger()`), the work waits until n8n lets go. An n8n without isolates runs the work as is.
 */
export function expressionScope(ctx: ITriggerFunctions, signal: AbortSignal): <T>(work: () => Promise<T>) => Promise<T> {
	const holder = (ctx as unknown as { workflow?: { expression?: Partial<IsolateHolder> } }).workflow?.expression;
	if (typeof holder?.acquireIsolate !== 'function' || typeof holder.releaseIsolate !== 'function') {
		return async (work) => await work();
	}
	const isolate = holder as IsolateHolder;
	return async (work) => {
		let acquired = await isolate.acquireIsolate();
		for (let attempt = 1; !acquired && attempt < ACQUIRE_ATTEMPTS && !signal.aborted; attempt++) {
			await waitUnlessAborted(ACQUIRE_PAUSE_MS, signal).catch(() => undefined);
			acquired = await isolate.acquireIsolate();
		}
		try {
			return await work();
		} finally {
			if (acquired) await isolate.releaseIsolate();
		}
	};
}
