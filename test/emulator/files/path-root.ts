/**
 * The `Dropbox-API-Path-Root` header: which namespace paths are relative to. Without it, the home
 * namespace. A root that is not the caller's, or a namespace the caller cannot reach, answers
 * 422 PathRootError (common.stone) carrying the caller's current root info.
 */
import { type Account, ApiError } from '../contract';
import { badRequest } from './errors';
import type { FileStore } from './store/file-store';
import type { Namespace } from './store/namespaces';

export function rootInfo(account: Account): Record<string, unknown> {
	if (account.team && account.rootNamespaceId !== account.homeNamespaceId) {
		return {
			'.tag': 'team',
			root_namespace_id: account.rootNamespaceId,
			home_namespace_id: account.homeNamespaceId,
			home_path: '/' + account.team.memberFolderName,
		};
	}
	return { '.tag': 'user', root_namespace_id: account.rootNamespaceId, home_namespace_id: account.homeNamespaceId };
}

function invalidRoot(account: Account): ApiError {
	return new ApiError(422, { '.tag': 'invalid_root', invalid_root: rootInfo(account) }, { summary: 'invalid_root' });
}

function noPermission(): ApiError {
	return new ApiError(422, { '.tag': 'no_permission' }, { summary: 'no_permission' });
}

export function resolvePathRoot(store: FileStore, account: Account, header: string | undefined, routeKey: string): Namespace {
	const home = store.home(account);
	if (header === undefined || header === '') return home;
	let value: unknown;
	try {
		value = JSON.parse(header);
	} catch {
		throw badRequest(routeKey, 'HTTP header "Dropbox-API-Path-Root": could not decode input as JSON');
	}
	const tag = typeof value === 'string' ? value : (value as { '.tag'?: unknown } | null)?.['.tag'];
	const field = (name: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined);
	if (tag === 'home') return home;
	if (tag === 'root') {
		const id = field('root');
		if (typeof id !== 'string') throw badRequest(routeKey, `HTTP header "Dropbox-API-Path-Root": missing required field 'root'`);
		if (id !== account.rootNamespaceId) throw invalidRoot(account);
		return store.namespaces.get(id) ?? home;
	}
	if (tag === 'namespace_id') {
		const id = field('namespace_id');
		if (typeof id !== 'string') throw badRequest(routeKey, `HTTP header "Dropbox-API-Path-Root": missing required field 'namespace_id'`);
		if (!store.namespaces.reachable(account).includes(id)) throw noPermission();
		return store.namespaces.get(id)!;
	}
	throw badRequest(routeKey, `HTTP header "Dropbox-API-Path-Root": unknown tag '${String(tag)}'`);
}
