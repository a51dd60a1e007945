/**
 * files/copy_reference/get and files/copy_reference/save: a reference names a file or folder by its
 * namespace and id (base64url JSON, so it holds across a restart), and saving it copies what is there
 * now into the saver's Dropbox — another account's too — without the bytes going through the client.
 * The destination must be free (no autorename: `path/conflict`); a source gone since is `not_found`; a
 * string that is no reference `invalid_copy_reference`; more files and folders than the operation limit
 * `too_many_files`. References do not expire (`expires` is far ahead) and are not tied to an app.
 */
import type { HandlerContext, HandlerResult } from '../contract';
import { callerView } from './context';
import { LookupFailure, WriteRejected, asRouteError, json, nest, routeError } from './errors';
import { limitsOf } from './limits';
import { DestinationRejected, RelocationRefused, relocate } from './store/relocate';
import { renderMetadata } from './store/render';
import { withWriteSlot } from './write-slot';

interface Reference {
	namespace: string;
	id: string;
}

/** What `expires` says: Dropbox's "far enough in the future that expiration is effectively not an issue". */
const NEVER = '9999-12-31T23:59:59Z';

function encode(reference: Reference): string {
	return 'AAAA' + Buffer.from(JSON.stringify({ n: reference.namespace, i: reference.id })).toString('base64url');
}

function decode(text: string): Reference | undefined {
	if (!text.startsWith('AAAA')) return undefined;
	try {
		const value = JSON.parse(Buffer.from(text.slice(4), 'base64url').toString('utf8')) as { n?: unknown; i?: unknown };
		return typeof value.n === 'string' && typeof value.i === 'string' ? { namespace: value.n, id: value.i } : undefined;
	} catch {
		return undefined;
	}
}

export async function copyReferenceGet(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account, view } = callerView(ctx);
	try {
		const target = store.resolve(view, (ctx.arg as { path: string }).path, account);
		const found = store.locate(target);
		if (!found || target.abs.length <= target.view.prefix.length) throw new LookupFailure('not_found');
		const copy_reference = encode({ namespace: target.view.id, id: found.node.id });
		return json({ metadata: renderMetadata(target.view, found), copy_reference, expires: NEVER });
	} catch (error) {
		throw asRouteError(error, { lookup: 'path' });
	}
}

export async function copyReferenceSave(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account, view } = callerView(ctx);
	const arg = ctx.arg as { copy_reference: string; path: string };
	const reference = decode(arg.copy_reference);
	if (!reference) throw routeError({ '.tag': 'invalid_copy_reference' });
	const source = store.namespaces.get(reference.namespace);
	const found = source?.tree.findById(reference.id, source.prefix);
	if (!source || !found) throw routeError({ '.tag': 'not_found' });
	let to;
	try {
		to = store.resolve(view, arg.path, account);
	} catch (error) {
		throw asRouteError(error, { write: 'path' });
	}
	const from = { tree: source.tree, view: source, abs: found.names };
	const options = { copy: true, autorename: false, acrossTrees: true, entryLimit: limitsOf(ctx).operationEntryLimit };
	try {
		const placed = await withWriteSlot(to.tree, () => relocate(store, from, to, options));
		return json({ metadata: renderMetadata(to.view, placed) });
	} catch (error) {
		if (error instanceof DestinationRejected) throw routeError(nest('path', error.cause.failure));
		if (error instanceof WriteRejected) throw routeError(nest('path', error.failure));
		if (error instanceof RelocationRefused) {
			const tag = error.error['.tag'];
			if (tag === 'too_many_files') throw routeError({ '.tag': 'too_many_files' });
			if (tag === 'insufficient_quota') throw routeError(nest('path', { '.tag': 'insufficient_space' }));
			// Saving onto the very item referenced (same tree, same path).
			throw routeError(nest('path', { '.tag': 'conflict', conflict: { '.tag': found.node.kind } }));
		}
		if (error instanceof LookupFailure) throw routeError({ '.tag': 'not_found' });
		throw error;
	}
}
