/** Absolute lower-case path keys: "" is a tree's root, "/photos/a.png" a node (journal, cursors, deleted set). */
import { lowerName } from '../paths';

export function keyOf(components: string[]): string {
	return components.map((c) => '/' + lowerName(c)).join('');
}

export function componentsOfKey(key: string): string[] {
	return key === '' ? [] : key.slice(1).split('/');
}

/** Pre-order comparison: a folder sorts before its children, siblings by lower-case name. */
export function compareKeys(a: string, b: string): number {
	const x = componentsOfKey(a);
	const y = componentsOfKey(b);
	for (let i = 0; i < Math.min(x.length, y.length); i++) {
		if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
	}
	return x.length - y.length;
}

/** Is `key` inside the folder `folderKey` (direct child only unless `recursive`; the folder itself when recursive)? */
export function inScope(key: string, folderKey: string, recursive: boolean): boolean {
	if (key === folderKey) return recursive && folderKey !== '';
	if (!key.startsWith(folderKey + '/')) return false;
	return recursive || !key.slice(folderKey.length + 1).includes('/');
}
