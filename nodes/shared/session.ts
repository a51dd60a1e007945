import type { IExecuteFunctions } from 'n8n-workflow';

import { credentialTypeOf } from './parameters/authentication';
import { DropboxSession, type DropboxContext, type RetryPolicy } from './transport';

const sessions = new WeakMap<object, DropboxSession>();

export interface OpenSessionOptions {
	/** A trigger's own signal (its close function aborts it); executions use n8n's cancel signal. */
	abortSignal?: AbortSignal;
	retryPolicy?: RetryPolicy;
}

/**
 * The Dropbox session of an execution, a trigger activation or a list search: one per n8n context, so
 * that every item and call of it shares the credential choice, the account lookups and cancellation.
 */
export function dropboxSession(ctx: DropboxContext, options: OpenSessionOptions = {}): DropboxSession {
	let session = sessions.get(ctx);
	if (!session) {
		session = new DropboxSession(ctx, {
			credentialType: credentialTypeOf(ctx.getNode()),
			abortSignal: options.abortSignal ?? executionCancelSignal(ctx),
			retryPolicy: options.retryPolicy,
		});
		sessions.set(ctx, session);
	}
	return session;
}

function executionCancelSignal(ctx: DropboxContext): AbortSignal | undefined {
	const execute = ctx as Partial<Pick<IExecuteFunctions, 'getExecutionCancelSignal'>>;
	return typeof execute.getExecutionCancelSignal === 'function' ? execute.getExecutionCancelSignal() : undefined;
}
