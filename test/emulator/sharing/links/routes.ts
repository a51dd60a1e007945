/**
 * The shared link routes: create_shared_link_with_settings, list_shared_links, modify_shared_link_settings,
 * revoke_shared_link, get_shared_link_metadata and get_shared_link_file (content host).
 */
import type { HandlerContext, HandlerResult } from '../../contract';
import { callerView } from '../../files/context';
import { limitsOf } from '../../files/limits';
import { LookupFailure, asRouteError, json, routeError } from '../../files/errors';
import { keyOf } from '../../files/store/keys';
import type { Tree } from '../../files/store/tree';
import { decodeCursor, encodeCursor } from '../../paging/opaque-cursor';
import { sharedLinks } from './link-store';
import { linkTarget, renderLink } from './render-link';
import { DEFAULT_SETTINGS, type SettingsArg, applySettings, isEmptySettings } from './settings';
import { insideLink, openLink } from './visit';

const CURSOR_PREFIX = 'AAL';

export async function createSharedLinkWithSettings(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account, view } = callerView(ctx);
	const arg = ctx.arg as { path: string; settings?: SettingsArg };
	let target;
	try {
		const resolved = store.resolve(view, arg.path, account);
		const located = store.locate(resolved);
		if (!located) throw new LookupFailure('not_found');
		target = { view: resolved.view, located };
	} catch (error) {
		throw asRouteError(error, { lookup: 'path' });
	}
	const links = sharedLinks.of(store);
	const existing = links.findOwn(account.accountId, target.located.node.id);
	if (existing) {
		const metadata = renderLink(existing, linkTarget(store, existing) ?? target, account, account);
		throw routeError({ '.tag': 'shared_link_already_exists', shared_link_already_exists: { '.tag': 'metadata', metadata } });
	}
	const settings = applySettings(account, DEFAULT_SETTINGS, arg.settings ?? {});
	const link = links.add({
		owner: account.accountId,
		namespaceId: target.view.id,
		nodeId: target.located.node.id,
		isFolder: target.located.node.kind === 'folder',
		settings,
	});
	return json(renderLink(link, target, account, account));
}

interface ListCursor {
	account: string;
	path: string | null;
	directOnly: boolean;
	offset: number;
}

export async function listSharedLinks(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account, view } = callerView(ctx);
	const arg = ctx.arg as { path?: string; cursor?: string; direct_only?: boolean };
	let cursor: ListCursor = { account: account.accountId, path: arg.path ?? null, directOnly: arg.direct_only ?? false, offset: 0 };
	if (arg.cursor !== undefined) {
		const decoded = decodeCursor<ListCursor>(CURSOR_PREFIX, arg.cursor, (value) => typeof value.account === 'string' && Number.isInteger(value.offset));
		if (!decoded || decoded.account !== account.accountId) throw routeError({ '.tag': 'reset' });
		cursor = decoded;
	}
	let scopeKey: string | undefined;
	let scopeTree: Tree | undefined;
	if (cursor.path !== null && cursor.path !== '') {
		try {
			const resolved = store.resolve(view, cursor.path, account);
			if (!store.locate(resolved)) throw new LookupFailure('not_found');
			scopeKey = keyOf(resolved.abs);
			scopeTree = resolved.tree;
		} catch (error) {
			throw asRouteError(error, { lookup: 'path' });
		}
	}
	const visible = sharedLinks
		.of(store)
		.ofOwner(account.accountId)
		.flatMap((link) => {
			const target = linkTarget(store, link);
			if (!target) return [];
			if (scopeKey !== undefined) {
				if (target.view.tree !== scopeTree) return [];
				const linkKey = keyOf(target.located.names);
				const direct = linkKey === scopeKey;
				const ancestor = target.located.node.kind === 'folder' && scopeKey.startsWith(linkKey + '/');
				if (!direct && (cursor.directOnly || !ancestor)) return [];
			}
			return [renderLink(link, target, account, account)];
		});
	const end = cursor.offset + limitsOf(ctx).sharedLinksPageSize;
	const hasMore = end < visible.length;
	return json({
		links: visible.slice(cursor.offset, end),
		has_more: hasMore,
		...(hasMore ? { cursor: encodeCursor(CURSOR_PREFIX, { ...cursor, offset: end }) } : {}),
	});
}

export async function modifySharedLinkSettings(ctx: HandlerContext): Promise<HandlerResult> {
	const arg = ctx.arg as { url: string; settings: SettingsArg; remove_expiration?: boolean };
	const opened = openLink(ctx, arg.url);
	if (!opened.isOwner) throw routeError({ '.tag': 'shared_link_access_denied' });
	if (isEmptySettings(arg.settings) && !arg.remove_expiration) {
		throw routeError({ '.tag': 'settings_error', settings_error: { '.tag': 'invalid_settings' } });
	}
	opened.link.settings = applySettings(opened.owner, opened.link.settings, arg.settings, { removeExpiration: arg.remove_expiration });
	return json(renderLink(opened.link, opened.target, opened.owner, opened.viewer));
}

export async function revokeSharedLink(ctx: HandlerContext): Promise<HandlerResult> {
	const opened = openLink(ctx, (ctx.arg as { url: string }).url, { malformed: 'shared_link_malformed' });
	if (!opened.isOwner) throw routeError({ '.tag': 'shared_link_access_denied' });
	sharedLinks.ofContext(ctx).remove(opened.link);
	return json(null);
}

interface VisitArg {
	url: string;
	path?: string;
	link_password?: string;
}

export async function getSharedLinkMetadata(ctx: HandlerContext): Promise<HandlerResult> {
	const arg = ctx.arg as VisitArg;
	const opened = openLink(ctx, arg.url, { password: arg.link_password });
	const inside = insideLink(opened, arg.path);
	return json(renderLink(opened.link, opened.target, opened.owner, opened.viewer, inside));
}

export async function getSharedLinkFile(ctx: HandlerContext): Promise<HandlerResult> {
	const arg = ctx.arg as VisitArg;
	const opened = openLink(ctx, arg.url, { password: arg.link_password });
	const inside = insideLink(opened, arg.path);
	const shown = inside ?? opened.target.located;
	if (shown.node.kind !== 'file') throw routeError({ '.tag': 'shared_link_is_directory' });
	if (!opened.isOwner && !opened.link.settings.allowDownload) throw routeError({ '.tag': 'shared_link_access_denied' });
	const result = renderLink(opened.link, opened.target, opened.owner, opened.viewer, inside);
	return { kind: 'download', result, file: shown.node.blob, size: shown.node.size, etag: shown.node.rev };
}
