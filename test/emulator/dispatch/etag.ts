/**
 * ETag-based caching of downloads, as Dropbox's download routes offer it: the answer carries a weak ETag
 * made from the file's revision (`W/"<rev>"`), and a request whose `If-None-Match` names it gets 304
 * with no body.
 */

export function weakEtag(validator: string): string {
	return `W/"${validator}"`;
}

/** Does `If-None-Match` (a list of tags, or `*`) match `etag`? Weak comparison, as RFC 9110 asks for it. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
	if (header === undefined) return false;
	const wanted = opaque(etag);
	return header
		.split(',')
		.map((tag) => tag.trim())
		.some((tag) => tag === '*' || (tag !== '' && opaque(tag) === wanted));
}

function opaque(tag: string): string {
	return tag.replace(/^W\//, '');
}
