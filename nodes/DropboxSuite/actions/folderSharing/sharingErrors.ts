/**
 * Descriptions for the sharing routes' top-level tags that mean something else on other routes (`no_permission` is
 * about the Space elsewhere, `insufficient_quota` about a copy), and the failure of a sharing job as the error its
 * route would have thrown.
 */
import type { IDataObject } from 'n8n-workflow';

import { entryError } from '../../../shared/batch/entryError';
import { DropboxApiError, type DropboxSession, type ErrorContext } from '../../../shared/transport';

/** Top-level tag → what to do, for one operation. */
export type SharingHints = Partial<Record<string, string>>;

const COMMON: SharingHints = {
	team_folder:
		'This is a team folder: its members and settings are managed by a team admin in the Dropbox Admin Console, not through folder sharing.',
	email_unverified: 'The Dropbox account must verify its email address before it can share; verify it and run again.',
};

/** Calls Dropbox, giving a sharing error the operation's own description where the shared hint would mislead. */
export async function withSharingHints<T>(hints: SharingHints, call: () => Promise<T>): Promise<T> {
	try {
		return await call();
	} catch (error) {
		throw explained(error, hints);
	}
}

function explained(error: unknown, hints: SharingHints): unknown {
	if (!(error instanceof DropboxApiError) || error.dropboxTags.length !== 1) return error;
	const description = hints[error.dropboxTags[0]] ?? COMMON[error.dropboxTags[0]];
	if (description) error.description = description;
	return error;
}

/**
 * A job's `failed` value as the error the route would have thrown. `sharing/check_job_status` wraps it in the
 * launching route's member (`unshare_folder_error`, `remove_folder_member_error`): the route's own error is inside.
 */
export function jobError(session: DropboxSession, failed: unknown, errorContext?: ErrorContext): DropboxApiError {
	const wrapper = typeof failed === 'object' && failed !== null ? (failed as Record<string, unknown>) : undefined;
	const tag = wrapper?.['.tag'];
	const inner = typeof tag === 'string' && tag.endsWith('_error') ? wrapper?.[tag] : undefined;
	return entryError(session, inner ?? failed, errorContext);
}

/** The final answer of a sharing job that must be `complete`: a `failed` one becomes its error. */
export function completed<A extends { '.tag': string; failed?: unknown }>(
	session: DropboxSession,
	answer: A,
	errorContext?: ErrorContext,
): A {
	if (answer['.tag'] === 'complete') return answer;
	if (answer['.tag'] === 'failed') throw jobError(session, answer.failed, errorContext);
	throw session.failed({
		tags: [answer['.tag']],
		fields: {},
		summary: `Dropbox answered the sharing job with "${answer['.tag']}"`,
		body: answer,
	}, errorContext);
}

/** A `complete` answer's value: its fields beside the tag. */
export function withoutTag(answer: Record<string, unknown>): IDataObject {
	return Object.fromEntries(Object.entries(answer).filter(([key]) => key !== '.tag')) as IDataObject;
}
