/**
 * Dropbox ends `error_summary` in "/" and a number of dots that varies between answers (so does the
 * emulator): tests compare the tag path, never the exact text.
 */

/** A matcher for any summary of the tag path `tags` (`path/not_found` matches `path/not_found/..`). */
export function summary(tags: string): unknown {
	return expect.stringMatching(summaryPattern(tags));
}

export function summaryPattern(tags: string): RegExp {
	return new RegExp(`^${tags.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\.*$`);
}
