/**
 * files/paper/create and files/paper/update: Paper docs stored as `.paper` files whose content is the doc's
 * Markdown (paper-format.ts). Each create or update is a new revision of the file; `paper_revision` counts
 * the doc's own versions (1 at creation, +1 per update). A name taken at create is autorenamed
 * (`Notes (1).paper`: the answer's `result_path` says where it went). Docs over PAPER_MAX_BYTES of Markdown
 * are `doc_length_exceeded`.
 */
import type { HandlerContext, HandlerResult } from '../../contract';
import { callerView } from '../context';
import { LookupFailure, WriteRejected, asRouteError, json, routeError } from '../errors';
import type { FileStore, Target } from '../store/file-store';
import { keyOf } from '../store/keys';
import type { FileNode, Located } from '../store/tree';
import { commitFile } from '../store/write-file';
import { withWriteSlot } from '../write-slot';
import { ContentMalformed, type ImportFormat, importContent, joinDocs } from './paper-format';
import { isPaperName, paperRevisionOf } from './paper-files';
import { readFile } from 'node:fs/promises';

/** The most Markdown a doc may hold (Dropbox does not publish its limit). */
export const PAPER_MAX_BYTES = 1024 * 1024;

type Policy = 'update' | 'overwrite' | 'prepend' | 'append';
const tagOf = <T extends string>(value: T | { '.tag': T }): T => (typeof value === 'string' ? value : value['.tag']);

/** The request body, whole (a doc is small): undefined past the limit, the rest read and dropped. */
async function readDoc(body: AsyncIterable<Buffer>): Promise<Buffer | undefined> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of body) {
		size += chunk.length;
		if (size <= PAPER_MAX_BYTES) chunks.push(chunk);
	}
	return size <= PAPER_MAX_BYTES ? Buffer.concat(chunks) : undefined;
}

/** The imported Markdown, or the PaperContentError member that refuses it. */
async function importedDoc(ctx: HandlerContext, format: ImportFormat): Promise<string> {
	const data = await readDoc(ctx.body);
	if (!data) throw routeError({ '.tag': 'doc_length_exceeded' });
	try {
		return importContent(data, format);
	} catch (error) {
		if (error instanceof ContentMalformed) throw routeError({ '.tag': 'content_malformed' });
		throw error;
	}
}

async function storeDoc(store: FileStore, target: Target, markdown: string, options: { replace: boolean; paperRevision: number }): Promise<Located<FileNode>> {
	const data = Buffer.from(markdown, 'utf8');
	if (data.length > PAPER_MAX_BYTES) throw routeError({ '.tag': 'doc_length_exceeded' });
	const blob = await store.blobs.writeBuffer(data);
	return withWriteSlot(target.tree, () =>
		commitFile(store, target, blob, {
			mode: options.replace ? { kind: 'overwrite' } : { kind: 'add' },
			autorename: !options.replace,
			// Every create or update is a new revision, even of identical content.
			strictConflict: true,
			paperRevision: options.paperRevision,
		}),
	);
}

export async function paperCreate(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account, view } = callerView(ctx);
	const arg = ctx.arg as { path: string; import_format: ImportFormat | { '.tag': ImportFormat } };
	const markdown = await importedDoc(ctx, tagOf(arg.import_format));
	let target: Target;
	try {
		target = store.resolve(view, arg.path, account);
	} catch {
		throw routeError({ '.tag': 'invalid_path' });
	}
	const name = target.abs[target.abs.length - 1] ?? '';
	if (!isPaperName(name)) throw routeError({ '.tag': 'invalid_file_extension' });
	try {
		const placed = await storeDoc(store, target, markdown, { replace: false, paperRevision: 1 });
		const resultPath = '/' + store.relative(target.view, placed.names).join('/');
		const slug = placed.node.name.replace(/\.paper$/i, '').replace(/[^A-Za-z0-9]+/g, '-');
		return json({
			url: `https://paper.dropbox.com/doc/${slug}--${placed.node.id.slice(3)}`,
			result_path: resultPath,
			file_id: placed.node.id,
			paper_revision: paperRevisionOf(placed.node),
		});
	} catch (error) {
		if (error instanceof WriteRejected || error instanceof LookupFailure) throw routeError({ '.tag': 'invalid_path' });
		throw error;
	}
}

export async function paperUpdate(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account, view } = callerView(ctx);
	const arg = ctx.arg as { path: string; import_format: ImportFormat | { '.tag': ImportFormat }; doc_update_policy: Policy | { '.tag': Policy }; paper_revision?: number | null };
	let target: Target;
	let doc: Located<FileNode>;
	try {
		target = store.resolve(view, arg.path, account);
		doc = existingDoc(store, target);
	} catch (error) {
		throw asRouteError(error, { lookup: 'path' });
	}
	const policy = tagOf(arg.doc_update_policy);
	const current = paperRevisionOf(doc.node);
	if (policy === 'update' && arg.paper_revision !== current) {
		await readDoc(ctx.body);
		throw routeError({ '.tag': 'revision_mismatch' });
	}
	const incoming = await importedDoc(ctx, tagOf(arg.import_format));
	const existing = policy === 'prepend' || policy === 'append' ? (await readFile(doc.node.blob)).toString('utf8') : '';
	const markdown = policy === 'prepend' ? joinDocs(incoming, existing) : policy === 'append' ? joinDocs(existing, incoming) : incoming;
	const placed = await storeDoc(store, { ...target, abs: doc.names }, markdown, { replace: true, paperRevision: current + 1 });
	return json({ paper_revision: paperRevisionOf(placed.node) });
}

/** The Paper doc a path names: `doc_deleted` for one that was deleted, LookupFailure for anything else amiss. */
function existingDoc(store: FileStore, target: Target): Located<FileNode> {
	const found = store.locate(target);
	if (!found) {
		const [last] = store.history(target.tree).atKey(keyOf(target.abs));
		if (last && isPaperName(last.node.name)) throw routeError({ '.tag': 'doc_deleted' });
		throw new LookupFailure('not_found');
	}
	if (found.node.kind !== 'file') throw new LookupFailure('not_file');
	if (!isPaperName(found.node.name)) throw routeError({ '.tag': 'path', path: { '.tag': 'unsupported_content_type' } });
	return found as Located<FileNode>;
}
