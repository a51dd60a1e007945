/**
 * Whether a route only reads: such calls may be re-sent after a 5xx or a dropped connection.
 * Writes are re-sent only when the caller says their effect is idempotent.
 */
const READ_ROUTE = /(^|\/)(get_[a-z0-9_]*|list[a-z0-9_]*|search[a-z0-9_]*|continue[a-z0-9_]*|download[a-z0-9_]*|export|longpoll|check[a-z0-9_]*|alpha\/get_metadata)$/;

export function isReadRoute(route: string): boolean {
	return READ_ROUTE.test(route);
}
