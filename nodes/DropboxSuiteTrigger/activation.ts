/**
 * One activation of the trigger: the delta engine wired to n8n. Active workflows keep the cursor in static data
 * and run until closed (long-poll loop, or a round on each schedule tick); "Listen for test event" looks once and
 * stores nothing.
 */
import { NodeOperationError, type ExecutionError, type ITriggerFunctions, type ITriggerResponse } from 'n8n-workflow';

import { claimLiveCopy, DeltaEngine, type RoundHandlers } from '../shared/delta';
import { dropboxSession } from '../shared/session';
import { asNodeError } from '../shared/transport';
import { changeItemBuilder } from './changeItems';
import { expressionScope } from './expressionScope';
import { n8nSink } from './sink';
import type { TriggerSettings } from './settings';

/** How long "Listen for test event" waits for a change when nothing in the folder matches yet. */
export const MANUAL_WAIT_S = 120;

export async function activate(ctx: ITriggerFunctions, settings: TriggerSettings): Promise<ITriggerResponse> {
	const controller = new AbortController();
	const session = dropboxSession(ctx, { abortSignal: controller.signal });
	const manual = ctx.getMode() === 'manual';
	const live = manual ? undefined : claimLiveCopy(String(ctx.getWorkflow().id ?? ''), ctx.getNode().id);
	const engine = new DeltaEngine({
		session,
		scope: settings.scope,
		events: settings.events,
		filters: settings.filters,
		staticData: ctx.getWorkflowStaticData('node'),
		sink: n8nSink(ctx),
		toItem: changeItemBuilder(ctx, session, settings.scope.space, settings.download),
		emitExisting: settings.emitExisting,
		log: { info: (message, meta) => ctx.logger.info(message, meta), warn: (message, meta) => ctx.logger.warn(message, meta) },
		signal: controller.signal,
		isCurrent: live?.isCurrent,
		// A manual run holds the workflow's isolate for its whole length; an active trigger takes it per round.
		inScope: manual ? undefined : expressionScope(ctx, controller.signal),
	});
	// Idempotent: n8n may call it more than once (deactivation after an emitError, editor stop).
	const closeFunction = async () => {
		controller.abort();
		live?.release();
	};

	if (manual) {
		return {
			closeFunction,
			manualTriggerFunction: async () => {
				const item = await engine.sample(MANUAL_WAIT_S);
				if (!item) throw nothingToShow(ctx, settings);
				ctx.emit([[item]]);
			},
		};
	}

	let reported = false;
	const handlers: RoundHandlers = {
		onPersonMustFix: (error) => {
			// n8n closes the trigger and tries to activate it again; a second report would only repeat that.
			if (reported) return;
			reported = true;
			ctx.emitError(asNodeError(ctx.getNode(), error));
		},
		onPassingFailure: (error) => {
			const save = (ctx as Partial<Pick<ITriggerFunctions, 'saveFailedExecution'>>).saveFailedExecution;
			if (typeof save === 'function') save.call(ctx, asNodeError(ctx.getNode(), error) as ExecutionError);
		},
	};

	try {
		// Before returning: n8n saves static data when trigger() returns, so the starting point survives a restart.
		await engine.prepare();
	} catch (error) {
		await closeFunction();
		throw asNodeError(ctx.getNode(), error);
	}
	if (settings.mode === 'poll') {
		ctx.helpers.registerCron({ expression: settings.cronExpression as never }, () => void engine.pollOnce(handlers));
	} else {
		void engine.runLongPoll(handlers);
	}
	return { closeFunction };
}

function nothingToShow(ctx: ITriggerFunctions, settings: TriggerSettings): NodeOperationError {
	const folder = settings.scope.path || '/';
	return new NodeOperationError(ctx.getNode(), `Nothing in "${folder}" matches the trigger, and nothing changed there in ${MANUAL_WAIT_S / 60} minutes`, {
		description:
			'Add or change a file in the folder while the trigger listens, or check the folder, "Trigger On" and the filters.',
	});
}
