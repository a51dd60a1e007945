/**
 * A Dropbox web address of a file or folder → its path.
 * `https://www.dropbox.com/home/Reports/2024` → `/Reports/2024`;
 * `https://www.dropbox.com/home/Reports?preview=q1.pdf` → `/Reports/q1.pdf`;
 * `https://www.dropbox.com/home` → `` (the root).
 */
export function dropboxUrlToPath(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url.trim());
	} catch {
		return undefined;
	}
	if (!/^(www\.)?dropbox\.com$/i.test(parsed.hostname)) return undefined;
	const match = /^\/home(\/.*)?$/.exec(parsed.pathname);
	if (!match) return undefined;
	let path = (match[1] ?? '').replace(/\/+$/, '');
	try {
		path = decodeURIComponent(path);
	} catch {
		return undefined;
	}
	const preview = parsed.searchParams.get('preview');
	if (preview) path = `${path}/${preview}`;
	return path;
}

export const DROPBOX_URL_REGEX = '^https?://(www\\.)?dropbox\\.com/home(/.*|\\?.*)?$';

/** The address the Dropbox website shows a path at (for "open in Dropbox" links in lists). */
export function pathToDropboxUrl(path: string): string {
	return `https://www.dropbox.com/home${path.split('/').map(encodeURIComponent).join('/')}`;
}
