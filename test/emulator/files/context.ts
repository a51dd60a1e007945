/** What every files handler needs from its HandlerContext: the store, the caller, the namespace it sees. */
import type { Account, FileService, HandlerContext } from '../contract';
import { badRequest } from './errors';
import { resolvePathRoot } from './path-root';
import type { FileStore } from './store/file-store';
import type { Namespace } from './store/namespaces';

const stores = new WeakMap<FileService, FileStore>();

export function registerStore(service: FileService, store: FileStore): void {
	stores.set(service, store);
}

/** The store behind a FileService, if createFileService() made it (tests may use another service). */
export function fileStoreOf(service: FileService): FileStore | undefined {
	return stores.get(service);
}

export function storeOf(ctx: HandlerContext): FileStore {
	const store = stores.get(ctx.emulator.files);
	if (!store) throw new Error('files handlers need the FileService made by createFileService()');
	return store;
}

export function accountOf(ctx: HandlerContext): Account {
	if (!ctx.account) throw badRequest(ctx.route.key, 'this route needs a user access token');
	return ctx.account;
}

/** The caller's account and the namespace its paths are relative to (Path-Root header). */
export function callerView(ctx: HandlerContext): { store: FileStore; account: Account; view: Namespace } {
	const store = storeOf(ctx);
	const account = accountOf(ctx);
	return { store, account, view: resolvePathRoot(store, account, ctx.pathRoot, ctx.route.key) };
}
