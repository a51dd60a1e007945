/**
 * Opening a shared link by its URL, as the calling account: the link must exist, not have expired, point at
 * something that still exists, and admit the caller (its audience, its password). The owner always gets in.
 */
import type { Account, HandlerContext } from '../../contract';
import { accountOf, storeOf } from '../../files/context';
import { parsePath } from '../../files/paths';
import { routeError } from '../../files/errors';
import type { Located } from '../../files/store/tree';
import { sameTeam } from '../plans';
import { type SharedLink, sharedLinks } from './link-store';
import { parseLinkUrl } from './link-url';
import { type LinkTarget, linkTarget } from './render-link';

export interface OpenedLink {
	link: SharedLink;
	target: LinkTarget;
	owner: Account;
	viewer: Account;
	isOwner: boolean;
}

/** `malformed`: the route's answer to a string that is no shared link URL (revoke has its own tag for it). */
export function openLink(ctx: HandlerContext, url: string, options: { password?: string; malformed?: string } = {}): OpenedLink {
	const parsed = parseLinkUrl(url);
	if (parsed.kind === 'malformed') throw routeError({ '.tag': options.malformed ?? 'shared_link_not_found' });
	const store = storeOf(ctx);
	const link = sharedLinks.of(store).get(parsed.key);
	const target = link && linkTarget(store, link);
	const owner = link && ctx.emulator.accounts.byId(link.owner);
	const expired = link?.settings.expires !== undefined && link.settings.expires <= Date.now();
	if (!link || !target || !owner || expired || (parsed.rlkey !== null && parsed.rlkey !== link.rlkey)) {
		throw routeError({ '.tag': 'shared_link_not_found' });
	}
	const viewer = accountOf(ctx);
	const isOwner = viewer.accountId === owner.accountId;
	if (!isOwner && !admits(link, owner, viewer, options.password)) throw routeError({ '.tag': 'shared_link_access_denied' });
	return { link, target, owner, viewer, isOwner };
}

function admits(link: SharedLink, owner: Account, viewer: Account, password: string | undefined): boolean {
	const { audience, password: required } = link.settings;
	if (audience === 'no_one') return false;
	if (audience === 'team' && !sameTeam(owner, viewer)) return false;
	return required === undefined || required === password;
}

/** The thing a `path` inside a folder link names ("/sub/a.txt", relative to the linked folder). */
export function insideLink(opened: OpenedLink, path: string | undefined): Located | undefined {
	if (path === undefined || path === '' || path === '/') return undefined;
	const { located, view } = opened.target;
	let components: string[];
	try {
		const ref = parsePath(path);
		if (ref.kind !== 'path' || ref.namespaceId !== undefined) throw new Error('not a relative path');
		components = ref.components;
	} catch {
		throw routeError({ '.tag': 'shared_link_not_found' });
	}
	if (located.node.kind !== 'folder') throw routeError({ '.tag': 'shared_link_not_found' });
	const found = view.tree.walk([...located.names, ...components]).found;
	if (!found) throw routeError({ '.tag': 'shared_link_not_found' });
	return found;
}
