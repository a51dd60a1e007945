/**
 * files/list_folder/longpoll (notify host, no auth): answers {changes: true} as soon as something in
 * the cursor's scope changes, {changes: false} after `timeout` seconds plus the platform's jitter (as
 * Dropbox adds), and stops waiting when the client goes away. An answer carries `backoff` when the
 * platform asks for it.
 */
import type { HandlerContext, HandlerResult } from '../contract';
import { storeOf } from './context';
import { cursorNamespace, decodeCursor } from './cursors';
import { json, routeError } from './errors';
import { hasNews } from './listing';

interface LongpollArg {
	cursor: string;
	timeout?: number;
}

export async function listFolderLongpoll(ctx: HandlerContext): Promise<HandlerResult> {
	const store = storeOf(ctx);
	const arg = ctx.arg as LongpollArg;
	const state = decodeCursor(String(arg.cursor));
	const ns = state && cursorNamespace(store, state);
	if (!state || !ns) throw routeError({ '.tag': 'reset' });
	if (hasNews(ns, state)) return answer(ctx, true);

	const timeoutMs = (arg.timeout ?? 30) * 1000 + (ctx.emulator.longpoll?.extraWaitMs() ?? 0);
	const changes = store.state.changes;
	const changed = await new Promise<boolean>((resolve) => {
		const finish = (value: boolean): void => {
			clearTimeout(timer);
			changes.off('change', onChange);
			ctx.signal.removeEventListener('abort', onAbort);
			resolve(value);
		};
		const onChange = (namespaceId: string): void => {
			// A cursor reset or an admin reset while waiting also counts: the next call tells the client.
			const current = cursorNamespace(store, state);
			if (!current || (namespaceId === ns.id && hasNews(ns, state))) finish(true);
		};
		const onAbort = (): void => finish(false);
		const timer = setTimeout(() => finish(false), timeoutMs);
		changes.on('change', onChange);
		ctx.signal.addEventListener('abort', onAbort);
		if (ctx.signal.aborted) finish(false);
	});
	return answer(ctx, changed);
}

function answer(ctx: HandlerContext, changes: boolean): HandlerResult {
	// A client that went away gets nothing: a requested backoff stays for the next answer that arrives.
	const backoff = ctx.signal.aborted ? undefined : ctx.emulator.longpoll?.takeBackoff();
	return json(backoff === undefined ? { changes } : { changes, backoff });
}
