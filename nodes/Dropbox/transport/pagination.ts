import type { DropboxContext } from './context';
import { dropboxRpc, type RpcCall } from './calls';

/** A page of a list/continue route pair (`files/list_folder` + `files/list_folder/continue`, …). */
export interface PagedResult {
	has_more: boolean;
	cursor: string;
}

/**
 * Yields the first page, then follows `cursor` through the continue route while `has_more`.
 * @param continueRoute default: `<route>/continue`
 */
export async function* pages<P extends PagedResult>(
	ctx: DropboxContext,
	first: RpcCall,
	continueRoute = `${first.route}/continue`,
): AsyncGenerator<P> {
	let page = await dropboxRpc<P>(ctx, first);
	yield page;
	while (page.has_more) {
		page = await dropboxRpc<P>(ctx, { ...first, route: continueRoute, arg: { cursor: page.cursor } });
		yield page;
	}
}

/** Collects `itemsKey` (e.g. `entries`) over all pages, stopping once `limit` items are held. */
export async function listAll<T, P extends PagedResult = PagedResult & Record<string, unknown>>(
	ctx: DropboxContext,
	first: RpcCall,
	options: { itemsKey: keyof P & string; limit?: number; continueRoute?: string },
): Promise<T[]> {
	const items: T[] = [];
	for await (const page of pages<P>(ctx, first, options.continueRoute)) {
		items.push(...((page[options.itemsKey] as unknown as T[]) ?? []));
		if (options.limit !== undefined && items.length >= options.limit) return items.slice(0, options.limit);
	}
	return items;
}
