import { NodeOperationError } from 'n8n-workflow';

import type { DropboxContext } from './context';
import { credentialTypeOf } from './credentialType';
import { toHeaderSafeJson } from './headerSafeJson';
import { pathRootValue, type Space } from './space';

/** Fetches the account's root namespace: users/get_current_account → root_info.root_namespace_id. */
export type RootNamespaceLookup = (ctx: DropboxContext) => Promise<string>;

/**
 * What one execution learns once, not per item or per call: whether the credential is an app-folder
 * app, and the account's root namespace. A WeakMap lets the entry go with the context.
 */
interface ExecutionFacts {
	appFolder?: Promise<boolean>;
	rootNamespaceId?: Promise<string>;
}

const factsByContext = new WeakMap<object, ExecutionFacts>();

function factsOf(ctx: DropboxContext): ExecutionFacts {
	let facts = factsByContext.get(ctx);
	if (!facts) {
		facts = {};
		factsByContext.set(ctx, facts);
	}
	return facts;
}

export async function pathRootHeader(
	ctx: DropboxContext,
	space: Space | undefined,
	lookupRootNamespace: RootNamespaceLookup,
): Promise<Record<string, string>> {
	if (!space || space.kind === 'own') return {};
	const facts = factsOf(ctx);
	facts.appFolder ??= ctx
		.getCredentials(credentialTypeOf(ctx.getNode()))
		.then((credentials) => credentials.accessType === 'appFolder');
	if (await facts.appFolder) {
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
		if (!facts.rootNamespaceId) {
			const pending = lookupRootNamespace(ctx);
			facts.rootNamespaceId = pending;
			// A failed lookup is not kept: the next item may succeed.
			pending.catch(() => {
				if (facts.rootNamespaceId === pending) facts.rootNamespaceId = undefined;
			});
		}
		rootNamespaceId = await facts.rootNamespaceId;
	}
	const value = pathRootValue(space, rootNamespaceId);
	return value ? { 'Dropbox-API-Path-Root': toHeaderSafeJson(value) } : {};
}
