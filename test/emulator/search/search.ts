/**
 * files/search_v2 and files/search/continue_v2 over the caller's stored names (and the text of small text
 * files for a content search). Every page is computed afresh from the current tree; the cursor keeps the
 * query, its options and how many matches were already given.
 */
import type { HandlerContext, HandlerResult } from '../contract';
import { callerView } from '../files/context';
import { limitsOf } from '../files/limits';
import { LookupFailure, asRouteError, json, routeError } from '../files/errors';
import type { FileStore } from '../files/store/file-store';
import { keyOf } from '../files/store/keys';
import type { Namespace } from '../files/store/namespaces';
import { type MetadataJson, renderDeleted, renderMetadata } from '../files/store/render';
import { type Located, preOrder } from '../files/store/tree';
import { decodeCursor, encodeCursor } from '../paging/opaque-cursor';
import { categoryOf, extensionOf } from './categories';
import { type HighlightSpan, containsAll, highlightSpans, nameRank, queryWords, textOf } from './match';

interface SearchOptions {
	path?: string;
	max_results: number;
	order_by?: { '.tag': 'relevance' | 'last_modified_time' };
	file_status: { '.tag': 'active' | 'deleted' };
	filename_only: boolean;
	file_extensions?: string[];
	file_categories?: Array<{ '.tag': string }>;
}

interface SearchV2Arg {
	query: string;
	options?: SearchOptions;
	match_field_options?: { include_highlights: boolean };
	include_highlights?: boolean;
}

/** What a continuation needs: whose search, the store it ran on, the request, and where the next page starts. */
interface SearchCursor {
	account: string;
	epoch: string;
	arg: SearchV2Arg;
	offset: number;
}

const CURSOR_PREFIX = 'AAX';
const DEFAULT_OPTIONS: SearchOptions = { max_results: 100, file_status: { '.tag': 'active' }, filename_only: false };

type MatchType = 'filename' | 'file_content' | 'filename_and_content';

interface Match {
	metadata: MetadataJson;
	matchType: MatchType;
	rank: number;
	modified: string;
	name: string;
}

export async function searchV2(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account } = callerView(ctx);
	const arg = ctx.arg as SearchV2Arg;
	if (queryWords(arg.query).length === 0) throw routeError({ '.tag': 'invalid_argument', invalid_argument: 'query is empty' });
	return json(await page(ctx, { account: account.accountId, epoch: store.epoch, arg, offset: 0 }));
}

export async function searchContinueV2(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account } = callerView(ctx);
	const cursor = decodeCursor<SearchCursor>(
		CURSOR_PREFIX,
		(ctx.arg as { cursor: string }).cursor,
		(value) => typeof value.account === 'string' && typeof value.epoch === 'string' && Number.isInteger(value.offset) && typeof value.arg?.query === 'string',
	);
	if (!cursor || cursor.account !== account.accountId || cursor.epoch !== store.epoch) {
		throw routeError({ '.tag': 'invalid_argument', invalid_argument: 'invalid or expired cursor' });
	}
	return json(await page(ctx, cursor));
}

async function page(ctx: HandlerContext, cursor: SearchCursor): Promise<Record<string, unknown>> {
	const { store, account, view } = callerView(ctx);
	const options = { ...DEFAULT_OPTIONS, ...cursor.arg.options };
	const deleted = options.file_status['.tag'] === 'deleted';
	if (deleted && (options.file_extensions || options.file_categories)) {
		throw routeError({ '.tag': 'invalid_argument', invalid_argument: 'file_extensions and file_categories are only supported for active file search' });
	}
	let scope: { view: Namespace; top: Located };
	try {
		scope = scopeOf(store, view, options.path ?? '', account);
	} catch (error) {
		throw asRouteError(error, { lookup: 'path' });
	}
	const words = queryWords(cursor.arg.query);
	const matches = deleted ? deletedMatches(scope, words) : await activeMatches(scope, words, options);
	sortMatches(matches, options.order_by?.['.tag'] ?? 'relevance');
	const end = cursor.offset + Math.min(options.max_results, limitsOf(ctx).searchPageSize);
	const highlights = cursor.arg.match_field_options?.include_highlights ?? cursor.arg.include_highlights ?? false;
	const result: Record<string, unknown> = {
		matches: matches.slice(cursor.offset, end).map((match) => render(match, highlights ? highlightSpans(match.name, words) : undefined)),
		has_more: end < matches.length,
	};
	if (end < matches.length) result.cursor = encodeCursor(CURSOR_PREFIX, { ...cursor, offset: end });
	return result;
}

function scopeOf(store: FileStore, view: Namespace, path: string, account: HandlerContext['account']): { view: Namespace; top: Located } {
	const target = store.resolve(view, path, account);
	const top = store.locate(target);
	if (!top) throw new LookupFailure('not_found');
	if (top.node.kind !== 'folder') throw new LookupFailure('not_folder');
	return { view: target.view, top };
}

async function activeMatches(scope: { view: Namespace; top: Located }, words: string[], options: SearchOptions): Promise<Match[]> {
	const extensions = options.file_extensions?.map((ext) => ext.replace(/^\./, '').toLowerCase());
	const categories = options.file_categories?.map((category) => category['.tag']);
	const matches: Match[] = [];
	for (const located of preOrder(scope.top)) {
		const { node } = located;
		if (located === scope.top) continue;
		if (extensions && (node.kind !== 'file' || !extensions.includes(extensionOf(node.name)))) continue;
		if (categories && !categories.includes(categoryOf(node.name, node.kind === 'folder'))) continue;
		const byName = containsAll(node.name, words);
		let byContent = false;
		if (!options.filename_only && node.kind === 'file') {
			const text = await textOf(node.blob, node.size);
			byContent = text !== undefined && containsAll(text, words);
		}
		if (!byName && !byContent) continue;
		matches.push({
			metadata: renderMetadata(scope.view, located),
			matchType: byName && byContent ? 'filename_and_content' : byName ? 'filename' : 'file_content',
			rank: byName ? nameRank(node.name, words) : 3,
			modified: node.kind === 'file' ? node.clientModified : '',
			name: node.name,
		});
	}
	return matches;
}

/** Deleted things under the scope whose names match (content is gone, so names only). */
function deletedMatches(scope: { view: Namespace; top: Located }, words: string[]): Match[] {
	const scopeKey = keyOf(scope.top.names);
	const matches: Match[] = [];
	for (const [key, display] of scope.view.tree.deleted) {
		if (!key.startsWith(scopeKey + '/')) continue;
		const name = display.slice(display.lastIndexOf('/') + 1);
		if (!containsAll(name, words)) continue;
		matches.push({ metadata: renderDeleted(scope.view, display), matchType: 'filename', rank: nameRank(name, words), modified: '', name });
	}
	return matches;
}

/** Relevance: best name matches first, then content matches. By time: newest client_modified first (folders, which have none, last). Ties by path. */
function sortMatches(matches: Match[], order: 'relevance' | 'last_modified_time'): void {
	matches.sort((a, b) => {
		const first = order === 'relevance' ? a.rank - b.rank : b.modified.localeCompare(a.modified);
		return first !== 0 ? first : a.metadata.path_lower.localeCompare(b.metadata.path_lower);
	});
}

function render(match: Match, spans: HighlightSpan[] | undefined): Record<string, unknown> {
	const rendered: Record<string, unknown> = {
		metadata: { '.tag': 'metadata', metadata: match.metadata },
		match_type: { '.tag': match.matchType },
	};
	if (spans) rendered.highlight_spans = spans;
	return rendered;
}
