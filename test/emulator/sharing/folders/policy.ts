/**
 * sharing/update_folder_policy (the owner changes who may manage members, see viewers, use links) and
 * sharing/set_access_inheritance.
 */
import type { HandlerContext, HandlerResult } from '../../contract';
import { json, routeError } from '../../files/errors';
import { folderAccess, ownerOf } from './access';
import { renderSharedFolder } from './render-folder';
import { tagsOf } from './share';

type Tag = { '.tag': string };

interface UpdateFolderPolicyArg {
	shared_folder_id: string;
	member_policy?: Tag;
	acl_update_policy?: Tag;
	viewer_info_policy?: Tag;
	shared_link_policy?: Tag;
	actions?: Tag[];
}

export async function updateFolderPolicy(ctx: HandlerContext): Promise<HandlerResult> {
	const arg = ctx.arg as UpdateFolderPolicyArg;
	const { store, account, record, membership } = folderAccess(ctx, arg.shared_folder_id, 'access_error');
	if (membership.access !== 'owner') throw routeError({ '.tag': 'no_permission' });
	// Team-only policies need a team to restrict to.
	const memberPolicy = arg.member_policy?.['.tag'];
	if (memberPolicy !== undefined && memberPolicy !== 'anyone' && !account.team) throw routeError({ '.tag': 'not_on_team' });
	if (arg.shared_link_policy?.['.tag'] === 'team' && !account.team) throw routeError({ '.tag': 'disallowed_shared_link_policy' });
	record.policy = {
		member_policy: memberPolicy ?? record.policy.member_policy,
		acl_update_policy: arg.acl_update_policy?.['.tag'] ?? record.policy.acl_update_policy,
		viewer_info_policy: arg.viewer_info_policy?.['.tag'] ?? record.policy.viewer_info_policy,
		shared_link_policy: arg.shared_link_policy?.['.tag'] ?? record.policy.shared_link_policy,
	};
	return json(renderSharedFolder(store, record, account, ownerOf(ctx, record), tagsOf(arg.actions)));
}

/** Kept and shown; with no parent shared folders in the emulator's model it changes no one's access. */
export async function setAccessInheritance(ctx: HandlerContext): Promise<HandlerResult> {
	const arg = ctx.arg as { shared_folder_id: string; access_inheritance: { '.tag': 'inherit' | 'no_inherit' } };
	const { store, account, record, membership } = folderAccess(ctx, arg.shared_folder_id, 'access_error');
	if (membership.access !== 'owner') throw routeError({ '.tag': 'no_permission' });
	record.accessInheritance = arg.access_inheritance['.tag'];
	return json({ '.tag': 'complete', ...renderSharedFolder(store, record, account, ownerOf(ctx, record)) });
}
