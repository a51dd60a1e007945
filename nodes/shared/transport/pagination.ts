import type { CallOptions } from './calls';
import type { RpcRoute } from './routes';
import type { DropboxSession } from './session';

/** A page of a list/continue route pair (`files/list_folder` + `files/list_folder/continue`, …). */
export interface PagedResult {
	has_more: boolean;
	cursor: string;
}

export interface PagedCall extends CallOptions {
	route: RpcRoute;
	/** The route that takes `{cursor}` and returns the next page. */
	continueRoute: RpcRoute;
}

/** Yields the first page, then follows `cursor` through the continue route while `has_more`. */
export async function* pages<P extends PagedResult>(session: DropboxSession, call: PagedCall): AsyncGenerator<P> {
	const { route, continueRoute, ...options } = call;
	let page = await session.rpc<P>(route, options);
	yield page;
	while (page.has_more) {
		page = await session.rpc<P>(continueRoute, { ...options, arg: { cursor: page.cursor } });
		yield page;
	}
}

/** Collects `itemsKey` (e.g. `entries`) over all pages, stopping once `limit` items are held. */
export async function listAll<T, P extends PagedResult = PagedResult & Record<string, unknown>>(
	session: DropboxSession,
	call: PagedCall,
	options: { itemsKey: keyof P & string; limit?: number },
): Promise<T[]> {
	const items: T[] = [];
	for await (const page of pages<P>(session, call)) {
		items.push(...((page[options.itemsKey] as unknown as T[]) ?? []));
		if (options.limit !== undefined && items.length >= options.limit) return items.slice(0, options.limit);
	}
	return items;
}
