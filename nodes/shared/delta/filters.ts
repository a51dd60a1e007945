/**
 * The trigger's filters on an entry: file extensions, a glob on the path, and a size range. They are applied
 * before anything is asked of Dropbox about the entry, so that a filtered-out change costs no call.
 */
import type { ListedEntry } from './types';

export interface EntryFilters {
	/** Lower-case extensions without the dot; empty: any. Folders never match a list of extensions. */
	extensions: string[];
	/** A glob on the whole path (`/Inbox/**\/*.pdf`), matched without regard to case; empty: any. */
	pathGlob: string;
	/** Bytes; files only (deleted entries and folders have no size and pass). */
	minSize?: number;
	maxSize?: number;
}

export const NO_FILTERS: EntryFilters = { extensions: [], pathGlob: '' };

/** `"pdf, .JPG ,docx"` → `['pdf', 'jpg', 'docx']`. */
export function parseExtensions(text: string): string[] {
	return text
		.split(/[,\s]+/)
		.map((part) => part.trim().replace(/^\.+/, '').toLowerCase())
		.filter((part) => part !== '');
}

/**
 * A glob as a regular expression: `**` any run of characters (slashes included), `*` any run without a slash,
 * `?` one character other than a slash, `{a,b}` either; everything else literal.
 */
export function globToRegExp(glob: string): RegExp {
	let pattern = '';
	let inBraces = false;
	for (let i = 0; i < glob.length; i++) {
		const char = glob[i];
		if (char === '*') {
			if (glob[i + 1] === '*') {
				// `/**/` also matches a single slash: `/a/**/b` takes `/a/b`.
				const slashAfter = glob[i + 2] === '/';
				pattern += slashAfter ? '(?:.*/)?' : '.*';
				i += slashAfter ? 2 : 1;
			} else {
				pattern += '[^/]*';
			}
		} else if (char === '?') {
			pattern += '[^/]';
		} else if (char === '{') {
			inBraces = true;
			pattern += '(?:';
		} else if (char === '}' && inBraces) {
			inBraces = false;
			pattern += ')';
		} else if (char === ',' && inBraces) {
			pattern += '|';
		} else {
			pattern += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
		}
	}
	return new RegExp(`^${pattern}$`, 'i');
}

export function compileFilters(filters: EntryFilters): (entry: ListedEntry) => boolean {
	const glob = filters.pathGlob.trim() === '' ? undefined : globToRegExp(filters.pathGlob.trim());
	const extensions = new Set(filters.extensions);
	return (entry) => {
		if (glob && !glob.test(entry.path_display) && !glob.test(entry.path_lower)) return false;
		if (extensions.size > 0) {
			if (entry['.tag'] === 'folder') return false;
			const dot = entry.name.lastIndexOf('.');
			if (dot < 0 || !extensions.has(entry.name.slice(dot + 1).toLowerCase())) return false;
		}
		if (entry['.tag'] === 'file') {
			if (filters.minSize !== undefined && entry.size < filters.minSize) return false;
			if (filters.maxSize !== undefined && entry.size > filters.maxSize) return false;
		}
		return true;
	};
}
