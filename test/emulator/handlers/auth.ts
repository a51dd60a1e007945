/** auth/token/revoke: the calling token, its refresh token and every token made from it stop working. */
import type { HandlerContext, HandlerMap, HandlerResult } from '../contract';
import { bearerTokenOf } from '../dispatch/auth';
import { platformStateOf } from '../dispatch/platform';

async function revokeToken(ctx: HandlerContext): Promise<HandlerResult> {
	const token = bearerTokenOf(ctx.req, new URL(ctx.req.url ?? '/', 'https://api.dropboxapi.com'));
	if (token) platformStateOf(ctx.emulator).tokens.revokeFamily(token);
	return { kind: 'json', body: null };
}

export const authHandlers: HandlerMap = {
	'auth/token/revoke': revokeToken,
};
