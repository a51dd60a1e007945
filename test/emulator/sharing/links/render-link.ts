/**
 * A shared link as sharing.stone's SharedLinkMetadata (FileLinkMetadata / FolderLinkMetadata), seen by a
 * given account: the owner sees the path, the id, the requested settings and what it may change; anyone
 * else sees the link as a visitor does.
 */
import type { Account } from '../../contract';
import { dropboxTimestamp } from '../../files/store/ids';
import type { FileStore } from '../../files/store/file-store';
import type { Namespace } from '../../files/store/namespaces';
import { renderMetadata } from '../../files/store/render';
import type { Located } from '../../files/store/tree';
import { hasPaidSharing } from '../plans';
import type { LinkSettings, SharedLink } from './link-store';
import { linkUrl } from './link-url';

export interface LinkTarget {
	view: Namespace;
	located: Located;
}

/** The file or folder behind a link, or undefined when it is gone. */
export function linkTarget(store: FileStore, link: SharedLink): LinkTarget | undefined {
	const view = store.namespaces.get(link.namespaceId);
	const located = view?.tree.findById(link.nodeId);
	return view && located ? { view, located } : undefined;
}

export function renderLink(link: SharedLink, target: LinkTarget, owner: Account, viewer: Account, inside?: Located): Record<string, unknown> {
	const isOwner = owner.accountId === viewer.accountId;
	const shown = inside ?? target.located;
	const node = shown.node;
	const metadata: Record<string, unknown> = {
		'.tag': node.kind,
		url: linkUrl(link, target.located.node.name),
		name: node.name,
		link_permissions: permissions(link.settings, owner, isOwner),
	};
	if (isOwner) {
		const { path_lower } = renderMetadata(target.view, shown);
		Object.assign(metadata, { id: node.id, path_lower });
	}
	if (link.settings.expires !== undefined) metadata.expires = dropboxTimestamp(new Date(link.settings.expires));
	if (owner.team) {
		metadata.team_member_info = {
			team_info: { id: owner.team.teamId, name: owner.team.name },
			display_name: owner.displayName,
			member_id: `dbmid:${owner.accountId.slice(5)}`,
		};
	}
	if (node.kind === 'file') {
		Object.assign(metadata, { client_modified: node.clientModified, server_modified: node.serverModified, rev: node.rev, size: node.size });
	}
	return metadata;
}

function permissions(settings: LinkSettings, owner: Account, isOwner: boolean): Record<string, unknown> {
	const paid = isOwner && hasPaidSharing(owner);
	const visibility = visibilityOf(settings);
	const view: Record<string, unknown> = {
		resolved_visibility: { '.tag': visibility },
		can_revoke: isOwner,
		effective_audience: { '.tag': settings.audience },
		link_access_level: { '.tag': settings.access },
		visibility_policies: isOwner ? visibilityPolicies(owner) : [],
		can_set_expiry: paid,
		can_remove_expiry: paid,
		allow_download: settings.allowDownload,
		can_allow_download: isOwner,
		can_disallow_download: paid,
		allow_comments: true,
		team_restricts_comments: false,
		require_password: settings.password !== undefined,
	};
	if (!isOwner) {
		view.revoke_failure_reason = { '.tag': 'owner_only' };
		return view;
	}
	const requested = settings.password !== undefined ? 'password' : settings.audience === 'team' ? 'team_only' : 'public';
	return {
		...view,
		requested_visibility: { '.tag': requested },
		audience_options: [
			{ audience: { '.tag': 'public' }, allowed: true },
			owner.team
				? { audience: { '.tag': 'team' }, allowed: true }
				: { audience: { '.tag': 'team' }, allowed: false, disallowed_reason: { '.tag': 'user_not_on_team' } },
			{ audience: { '.tag': 'no_one' }, allowed: true },
		],
		can_set_password: paid,
		can_remove_password: paid,
	};
}

/** ResolvedVisibility: the audience, combined with the password. */
function visibilityOf(settings: LinkSettings): string {
	const password = settings.password !== undefined;
	if (settings.audience === 'no_one') return 'no_one';
	if (settings.audience === 'team') return password ? 'team_and_password' : 'team_only';
	return password ? 'password' : 'public';
}

function visibilityPolicies(owner: Account): Array<Record<string, unknown>> {
	const paid = hasPaidSharing(owner);
	const policy = (name: string, allowed: boolean, reason: string) => ({
		policy: { '.tag': name },
		resolved_policy: { '.tag': name },
		allowed,
		...(allowed ? {} : { disallowed_reason: { '.tag': reason } }),
	});
	return [policy('public', true, ''), policy('team_only', owner.team !== undefined, 'user_not_on_team'), policy('password', paid, 'user_account_type')];
}
