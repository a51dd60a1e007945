import type { Space } from '../transport';

/** What a trigger watches: a cursor is only good for the scope it was made for. */
export interface WatchScope {
	/** The folder: `""` for the root, a path such as `/Inbox`, or an `id:` ID. */
	path: string;
	recursive: boolean;
	space: Space;
}

/** A stable text form of the scope, kept with the cursor to tell whether what is watched has changed. */
export function scopeId(scope: WatchScope): string {
	const space = scope.space.kind === 'namespace' ? `namespace:${scope.space.namespaceId}` : scope.space.kind;
	const path = scope.path.startsWith('/') ? scope.path.toLowerCase() : scope.path;
	return JSON.stringify({ path, recursive: scope.recursive, space });
}
