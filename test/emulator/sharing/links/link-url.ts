/**
 * Shared link URLs in Dropbox's form: `https://www.dropbox.com/scl/fi/<key>/<name>?rlkey=<rlkey>&dl=0` for a
 * file, `https://www.dropbox.com/scl/fo/<key>/h?rlkey=<rlkey>&dl=0` for a folder. Parsing accepts what a user
 * may paste: `dropbox.com` with or without `www.`, `dl=1` or `raw=1`, any name segment.
 */
import type { SharedLink } from './link-store';

export function linkUrl(link: SharedLink, name: string): string {
	const kind = link.isFolder ? 'fo' : 'fi';
	const last = link.isFolder ? 'h' : encodeURIComponent(name);
	return `https://www.dropbox.com/scl/${kind}/${link.key}/${last}?rlkey=${link.rlkey}&dl=0`;
}

export type ParsedUrl = { kind: 'link'; key: string; rlkey: string | null } | { kind: 'malformed' };

export function parseLinkUrl(text: string): ParsedUrl {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return { kind: 'malformed' };
	}
	const host = url.hostname.toLowerCase();
	const match = /^\/scl\/(fi|fo)\/([a-z0-9]+)(\/|$)/.exec(url.pathname);
	if (url.protocol !== 'https:' || (host !== 'www.dropbox.com' && host !== 'dropbox.com') || !match) return { kind: 'malformed' };
	return { kind: 'link', key: match[2], rlkey: url.searchParams.get('rlkey') };
}
