/**
 * "Listen for test event" as n8n-core runs it: TriggersAndPollers.runTrigger in `manual` mode (which swaps the
 * context's emit after `trigger()` returns), then `manualTriggerFunction`, then the first emitted data, then
 * `closeFunction`.
 */
import { Container } from '@n8n/di';
import { TriggerContext } from 'n8n-core';
// Not re-exported by n8n-core's index: the service WorkflowExecute uses for a trigger in a manual run.
import { TriggersAndPollers } from 'n8n-core/dist/execution-engine/triggers-and-pollers';
import type { INodeExecutionData, ITriggerResponse } from 'n8n-workflow';

import { getHarnessEnvironment } from './environment';
import { buildWorkflow, type TriggerNodeOptions } from './run-trigger';

export interface ManualTriggerResult {
	items?: INodeExecutionData[];
	error?: Error;
	/** Resolves when closeFunction has been called. */
	closed: Promise<void>;
}

export async function runManualTrigger(options: TriggerNodeOptions & { stopWhen?: Promise<unknown> }): Promise<ManualTriggerResult> {
	await getHarnessEnvironment();
	const { workflow, node, additionalData } = buildWorkflow(options, 'manual', {});
	let response: ITriggerResponse | undefined;
	const close = async () => await response?.closeFunction?.();
	void options.stopWhen?.then(close);
	try {
		response = await Container.get(TriggersAndPollers).runTrigger(
			workflow,
			node,
			(wf, n, data, mode, activation) => new TriggerContext(wf, n, data, mode, activation),
			additionalData,
			'manual',
			'manual',
		);
		if (response?.manualTriggerFunction) await response.manualTriggerFunction();
		const data = await response?.manualTriggerResponse;
		return { items: data?.[0] ?? [], closed: close() };
	} catch (error) {
		return { error: error as Error, closed: close() };
	}
}
