/**
 * Dropbox's limits (`files/download_zip`, `too_many_files`, list_folder's page) and the emulator's pace for
 * async job checks, and how a
 * handler finds the ones in force (the admin interface may have changed them for a test).
 */
import type { FileLimits, HandlerContext } from '../contract';

const GiB = 1024 ** 3;

/**
 * files.stone: "The folder must be less than 20 GB in size and any single file within must be less than
 * 4 GB in size. The resulting zip must have fewer than 10,000 total file and folder entries, including
 * the top level folder." GB is taken as GiB: the 4 GB per file is the classic zip's 32-bit size field.
 */
export const DEFAULT_FILE_LIMITS: Readonly<Required<FileLimits>> = {
	zipSizeLimit: 20 * GiB,
	zipEntryLimit: 10_000,
	// Dropbox's batch commits take a while: a client has to poll at least once, so it meets in_progress.
	batchInProgressChecks: 1,
	// RelocationError / DeleteError.too_many_files: "more than 10,000 files and folders".
	operationEntryLimit: 10_000,
	// ListFolderArg.limit is at most 2000: a page never holds more.
	listFolderPageSize: 2000,
	// files.stone: "This link will expire in four hours".
	temporaryLinkLifetimeS: 4 * 3600,
	// SearchOptions.max_results is at most 1000.
	searchPageSize: 1000,
	// list_shared_links pages by a size of Dropbox's choosing; the emulator's is 200.
	sharedLinksPageSize: 200,
};

/**
 * A single file in a zip must be smaller than this (not configurable: it is what a zip entry without
 * Zip64 sizes can hold, 0xFFFFFFFF itself being Zip64's marker).
 */
export const MAX_ZIP_FILE_BYTES = 0xffff_ffff;

/** The limits in force; a limit nobody set is Dropbox's. */
export function limitsOf(ctx: HandlerContext): Required<FileLimits> {
	return { ...DEFAULT_FILE_LIMITS, ...ctx.emulator.limits };
}
