/**
 * Which part of a (team) account the paths are relative to: the `Dropbox-API-Path-Root` header.
 * - own: the member's own folder (no header; also the only choice for app-folder apps)
 * - team: the whole team space (`root` = the account's root namespace)
 * - namespace: one shared or team folder, by namespace ID
 */
export type Space = { kind: 'own' } | { kind: 'team' } | { kind: 'namespace'; namespaceId: string };

export const OWN_SPACE: Space = { kind: 'own' };

/** The header's JSON value (before header-safe encoding), or undefined for no header. */
export function pathRootValue(space: Space, rootNamespaceId?: string): Record<string, string> | undefined {
	switch (space.kind) {
		case 'own':
			return undefined;
		case 'team':
			if (!rootNamespaceId) throw new Error("The team space needs the account's root namespace ID");
			return { '.tag': 'root', root: rootNamespaceId };
		case 'namespace':
			return { '.tag': 'namespace_id', namespace_id: space.namespaceId };
	}
}
