/**
 * Dropbox's `error_summary`: the union tags from the outside in, joined by "/", then "/..".
 * `{".tag":"path","path":{".tag":"not_found"}}` → `path/not_found/..`.
 */
export function errorSummary(error: unknown): string {
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
	return `${tags.join('/')}/..`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
