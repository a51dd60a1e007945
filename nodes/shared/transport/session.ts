import { dropboxDownload, dropboxNotify, dropboxRpc, dropboxUpload, type CallOptions, type DownloadCall, type DownloadResult, type NotifyCall, type UploadCall } from './calls';
import type { DropboxContext } from './context';
import { DropboxApiError, type ErrorContext } from './errors';
import { cancelledFailure, type DropboxFailure } from './failure';
import { defaultRetryPolicy, type RetryPolicy } from './retryPolicy';
import type { DownloadRoute, NotifyRoute, RpcRoute, UploadRoute } from './routes';

export interface SessionOptions {
	/** The credential type the node signs with (the node's Authentication choice). */
	credentialType: string;
	/** Ends every request and every wait at once: n8n's execution cancel signal, or a trigger's own. */
	abortSignal?: AbortSignal;
	retryPolicy?: RetryPolicy;
}

/**
 * Everything one execution (or one trigger activation) shares across its calls: the credential, what is
 * learnt once about the account (app-folder or not, the root namespace), the retry policy and the
 * cancellation signal. A lookup that fails is not kept: the next call asks again.
 */
export class DropboxSession {
	readonly credentialType: string;

	/** Identifies the stored credential, so that parallel calls with it share one token renewal. */
	readonly credentialKey: string;

	readonly retryPolicy: RetryPolicy;

	readonly abortSignal?: AbortSignal;

	readonly isAppFolder: () => Promise<boolean>;

	readonly rootNamespaceId: () => Promise<string>;

	constructor(
		readonly ctx: DropboxContext,
		options: SessionOptions,
	) {
		const node = ctx.getNode();
		this.credentialType = options.credentialType;
		const stored = node.credentials?.[options.credentialType];
		this.credentialKey = `${options.credentialType}:${stored?.id ?? stored?.name ?? node.name}`;
		this.retryPolicy = options.retryPolicy ?? defaultRetryPolicy;
		this.abortSignal = options.abortSignal;
		this.isAppFolder = keptOnSuccess(async () => {
			const credentials = await ctx.getCredentials(this.credentialType);
			return credentials.accessType === 'appFolder';
		});
		this.rootNamespaceId = keptOnSuccess(async () => {
			const account = await this.rpc<{ root_info?: { root_namespace_id?: string } }>('users/get_current_account');
			const id = account.root_info?.root_namespace_id;
			if (!id) throw new Error("Dropbox did not report the account's root namespace");
			return id;
		});
	}

	get cancelled(): boolean {
		return this.abortSignal?.aborted === true;
	}

	/** Throws the cancellation error when the execution was cancelled. */
	throwIfCancelled(context?: ErrorContext): void {
		if (this.cancelled) throw this.failed(cancelledFailure(), context);
	}

	/** Waits, unless the execution is cancelled first: then it throws at once. */
	async wait(ms: number, context?: ErrorContext): Promise<void> {
		try {
			await this.retryPolicy.sleep(ms, this.abortSignal);
		} catch {
			// The wait ends early only when cancelled.
			throw this.failed(cancelledFailure(), context);
		}
	}

	failed(failure: DropboxFailure, context?: ErrorContext): DropboxApiError {
		return new DropboxApiError(this.ctx.getNode(), failure, context);
	}

	async rpc<T>(route: RpcRoute, call: CallOptions = {}): Promise<T> {
		return await dropboxRpc<T>(this, route, call);
	}

	async upload<T>(route: UploadRoute, call: UploadCall): Promise<T> {
		return await dropboxUpload<T>(this, route, call);
	}

	async download<T>(route: DownloadRoute, call: DownloadCall = {}): Promise<DownloadResult<T>> {
		return await dropboxDownload<T>(this, route, call);
	}

	async notify<T>(route: NotifyRoute, call: NotifyCall): Promise<T> {
		return await dropboxNotify<T>(this, route, call);
	}
}

/** A lazy value computed once; a failure is handed to its callers but not kept, so a later call retries. */
function keptOnSuccess<T>(compute: () => Promise<T>): () => Promise<T> {
	let pending: Promise<T> | undefined;
	return async () => {
		if (!pending) {
			const attempt = compute();
			pending = attempt;
			attempt.catch(() => {
				if (pending === attempt) pending = undefined;
			});
		}
		return await pending;
	};
}
