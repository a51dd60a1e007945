import type { IHttpRequestOptions } from 'n8n-workflow';

import { APP_CREDENTIAL_TYPE } from '../../../nodes/shared/parameters';
import { DropboxSession, type DropboxContext, type RetryPolicy } from '../../../nodes/shared/transport';
import { dropboxNode } from './node.fixture';

export interface FakeAnswer {
	statusCode: number;
	headers?: Record<string, string>;
	body: unknown;
}

/** A retry policy that waits no real time but records the waits it was asked for. */
export function recordingPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy & { waits: number[] } {
	const waits: number[] = [];
	return {
		maxAttempts: 5,
		baseDelayMs: 500,
		maxDelayMs: 8000,
		defaultRateLimitWaitS: 1,
		maxRetryAfterS: 300,
		random: () => 0,
		sleep: async (ms, signal) => {
			waits.push(ms);
			if (signal?.aborted) throw new Error('aborted');
		},
		...overrides,
		waits,
	};
}

/**
 * A session over a fake n8n context whose HTTP answers come from `answer`; records every request sent and
 * every credential read.
 */
export function fakeSession(options: {
	answer?: (request: IHttpRequestOptions, index: number) => FakeAnswer | Promise<FakeAnswer>;
	accessType?: 'full' | 'appFolder';
	abortSignal?: AbortSignal;
	retryPolicy?: RetryPolicy;
	credentialRead?: () => Promise<Record<string, unknown>>;
}) {
	const node = dropboxNode({ authentication: 'appApi' }, { [APP_CREDENTIAL_TYPE]: { id: 'c1', name: 'app' } });
	const sent: IHttpRequestOptions[] = [];
	const credentialReads: string[] = [];
	const answer = options.answer ?? (() => ({ statusCode: 200, body: 'null' }));
	const send = async (options: IHttpRequestOptions) => {
		sent.push(options);
		return { headers: {}, ...(await answer(options, sent.length - 1)) };
	};
	const ctx = {
		getNode: () => node,
		getCredentials: async (type: string) => {
			credentialReads.push(type);
			return options.credentialRead ? await options.credentialRead() : { accessType: options.accessType ?? 'full' };
		},
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) => await send(request),
			httpRequest: async (request: IHttpRequestOptions) => await send(request),
		},
	} as unknown as DropboxContext;
	const session = new DropboxSession(ctx, {
		credentialType: APP_CREDENTIAL_TYPE,
		abortSignal: options.abortSignal,
		retryPolicy: options.retryPolicy ?? recordingPolicy(),
	});
	return { session, ctx, sent, credentialReads };
}

/** The route a recorded request went to: `files/list_folder`. */
export function routeOf(request: IHttpRequestOptions): string {
	return request.url.replace(/^https:\/\/[a-z]+\.dropboxapi\.com\/2\//, '');
}
