import type { IDataObject } from 'n8n-workflow';

import { pathProperty, readPath, readSpace, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { DropboxApiError, asNodeError, type DropboxSession, type Space } from '../../../shared/transport';
import { defineOperation } from '../operation';
import { createSettingsProperty, isEmpty, readLinkSettings, type RequestedSettings } from './linkSettings';

interface LinkMetadata extends IDataObject {
	url: string;
	link_permissions?: { link_access_level?: { '.tag'?: string } };
}

/**
 * Dropbox keeps one link per item and account: asking again fails with `shared_link_already_exists`. Then the
 * existing link is the result, changed to the settings asked for, so that a workflow can run again and again.
 */
export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a shared link',
	description:
		'Create a shared link to a file or folder, with audience, password, expiry, access and download settings; if the item already has a link, that link is returned with the settings applied',
	properties: [
		...spaceProperties,
		pathProperty('The file or folder to share by link'),
		createSettingsProperty,
	],
	async execute(itemIndex) {
		const path = readPath(this, 'path', itemIndex);
		const requested = readLinkSettings(this, itemIndex);
		const space = readSpace(this, itemIndex);
		const session = dropboxSession(this);
		try {
			return [
				{
					json: await session.rpc<LinkMetadata>('sharing/create_shared_link_with_settings', {
						arg: { path, settings: requested.settings },
						space,
						errorContext: { path },
					}),
				},
			];
		} catch (error) {
			if (!(error instanceof DropboxApiError) || error.dropboxTags[0] !== 'shared_link_already_exists') throw asNodeError(this.getNode(), error);
			const existing = linkInError(error) ?? (await findDirectLink(session, path, space));
			if (!existing) throw asNodeError(this.getNode(), error);
			return [{ json: { ...(await withSettings(session, existing, requested, path)), existing: true } }];
		}
	},
});

/** The existing link Dropbox may put in the error (not when the settings asked for could conflict with it). */
function linkInError(error: DropboxApiError): LinkMetadata | undefined {
	const body = error.failure.body as { error?: { shared_link_already_exists?: { metadata?: LinkMetadata } } } | undefined;
	const metadata = body?.error?.shared_link_already_exists?.metadata;
	return typeof metadata?.url === 'string' ? metadata : undefined;
}

async function findDirectLink(session: DropboxSession, path: string, space: Space): Promise<LinkMetadata | undefined> {
	const { links } = await session.rpc<{ links: LinkMetadata[] }>('sharing/list_shared_links', {
		arg: { path, direct_only: true },
		space,
		errorContext: { path },
	});
	return links[0];
}

async function withSettings(session: DropboxSession, link: LinkMetadata, requested: RequestedSettings, path: string): Promise<LinkMetadata> {
	const settings = { ...requested.settings };
	// Dropbox does not change a link's access level: asking for the one it has is left out rather than refused.
	const access = (settings.access as { '.tag'?: string } | undefined)?.['.tag'];
	if (access !== undefined && access === link.link_permissions?.link_access_level?.['.tag']) delete settings.access;
	if (isEmpty({ settings, removeExpiration: requested.removeExpiration })) return link;
	return await session.rpc<LinkMetadata>('sharing/modify_shared_link_settings', {
		arg: { url: link.url, settings, remove_expiration: requested.removeExpiration },
		errorContext: { path },
	});
}
