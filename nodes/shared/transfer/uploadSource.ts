import { BINARY_ENCODING, NodeOperationError, type IBinaryData, type IExecuteFunctions } from 'n8n-workflow';

/**
 * The bytes of one file to upload, readable from the start as often as needed: an upload session that
 * Dropbox lost (expired, closed) starts over, and "skip if unchanged" reads once to hash, once to send.
 */
export interface UploadSource {
	/** The file's size, when known before reading. */
	size?: number;
	/** The binary's own file name, for destinations that name a folder. */
	fileName?: string;
	/** A fresh read from the first byte; pieces of any size. */
	open(): Promise<AsyncIterable<Uint8Array> | Iterable<Uint8Array>>;
}

/** Bytes n8n already holds in memory (text typed into the node, or a binary in n8n's in-memory mode). */
export function sourceFromBuffer(bytes: Buffer, fileName?: string): UploadSource {
	return {
		size: bytes.length,
		fileName,
		async open() {
			return [bytes];
		},
	};
}

/**
 * An item's binary property. With an id (filesystem, database, s3 modes) it is streamed from n8n's store
 * (`readBytes`: the chunk size); without one, n8n holds it in the item as base64 already, and only that is decoded.
 */
export async function sourceFromBinary(
	ctx: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	readBytes: number,
): Promise<UploadSource> {
	const binary = ctx.getInputData()[itemIndex]?.binary?.[propertyName] as IBinaryData | undefined;
	if (!binary) {
		const present = Object.keys(ctx.getInputData()[itemIndex]?.binary ?? {});
		throw new NodeOperationError(ctx.getNode(), `The item has no binary field "${propertyName}"`, {
			description: present.length
				? `Its binary fields are: ${present.map((name) => `"${name}"`).join(', ')}. Set "Input Binary Field" to one of them.`
				: 'The item carries no file. Connect a node that outputs one (Read/Write Files from Disk, HTTP Request, …), or choose "Text" as the input type.',
		});
	}
	const binaryId = binary.id;
	if (!binaryId) return sourceFromBuffer(Buffer.from(binary.data, BINARY_ENCODING), binary.fileName);
	const size = await ctx.helpers.getBinaryMetadata(binaryId).then(
		(metadata) => metadata.fileSize,
		() => (typeof binary.bytes === 'number' ? binary.bytes : undefined),
	);
	return {
		size,
		fileName: binary.fileName,
		async open() {
			return (await ctx.helpers.getBinaryStream(binaryId, readPieceBytes(size, readBytes))) as AsyncIterable<Uint8Array>;
		},
	};
}

/** Pieces a file larger than one request is read in, joined into chunks as they come. */
const SESSION_READ_PIECE_BYTES = 4 * 1024 * 1024;

/**
 * n8n's filesystem mode reads with a buffer of the size asked for, whatever the file's, and reads one piece ahead.
 * A file up to one request is read whole (a 10 KiB file read in 48 MiB pieces allocated 96 MiB, which for a folder
 * of small files made the upload spend its time allocating and collecting memory). A larger one is read in 4 MiB
 * pieces: n8n's read-ahead then holds 4 MiB instead of a whole chunk beside the chunk being filled and the one on
 * the wire.
 */
function readPieceBytes(size: number | undefined, chunkBytes: number): number {
	if (size === undefined || size === 0) return chunkBytes;
	return size <= chunkBytes ? size : Math.min(SESSION_READ_PIECE_BYTES, chunkBytes);
}
