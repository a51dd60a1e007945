/**
 * Path arguments as Dropbox accepts them: "" (the root), "/a/b", "id:<id>[/rest]", "rev:<rev>",
 * "ns:<namespace id>[/path]". Lookups are case-insensitive; stored names keep the caller's case.
 */

export type PathRef =
	| { kind: 'path'; namespaceId?: string; components: string[] }
	| { kind: 'id'; id: string; components: string[] }
	| { kind: 'rev'; rev: string };

export class MalformedPath extends Error {}

/** Dropbox's case-insensitive key of a name or path. */
export function lowerName(name: string): string {
	return name.normalize('NFC').toLowerCase();
}

export function lowerPath(components: string[]): string {
	return components.map(lowerName).join('/');
}

/** "/" + components, the shape of path_lower / path_display ("" components → "/"). */
export function joinPath(components: string[]): string {
	return '/' + components.join('/');
}

function splitComponents(rest: string): string[] {
	if (rest === '') return [];
	if (!rest.startsWith('/') || rest.endsWith('/')) throw new MalformedPath(rest);
	const components = rest.slice(1).split('/');
	for (const c of components) {
		// Empty components ("//"), dot segments, control characters and names ending in whitespace
		// ("report.txt ") are not names Dropbox stores: it calls such a path malformed.
		if (c === '' || c === '.' || c === '..' || /[\u0000-\u001f]/.test(c) || /\s$/u.test(c)) throw new MalformedPath(rest);
	}
	return components.map((c) => c.normalize('NFC'));
}

/** Parses a path argument; throws MalformedPath for a shape Dropbox rejects as `malformed_path`. */
export function parsePath(raw: string): PathRef {
	if (raw.startsWith('id:')) {
		const slash = raw.indexOf('/');
		const id = slash < 0 ? raw : raw.slice(0, slash);
		if (id.length <= 3) throw new MalformedPath(raw);
		return { kind: 'id', id, components: slash < 0 ? [] : splitComponents(raw.slice(slash)) };
	}
	if (raw.startsWith('rev:')) {
		const rev = raw.slice(4);
		if (!/^[0-9a-f]{9,}$/.test(rev)) throw new MalformedPath(raw);
		return { kind: 'rev', rev };
	}
	if (raw.startsWith('ns:')) {
		const match = /^ns:([0-9]+)(\/.*)?$/s.exec(raw);
		if (!match) throw new MalformedPath(raw);
		return { kind: 'path', namespaceId: match[1], components: splitComponents(match[2] ?? '') };
	}
	if (raw === '' || raw.startsWith('/')) return { kind: 'path', components: splitComponents(raw) };
	throw new MalformedPath(raw);
}

/** Names Dropbox refuses to store (`disallowed_name`): system files of desktop clients. */
const DISALLOWED_NAMES = new Set(['desktop.ini', 'thumbs.db', '.ds_store', 'icon\r', '.dropbox', '.dropbox.attr']);

export function isDisallowedName(name: string): boolean {
	return DISALLOWED_NAMES.has(lowerName(name));
}

/** "report.txt" + " (1)" → "report (1).txt"; a folder or a name without extension gets the suffix at the end. */
export function withNameSuffix(name: string, suffix: string, isFile: boolean): string {
	const dot = name.lastIndexOf('.');
	if (!isFile || dot <= 0) return name + suffix;
	return name.slice(0, dot) + suffix + name.slice(dot);
}
