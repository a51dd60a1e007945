/**
 * How a download works, for every node that hands a Dropbox file to n8n (the action node, the trigger, shared links):
 *
 * 1. One download-style call; its `Dropbox-API-Result` is the item's metadata, its body is handed on unread.
 * 2. The body goes to `prepareBinaryData` as a stream, in blocks of about 1 MiB joined from the connection's pieces:
 *    memory holds a block or two, never the file (what n8n then does with it depends on its binary data mode, see
 *    `downloadToBinary`).
 * 3. While the pieces pass, they are counted and hashed the way Dropbox hashes files (`content_hash`).
 * 4. A connection that drops mid-body is picked up where it stopped: the same revision is asked for again with
 *    `Range: bytes=<received>-`, so a file that changed meanwhile cannot be spliced into the one being received.
 * 5. At the end the byte count and the content hash must match what the first answer announced; if not, the
 *    stream fails with a DropboxApiError naming the path, and n8n keeps no output for the item.
 */
import type { IBinaryData, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	type DropboxApiError,
	type DownloadResult,
	type DownloadRoute,
	type DropboxSession,
	type ErrorContext,
	type Space,
} from '../transport';
import { headerValue, type DropboxFailure } from '../transport/failure';
import { retryDelayMs } from '../transport/retryPolicy';
import { ContentHasher } from './contentHash';

/** What an answer says about the bytes that follow it; each field only when the route reports it. */
export interface ContentFacts {
	rev?: string;
	size?: number;
	contentHash?: string;
}

export interface DownloadRequest<T> {
	route: DownloadRoute;
	arg: unknown;
	space?: Space;
	/** The path as the user gave it: every error names it. */
	errorContext: ErrorContext;
	/**
	 * The argument that asks for exactly the bytes of the first answer again (the same revision), for resuming a
	 * dropped connection with a Range request. Omitted for routes that serve no ranges (`download_zip`): a drop then
	 * fails the item, since the bytes already handed to n8n cannot be taken back.
	 */
	resumeArg?: (result: T) => unknown;
	/** Size, revision and content hash the answer announces; the bytes are checked against them. */
	facts?: (result: T) => ContentFacts;
}

export interface OpenedDownload<T> {
	/** The route's result from the first answer. */
	result: T;
	/**
	 * The file's bytes, resumed across dropped connections and checked at the end; iterating it throws what went
	 * wrong. A Node Readable whenever the response body was one (always, when n8n made the request).
	 */
	body: AsyncIterable<Buffer>;
}

/** Sends the download call and returns its result with the body to stream on (unread: nothing is buffered here). */
export async function openDownload<T>(session: DropboxSession, request: DownloadRequest<T>): Promise<OpenedDownload<T>> {
	const first = await session.download<T>(request.route, {
		arg: request.arg,
		space: request.space,
		errorContext: request.errorContext,
	});
	return { result: first.result, body: asReadable(inBlocks(checkedBytes(session, request, first)), first.body) };
}

/** The size of the blocks handed to n8n (see `inBlocks`). */
const BLOCK_BYTES = 1024 * 1024;

/**
 * Joins the connection's pieces (16 to 64 KiB as TLS delivers them) into blocks of at least `BLOCK_BYTES`. In its
 * filesystem mode n8n writes what it is handed with one `write` per piece, each a trip through Node's thread pool,
 * and every piece passes several stream layers: handed on as they came, a 300 MiB file took 19 000 writes and ran at
 * half the speed (measured in the real n8n, `npm run bench`). One copy per block costs far less. A piece of a whole
 * block or more, with nothing held, passes without a copy.
 */
async function* inBlocks(pieces: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
	let held: Buffer[] = [];
	let heldBytes = 0;
	for await (const piece of pieces) {
		if (heldBytes === 0 && piece.length >= BLOCK_BYTES) {
			yield piece;
			continue;
		}
		held.push(piece);
		heldBytes += piece.length;
		if (heldBytes >= BLOCK_BYTES) {
			const block = Buffer.concat(held, heldBytes);
			held = [];
			heldBytes = 0;
			yield block;
		}
	}
	if (heldBytes > 0) yield Buffer.concat(held, heldBytes);
}

/** The parts of an n8n context a download needs: executions, triggers and pollers all have them. */
export interface BinaryContext {
	getNode(): INode;
	helpers: Pick<IExecuteFunctions['helpers'], 'prepareBinaryData'>;
}

type BinaryInput = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];

/**
 * Streams a download into n8n's binary data. In n8n's `filesystem` mode (its default outside queue mode) the bytes
 * go to disk as they arrive; in the `default` (in-memory), `database` and `s3` modes n8n itself collects the whole
 * file in memory before storing it, whatever the node does, and fails past its own limits: such a failure is
 * reported as that, with the way out, rather than as a Dropbox error.
 */
export async function downloadToBinary<T>(
	ctx: BinaryContext,
	session: DropboxSession,
	request: DownloadRequest<T>,
	naming: (result: T) => { fileName: string; mimeType?: string },
): Promise<{ result: T; binary: IBinaryData }> {
	const download = await openDownload(session, request);
	const { fileName, mimeType } = naming(download.result);
	try {
		// n8n's own parameter type is `Buffer | Readable`; the body is a Readable whenever n8n made the request.
		const binary = await ctx.helpers.prepareBinaryData(download.body as BinaryInput, fileName, mimeType ?? defaultMimeType(fileName));
		return { result: download.result, binary };
	} catch (error) {
		throw storeFailure(ctx.getNode(), error, fileName);
	}
}

/** Our own errors (a corrupt or cut download) pass unchanged; anything else is n8n failing to store the file. */
function storeFailure(node: INode, error: unknown, fileName: string): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	const reason = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, error instanceof Error ? error : reason, {
		message: `n8n could not store the downloaded file "${fileName}"`,
		description:
			`${reason}. n8n's "filesystem" binary data mode streams files of any size to disk; its "default" (in-memory) ` +
			'mode holds a whole file in memory, and its "database" mode does too, up to N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE ' +
			'(512 MiB unless raised). For large files, set N8N_DEFAULT_BINARY_DATA_MODE=filesystem.',
	});
}

/**
 * When n8n could only guess from the file name, it falls back to text/plain; a name without an extension gives it
 * nothing to guess from, and calling such a file text would be wrong: say "some bytes" instead. Names with an
 * extension are left to n8n's own MIME table (which a community node cannot import).
 */
function defaultMimeType(fileName: string): string | undefined {
	const dot = fileName.lastIndexOf('.');
	return dot <= 0 || dot === fileName.length - 1 ? 'application/octet-stream' : undefined;
}

/** `files/download` arguments: the file, or one of its revisions. */
export interface FileDownload {
	path: string;
	/** A specific revision; the current one when omitted. */
	rev?: string;
	space?: Space;
}

interface FileMetadata {
	name: string;
	rev?: string;
	size?: number;
	content_hash?: string;
}

/** One file into n8n's binary data: its metadata as the result, the binary named as the file. */
export async function downloadFile<T extends FileMetadata>(
	ctx: BinaryContext,
	session: DropboxSession,
	file: FileDownload,
): Promise<{ result: T; binary: IBinaryData }> {
	return await downloadToBinary<T>(
		ctx,
		session,
		{
			route: 'files/download',
			// `rev` is deprecated in favour of a `rev:` path, but with the path next to it Dropbox also checks that the
			// revision belongs to the file the user chose: `rev:` alone would fetch any file's revision.
			arg: file.rev ? { path: file.path, rev: file.rev } : { path: file.path },
			space: file.space,
			errorContext: { path: file.path },
			resumeArg: fileResumeArg(file.path),
			facts: (metadata) => ({ rev: metadata.rev, size: metadata.size, contentHash: metadata.content_hash }),
		},
		(metadata) => ({ fileName: metadata.name }),
	);
}

/** The revision the first answer delivered, by `rev:` path: whatever happens to the file meanwhile, these bytes stay. */
export function fileResumeArg(path: string): (metadata: { rev?: string }) => unknown {
	return (metadata) => (metadata.rev ? { path: `rev:${metadata.rev}` } : { path });
}

interface FolderMetadata {
	name: string;
}

/** A folder as one ZIP file (`files/download_zip`); Dropbox builds the ZIP as it sends it. */
export async function downloadFolderZip<T extends FolderMetadata>(
	ctx: BinaryContext,
	session: DropboxSession,
	folder: { path: string; space?: Space },
): Promise<{ result: T; binary: IBinaryData }> {
	const { result, binary } = await downloadToBinary<{ metadata: T }>(
		ctx,
		session,
		{ route: 'files/download_zip', arg: { path: folder.path }, space: folder.space, errorContext: { path: folder.path } },
		({ metadata }) => ({ fileName: `${metadata.name || 'Dropbox'}.zip`, mimeType: 'application/zip' }),
	);
	return { result: result.metadata, binary };
}

/**
 * The body's pieces, passed on as they come (no copies here), counted and hashed; a dropped connection is resumed with a
 * Range request for the rest, and the total is checked against the first answer at the end.
 */
async function* checkedBytes<T>(
	session: DropboxSession,
	request: DownloadRequest<T>,
	first: DownloadResult<T>,
): AsyncGenerator<Buffer> {
	const expected = request.facts?.(first.result) ?? {};
	const context = request.errorContext;
	const hasher = new ContentHasher();
	let body = first.body;
	/** Bytes at the front of `body` already received (a server that ignored Range sent the file from its start). */
	let skip = 0;
	/** Drops since bytes last arrived: a connection that keeps failing without progress ends the download. */
	let dropsInARow = 0;
	for (;;) {
		const receivedBefore = hasher.bytes;
		const outcome: BodyOutcome = { dropped: false };
		for await (const piece of untilDropped(body, outcome)) {
			let chunk = piece;
			if (skip > 0) {
				const skipped = Math.min(skip, chunk.length);
				skip -= skipped;
				chunk = chunk.subarray(skipped);
				if (chunk.length === 0) continue;
			}
			if (expected.size !== undefined && hasher.bytes + chunk.length > expected.size) {
				throw inconsistent(session, context, `more than the ${expected.size} bytes announced arrived`);
			}
			hasher.update(chunk);
			yield chunk;
		}
		const complete = expected.size === undefined ? !outcome.dropped : hasher.bytes === expected.size;
		if (complete) break;
		// The execution was cancelled: that, not the dropped connection, is what to report.
		session.throwIfCancelled(context);
		const failure = dropFailure(outcome.error);
		if (!request.resumeArg) throw unresumable(session, context, failure, hasher.bytes);
		dropsInARow = hasher.bytes > receivedBefore ? 1 : dropsInARow + 1;
		const delay = retryDelayMs(session.retryPolicy, failure, dropsInARow, true);
		if (delay === undefined) throw session.failed(failure, { ...context, attempts: dropsInARow });
		await session.wait(delay, context);
		const resumed = await session.download<T>(request.route, {
			arg: request.resumeArg(first.result),
			space: request.space,
			range: { start: hasher.bytes },
			errorContext: context,
		});
		const resumedRev = request.facts?.(resumed.result).rev;
		if (expected.rev !== undefined && resumedRev !== undefined && resumedRev !== expected.rev) {
			closeUnread(resumed.body);
			throw inconsistent(session, context, `the resumed download is revision ${resumedRev}, not ${expected.rev}`);
		}
		const rangeStart = contentRangeStart(resumed.headers);
		if (rangeStart === undefined) {
			skip = hasher.bytes;
		} else if (rangeStart !== hasher.bytes) {
			closeUnread(resumed.body);
			throw inconsistent(session, context, `the resumed download starts at byte ${rangeStart}, not ${hasher.bytes}`);
		}
		body = resumed.body;
	}
	if (expected.contentHash !== undefined) {
		const actual = hasher.digest();
		if (actual !== expected.contentHash) throw hashMismatch(session, context, expected.contentHash, actual, hasher.bytes);
	}
}

interface BodyOutcome {
	dropped: boolean;
	error?: unknown;
}

/**
 * The body's pieces until it ends or fails; a failure ends the iteration quietly and is kept in `outcome`, so that
 * only the body's own failures count as a dropped connection (not what n8n throws in while we wait at a `yield`).
 * However the iteration ends, the body is released: a consumer that stops early closes the connection.
 */
async function* untilDropped(body: AsyncIterable<Buffer>, outcome: BodyOutcome): AsyncGenerator<Buffer> {
	const pieces = body[Symbol.asyncIterator]();
	try {
		for (;;) {
			let next: IteratorResult<Buffer>;
			try {
				next = await pieces.next();
			} catch (error) {
				outcome.dropped = true;
				outcome.error = error;
				return;
			}
			if (next.done) return;
			yield next.value;
		}
	} finally {
		await pieces.return?.();
	}
}

/**
 * prepareBinaryData accepts a Buffer or a Node Readable. In n8n's filesystem mode any async iterable would do (it
 * ends in `fs.writeFile`), but the in-memory, database and S3 modes read the stream through its events
 * (`on('data')`, `once('end')`, `destroy()`), which a plain async generator lacks. A community node may not import
 * `stream`, so the Readable class is taken from the response body n8n handed us, which is a Node stream (an
 * IncomingMessage, or a decompressing Transform): its `Readable.from` wraps the checked bytes with the usual pull
 * semantics (one block buffered ahead, read only as fast as n8n writes; destroying it stops the generator, which
 * closes the connection). A body that is no Node stream (a test double) is handed on as the async iterable it is.
 */
function asReadable(bytes: AsyncGenerator<Buffer>, template: unknown): AsyncIterable<Buffer> {
	const readable = readableClassOf(template);
	return readable ? readable.from(bytes) : bytes;
}

interface ReadableClass {
	from(iterable: AsyncIterable<Buffer>): AsyncIterable<Buffer>;
}

function readableClassOf(value: unknown): ReadableClass | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	// `Readable` itself, not a subclass: Duplex (a Transform's parent) has a `from` of its own that makes duplexes.
	for (let proto: object | null = Object.getPrototypeOf(value); proto; proto = Object.getPrototypeOf(proto)) {
		const candidate: unknown = (proto as { constructor?: unknown }).constructor;
		if (typeof candidate !== 'function') continue;
		const { name, from } = candidate as { name?: unknown; from?: unknown };
		if (name === 'Readable' && typeof from === 'function') return candidate as unknown as ReadableClass;
	}
	return undefined;
}

/** The start of a 206 answer's `Content-Range: bytes <start>-<end>/<size>`; undefined for a whole-file answer. */
function contentRangeStart(headers: Record<string, unknown>): number | undefined {
	const match = /^bytes\s+(\d+)-\d+\/(?:\d+|\*)$/i.exec(headerValue(headers, 'content-range')?.trim() ?? '');
	return match ? Number(match[1]) : undefined;
}

/** An answer not read: its connection is closed rather than left waiting for a reader. */
function closeUnread(body: AsyncIterable<Buffer>): void {
	const destroy = (body as { destroy?: unknown }).destroy;
	if (typeof destroy === 'function') destroy.call(body);
}

/** A body that failed (or ended early) after its answer arrived: the connection dropped. */
function dropFailure(error: unknown): DropboxFailure {
	const code = (error as { code?: unknown } | undefined)?.code;
	const message = error instanceof Error ? error.message : 'the response ended before the whole file arrived';
	return {
		tags: [],
		fields: {},
		// Whatever Node called it, a body that stops mid-way is a dropped connection.
		networkCode: typeof code === 'string' && code !== 'ERR_CANCELED' ? code : 'ECONNRESET',
		body: message,
	};
}

function unresumable(session: DropboxSession, context: ErrorContext, failure: DropboxFailure, received: number): DropboxApiError {
	const error = session.failed(failure, context);
	error.description =
		`The connection to Dropbox dropped after ${received} bytes${context.path ? ` of "${context.path}"` : ''}. ` +
		'Dropbox builds this download as it sends it and cannot resume it; nothing was kept. Run again.';
	return error;
}

function hashMismatch(
	session: DropboxSession,
	context: ErrorContext,
	expected: string,
	actual: string,
	bytes: number,
): DropboxApiError {
	const fields = { expected_content_hash: expected, received_content_hash: actual, received_bytes: bytes };
	const error = session.failed(
		{ tags: ['content_hash_mismatch'], fields, summary: 'content_hash_mismatch', body: { error_summary: 'content_hash_mismatch', ...fields } },
		context,
	);
	error.message = `The download${context.path ? ` of "${context.path}"` : ''} is corrupt: its bytes do not match Dropbox's content hash`;
	return error;
}

function inconsistent(session: DropboxSession, context: ErrorContext, what: string): DropboxApiError {
	const error = session.failed(
		{ tags: ['download_inconsistent'], fields: { reason: what }, summary: 'download_inconsistent', body: { error_summary: 'download_inconsistent', reason: what } },
		context,
	);
	error.message = `The download${context.path ? ` of "${context.path}"` : ''} failed: ${what}`;
	return error;
}
