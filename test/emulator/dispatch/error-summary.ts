/**
 * Dropbox's `error_summary`: the union tags from the outside in, joined by "/", then "/" and a number of
 * dots that changes from one answer to the next (Dropbox has been seen sending `missing_scope/`,
 * `path/not_found/.`, `path/not_found/..` and `user_requested/...`). The dots vary here too, so that no
 * client can come to depend on the exact text instead of the `.tag` path of `error`.
 * `{".tag":"path","path":{".tag":"not_found"}}` → `path/not_found/..` (or `/`, `/.`, `/...`).
 */
import { randomInt } from 'node:crypto';

/** Dropbox has been seen ending a summary with zero to three dots. */
export const MAX_SUMMARY_DOTS = 3;

/** The tag path of an error value: `path/not_found`. */
export function summaryTags(error: unknown): string {
	const tags: string[] = [];
	let current: unknown = error;
	// A RateLimitError is a struct whose reason carries the tag.
	if (isRecord(current) && !('.tag' in current) && isRecord(current.reason)) current = current.reason;
	while (isRecord(current) && typeof current['.tag'] === 'string') {
		const tag = current['.tag'];
		tags.push(tag);
		current = current[tag];
	}
	if (tags.length === 0 && typeof error === 'string') tags.push(error);
	return tags.join('/');
}

/** A tag path as Dropbox sends it: `/` and a random number of dots appended. */
export function withSummaryDots(tags: string, dots = randomInt(MAX_SUMMARY_DOTS + 1)): string {
	return `${tags}/${'.'.repeat(dots)}`;
}

export function errorSummary(error: unknown): string {
	return withSummaryDots(summaryTags(error));
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
