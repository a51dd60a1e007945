import type { DropboxSession, RpcRoute } from '../../../shared/transport';

/** A page of the sharing lists, which have a `cursor` only while more pages follow (no `has_more`). */
export interface CursorPage {
	cursor?: string;
}

/** Yields the first page, then follows `cursor` through the continue route for as long as a page carries one. */
export async function* cursorPages<P extends CursorPage>(
	session: DropboxSession,
	call: { route: RpcRoute; continueRoute: RpcRoute; arg: object },
): AsyncGenerator<P> {
	let page = await session.rpc<P>(call.route, { arg: call.arg });
	yield page;
	while (page.cursor) {
		page = await session.rpc<P>(call.continueRoute, { arg: { cursor: page.cursor } });
		yield page;
	}
}
