/** The file_requests routes: create, get, update, list (v1, v2, continue), count, delete, delete_all_closed. */
import type { Account, HandlerContext, HandlerResult } from '../contract';
import { accountOf, storeOf } from '../files/context';
import { json, routeError } from '../files/errors';
import { decodeCursor, encodeCursor } from '../paging/opaque-cursor';
import { hasPaidSharing } from '../sharing/plans';
import { destinationFolder, invalid } from './destination';
import { isOpen } from './life-cycle';
import { type FileRequestRecord, type GracePeriod, fileRequests } from './request-store';
import { renderRequest } from './render';

interface DeadlineArg {
	deadline: string;
	allow_late_uploads?: { '.tag': GracePeriod };
}

interface CreateArgs {
	title: string;
	destination: string;
	deadline?: DeadlineArg;
	open: boolean;
	description?: string;
}

interface UpdateArgs {
	id: string;
	title?: string;
	destination?: string;
	deadline: { '.tag': 'no_update' } | ({ '.tag': 'update' } & Partial<DeadlineArg>);
	open?: boolean;
	description?: string;
}

const CURSOR_PREFIX = 'AAR';

export async function createFileRequest(ctx: HandlerContext): Promise<HandlerResult> {
	const account = accountOf(ctx);
	const arg = ctx.arg as CreateArgs;
	const title = checkedTitle(arg.title);
	const deadline = arg.deadline && checkedDeadline(account, arg.deadline);
	const destination = destinationFolder(ctx, arg.destination, 'invalid_location');
	const request = fileRequests.ofContext(ctx).add({
		owner: account.accountId,
		title,
		...destination,
		created: new Date(),
		...deadline,
		open: arg.open,
		...(arg.description !== undefined ? { description: arg.description } : {}),
	});
	return json(renderRequest(storeOf(ctx), request));
}

export async function getFileRequest(ctx: HandlerContext): Promise<HandlerResult> {
	return json(renderRequest(storeOf(ctx), ownRequest(ctx, (ctx.arg as { id: string }).id)));
}

export async function updateFileRequest(ctx: HandlerContext): Promise<HandlerResult> {
	const arg = ctx.arg as UpdateArgs;
	const request = ownRequest(ctx, arg.id);
	const changes: Partial<FileRequestRecord> = {};
	if (arg.title !== undefined) changes.title = checkedTitle(arg.title);
	if (arg.deadline['.tag'] === 'update') {
		const { deadline, allow_late_uploads } = arg.deadline;
		Object.assign(changes, deadline === undefined ? { deadline: undefined, allowLateUploads: undefined } : checkedDeadline(accountOf(ctx), { deadline, allow_late_uploads }));
	}
	if (arg.destination !== undefined) Object.assign(changes, destinationFolder(ctx, arg.destination, 'validation_error'));
	if (arg.open !== undefined) changes.open = arg.open;
	if (arg.description !== undefined) changes.description = arg.description;
	// Applied only once every change is known to be valid: a refused update changes nothing.
	Object.assign(request, changes);
	return json(renderRequest(storeOf(ctx), request));
}

export async function countFileRequests(ctx: HandlerContext): Promise<HandlerResult> {
	return json({ file_request_count: fileRequests.ofContext(ctx).ofOwner(accountOf(ctx).accountId).length });
}

export async function listFileRequestsV1(ctx: HandlerContext): Promise<HandlerResult> {
	const store = storeOf(ctx);
	return json({ file_requests: ownedInOrder(ctx).map((request) => renderRequest(store, request)) });
}

interface ListCursor {
	account: string;
	/** Id of the last request given: the next page starts after it, whatever was deleted meanwhile. */
	after: string | null;
	limit: number;
}

export async function listFileRequestsV2(ctx: HandlerContext): Promise<HandlerResult> {
	const { limit } = ctx.arg as { limit: number };
	return json(listPage(ctx, { account: accountOf(ctx).accountId, after: null, limit }));
}

export async function listFileRequestsContinue(ctx: HandlerContext): Promise<HandlerResult> {
	const cursor = decodeCursor<ListCursor>(
		CURSOR_PREFIX,
		(ctx.arg as { cursor: string }).cursor,
		(value) => typeof value.account === 'string' && Number.isInteger(value.limit) && value.limit! > 0,
	);
	if (!cursor || cursor.account !== accountOf(ctx).accountId) throw routeError({ '.tag': 'invalid_cursor' });
	return json(listPage(ctx, cursor));
}

function listPage(ctx: HandlerContext, cursor: ListCursor): Record<string, unknown> {
	const store = storeOf(ctx);
	const all = ownedInOrder(ctx);
	const start = cursor.after === null ? 0 : all.findIndex((request) => request.id === cursor.after) + 1;
	const page = all.slice(start, start + cursor.limit);
	const hasMore = start + cursor.limit < all.length;
	const after = page.length > 0 ? page[page.length - 1].id : cursor.after;
	return {
		file_requests: page.map((request) => renderRequest(store, request)),
		cursor: encodeCursor(CURSOR_PREFIX, { ...cursor, after }),
		has_more: hasMore,
	};
}

export async function deleteFileRequests(ctx: HandlerContext): Promise<HandlerResult> {
	const { ids } = ctx.arg as { ids: string[] };
	const requests = ids.map((id) => ownRequest(ctx, id));
	if (requests.some((request) => isOpen(request))) throw routeError({ '.tag': 'file_request_open' });
	return json({ file_requests: removeAll(ctx, requests) });
}

export async function deleteAllClosedFileRequests(ctx: HandlerContext): Promise<HandlerResult> {
	return json({ file_requests: removeAll(ctx, ownedInOrder(ctx).filter((request) => !isOpen(request))) });
}

function removeAll(ctx: HandlerContext, requests: FileRequestRecord[]): Array<Record<string, unknown>> {
	const store = storeOf(ctx);
	const table = fileRequests.of(store);
	return requests.map((request) => {
		const rendered = renderRequest(store, request);
		table.remove(request);
		return rendered;
	});
}

/** The caller's requests, newest first (Dropbox lists the latest requests first). */
function ownedInOrder(ctx: HandlerContext): FileRequestRecord[] {
	return fileRequests
		.ofContext(ctx)
		.ofOwner(accountOf(ctx).accountId)
		.reverse();
}

function ownRequest(ctx: HandlerContext, id: string): FileRequestRecord {
	const request = fileRequests.ofContext(ctx).get(accountOf(ctx).accountId, id);
	if (!request) throw routeError({ '.tag': 'not_found' });
	return request;
}

function checkedTitle(title: string): string {
	if (title.trim() === '') throw routeError(invalid('the title must not be blank'));
	return title;
}

function checkedDeadline(account: Account, arg: DeadlineArg): Pick<FileRequestRecord, 'deadline' | 'allowLateUploads'> {
	if (!hasPaidSharing(account)) throw routeError(invalid('deadlines can only be set by Professional and Business accounts'));
	const deadline = Date.parse(arg.deadline);
	if (Number.isNaN(deadline) || deadline <= Date.now()) throw routeError(invalid('the deadline must be in the future'));
	return { deadline, allowLateUploads: arg.allow_late_uploads?.['.tag'] };
}
