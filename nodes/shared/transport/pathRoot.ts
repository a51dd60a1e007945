import { NodeOperationError } from 'n8n-workflow';

import { toHeaderSafeJson } from './headerSafeJson';
import type { DropboxSession } from './session';
import { pathRootValue, type Space } from './space';

/**
 * The `Dropbox-API-Path-Root` header for a Space. The session learns once whether the app is an
 * app-folder app (which may never send it) and the account's root namespace, not per item or per call.
 */
export async function pathRootHeader(session: DropboxSession, space: Space | undefined): Promise<Record<string, string>> {
	if (!space || space.kind === 'own') return {};
	if (await session.isAppFolder()) {
		// Dropbox answers any path root sent by an app-folder app with an error.
		throw new NodeOperationError(
			session.ctx.getNode(),
			'A team space or shared folder cannot be chosen with an app-folder Dropbox app',
			{
				description:
					'Set "Space" to "My Files", or use a credential whose Dropbox app has "Full Dropbox" access (and set its Access Type accordingly).',
			},
		);
	}
	const rootNamespaceId = space.kind === 'team' ? await session.rootNamespaceId() : undefined;
	const value = pathRootValue(space, rootNamespaceId);
	return value ? { 'Dropbox-API-Path-Root': toHeaderSafeJson(value) } : {};
}
