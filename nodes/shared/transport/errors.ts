import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

import { STATUS_HINTS, hintForTags } from './errorHints';
import { failureKind, type DropboxFailure } from './failure';

/** What the call was about, so that a hint can name the path the user typed. */
export interface ErrorContext {
	path?: string;
	toPath?: string;
	/** The input item; only the router sets it (operations leave it to the router). */
	itemIndex?: number;
	/** How many times the request was sent (said only when it was sent more than once). */
	attempts?: number;
	/** Whether the request could be re-sent safely; a write that failed mid-way was not. */
	resendable?: boolean;
}

/**
 * The one error type the package throws for a failed Dropbox call: a NodeApiError whose message shows
 * Dropbox's own words and whose description says what to do. Continue On Fail items read
 * `errorSummary` and `dropboxTags` from it.
 */
export class DropboxApiError extends NodeApiError {
	readonly errorSummary?: string;

	readonly dropboxTags: string[];

	readonly failure: DropboxFailure;

	constructor(node: INode, failure: DropboxFailure, context: ErrorContext = {}) {
		const httpCode = failure.status !== undefined ? String(failure.status) : undefined;
		const raw: JsonObject = {
			httpCode: httpCode ?? null,
			error_summary: failure.summary ?? null,
			body: toJson(failure.body),
		};
		// Not under `code`: n8n would swap the message for its generic text about that code.
		if (failure.networkCode) raw.networkCode = failure.networkCode;
		super(node, raw, {
			message: messageFor(failure),
			description: descriptionFor(failure, context),
			httpCode,
			itemIndex: context.itemIndex,
		});
		this.errorSummary = failure.summary;
		this.dropboxTags = failure.tags;
		this.failure = failure;
	}
}

function messageFor(failure: DropboxFailure): string {
	const kind = failureKind(failure);
	if (failure.tokenError) return `Dropbox refused to renew the access token (${failure.tokenError})`;
	// A network code in the message would make n8n swap the whole message for a generic one.
	if (kind === 'network') return 'Could not reach Dropbox: the connection failed';
	if (kind === 'aborted') return 'The request to Dropbox was cancelled';
	if (failure.local) return failure.summary ?? 'The request could not be sent to Dropbox';
	if (kind === 'badRequest') return `Dropbox rejected the request: ${truncate(failure.summary ?? 'bad request', 300)}`;
	if (failure.summary) return `Dropbox error: ${truncate(failure.summary, 300)}`;
	if (failure.status !== undefined) return `Dropbox answered HTTP ${failure.status}`;
	return 'The Dropbox request failed';
}

function descriptionFor(failure: DropboxFailure, context: ErrorContext): string {
	const tags = failure.tokenError ? [failure.tokenError, ...failure.tags] : failure.tags;
	if (failure.local) return 'The request was not sent to Dropbox. Check the node\'s credential and parameters.';
	const attempts = context.attempts ?? 1;
	const hint = hintForTags(tags, { path: context.path, toPath: context.toPath, fields: failure.fields, attempts });
	if (hint) return hint;
	switch (failureKind(failure)) {
		case 'badRequest':
			return STATUS_HINTS.badRequest(failure.summary ?? '');
		case 'rateLimit':
			return STATUS_HINTS.rateLimit({ fields: failure.fields, attempts });
		case 'server':
			return STATUS_HINTS.server(attempts, context.resendable !== false);
		case 'network':
			return STATUS_HINTS.network(failure.networkCode ?? 'network error', attempts, context.resendable !== false);
		case 'auth':
			return STATUS_HINTS.auth();
		default:
			return STATUS_HINTS.other();
	}
}

function truncate(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max)}…` : text;
}

function toJson(value: unknown): JsonObject[keyof JsonObject] {
	if (value === undefined) return null;
	try {
		return JSON.parse(JSON.stringify(value)) as JsonObject[keyof JsonObject];
	} catch {
		return String(value);
	}
}

/** Any thrown value as the n8n error it should surface as: n8n's own errors pass unchanged. */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error));
}
