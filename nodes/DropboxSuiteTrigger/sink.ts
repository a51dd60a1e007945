import type { IDeferredPromise, IExecuteResponsePromiseData, INodeExecutionData, IRun, ITriggerFunctions } from 'n8n-workflow';

import { deduplicationKey, type ChangeSink } from '../shared/delta';

/** n8n 2.x's `emit` takes a deduplication key as its fourth argument; an older n8n ignores it. */
type EmitWithKey = (
	data: INodeExecutionData[][],
	responsePromise?: IDeferredPromise<IExecuteResponsePromiseData>,
	donePromise?: IDeferredPromise<IRun>,
	deduplicationKey?: string,
) => void;

/**
 * Changes into n8n: one execution per change, keyed so that the same change emitted again (after a crash, from
 * the same cursor) starts none. Resolves when n8n has run it or skipped it as a duplicate (`undefined`).
 * `ctx.emit` is looked up at each call: for "Listen for test event" n8n swaps it after `trigger()` returns.
 */
export function n8nSink(ctx: ITriggerFunctions): ChangeSink {
	const workflowId = String(ctx.getWorkflow().id ?? '');
	const nodeId = ctx.getNode().id;
	return {
		async deliver(item, key) {
			const done = ctx.helpers.createDeferredPromise<IRun>();
			(ctx.emit as EmitWithKey)([[item]], undefined, done, deduplicationKey(workflowId, nodeId, key));
			await done.promise;
		},
	};
}
