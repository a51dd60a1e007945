/**
 * `GET /__admin/limits` and `POST /__admin/limits`: the files part's limits in the admin interface's
 * snake_case, so that a test can reach `too_many_files` with a handful of files, or have
 * `finish_batch/check` answer `in_progress` more often. `POST /__admin/reset` puts Dropbox's back.
 */
import type { FileLimits } from '../contract';
import { DEFAULT_FILE_LIMITS } from '../files/limits';
import { AdminError } from './admin-error';
import { type JsonObject, optionalNumber } from './input';

const FIELDS = {
	zip_size_limit: 'zipSizeLimit',
	zip_entry_limit: 'zipEntryLimit',
	finish_batch_in_progress_checks: 'batchInProgressChecks',
	operation_entry_limit: 'operationEntryLimit',
	list_folder_page_size: 'listFolderPageSize',
	temporary_link_lifetime_s: 'temporaryLinkLifetimeS',
	search_page_size: 'searchPageSize',
	shared_links_page_size: 'sharedLinksPageSize',
} as const satisfies Record<string, keyof FileLimits>;

type LimitField = keyof typeof FIELDS;

/** The limits after applying the fields the body names (the others stay as they are). */
export function changedLimits(current: FileLimits, body: JsonObject): FileLimits {
	const unknown = Object.keys(body).filter((field) => !(field in FIELDS));
	if (unknown.length > 0) throw new AdminError(400, `unknown limits: ${unknown.join(', ')}; known: ${Object.keys(FIELDS).join(', ')}`);
	const next = { ...current };
	for (const field of Object.keys(FIELDS) as LimitField[]) {
		// A zip limit of 0 would refuse every folder; 0 in_progress checks answers a finished job at once.
		const value = optionalNumber(body, field, field === 'finish_batch_in_progress_checks' ? 0 : 1);
		if (value === undefined) continue;
		if (!Number.isInteger(value)) throw new AdminError(400, `${field} must be an integer`);
		next[FIELDS[field]] = value;
	}
	return next;
}

export function limitsJson(limits: FileLimits): Record<LimitField, number> {
	const withDefaults = { ...DEFAULT_FILE_LIMITS, ...limits };
	return {
		zip_size_limit: limits.zipSizeLimit,
		zip_entry_limit: limits.zipEntryLimit,
		finish_batch_in_progress_checks: limits.batchInProgressChecks,
		operation_entry_limit: withDefaults.operationEntryLimit,
		list_folder_page_size: withDefaults.listFolderPageSize,
		temporary_link_lifetime_s: withDefaults.temporaryLinkLifetimeS,
		search_page_size: withDefaults.searchPageSize,
		shared_links_page_size: withDefaults.sharedLinksPageSize,
	};
}
