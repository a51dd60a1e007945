/** The sharing routes: shared links (links/). */
import type { HandlerMap } from '../contract';
import {
	createSharedLinkWithSettings,
	getSharedLinkFile,
	getSharedLinkMetadata,
	listSharedLinks,
	modifySharedLinkSettings,
	revokeSharedLink,
} from './links/routes';

export const sharingRouteHandlers: HandlerMap = {
	'sharing/create_shared_link_with_settings': createSharedLinkWithSettings,
	'sharing/list_shared_links': listSharedLinks,
	'sharing/modify_shared_link_settings': modifySharedLinkSettings,
	'sharing/revoke_shared_link': revokeSharedLink,
	'sharing/get_shared_link_metadata': getSharedLinkMetadata,
	'sharing/get_shared_link_file': getSharedLinkFile,
};
