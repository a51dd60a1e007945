import { NodeOperationError } from 'n8n-workflow';

import type { DropboxContext } from './context';
import { credentialTypeOf } from './credentialType';
import { toHeaderSafeJson } from './headerSafeJson';
import { pathRootValue, type Space } from './space';

/** Fetches the account's root namespace: users/get_current_account → root_info.root_namespace_id. */
export type RootNamespaceLookup = (ctx: DropboxContext) => Promise<string>;

/**
 * Root namespace per execution context: one lookup per execution, not per item or per call. A WeakMap
 * lets the entry go with the context.
 */
const rootNamespaces = new WeakMap<object, Promise<string>>();

export async function pathRootHeader(
	ctx: DropboxContext,
	space: Space | undefined,
	lookupRootNamespace: RootNamespaceLookup,
): Promise<Record<string, string>> {
	if (!space || space.kind === 'own') return {};
	const credentials = await ctx.getCredentials(credentialTypeOf(ctx.getNode()));
	if (credentials.accessType === 'appFolder') {
		// Dropbox answers any path root sent by an app-folder app with an error.
		throw new NodeOperationError(
			ctx.getNode(),
			'A team space or shared folder cannot be chosen with an app-folder Dropbox app',
			{
				description:
					'Set "Space" to "My Files", or use a credential whose Dropbox app has "Full Dropbox" access (and set its Access Type accordingly).',
			},
		);
	}
	let rootNamespaceId: string | undefined;
	if (space.kind === 'team') {
		let pending = rootNamespaces.get(ctx);
		if (!pending) {
			pending = lookupRootNamespace(ctx);
			rootNamespaces.set(ctx, pending);
			// A failed lookup is not cached: the next item may succeed.
			pending.catch(() => rootNamespaces.delete(ctx));
		}
		rootNamespaceId = await pending;
	}
	const value = pathRootValue(space, rootNamespaceId);
	return value ? { 'Dropbox-API-Path-Root': toHeaderSafeJson(value) } : {};
}
