/**
 * What `files/download_zip` puts in its archive, decided before the first byte is sent (Dropbox refuses
 * a folder over its limits with a 409, not with a broken zip): every folder and file under the folder, in
 * a fixed order, named from the folder itself ("math/", "math/Prime_Numbers.txt"), and an ETag that
 * changes whenever any of it does.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FileLimits } from '../contract';
import { MAX_ZIP_FILE_BYTES } from './limits';
import { type FolderNode, type Located, preOrder } from './store/tree';
import type { ZipItem } from './zip/zip-writer';

export type ZipRefusal = 'too_large' | 'too_many_files';

export interface ZipPlan {
	items: ZipItem[];
	/** The stored files the archive reads: held (reference-counted) while it streams. */
	blobs: string[];
	/** Identifies the archive's content: names, and each file's revision. */
	etag: string;
}

export function planFolderZip(top: Located<FolderNode>, limits: FileLimits): ZipPlan | ZipRefusal {
	const items: ZipItem[] = [];
	const blobs: string[] = [];
	const tag = createHash('sha256');
	const base = top.names.length - 1;
	let total = 0;
	let oversized = false;
	// Parents before children, siblings by lower-case name: the same tree always gives the same archive.
	for (const { node, names } of preOrder(top)) {
		// "Fewer than" the limit, the folder itself included; the walk stops as soon as it is reached.
		if (items.length + 1 >= limits.zipEntryLimit) return 'too_many_files';
		const path = names.slice(base).join('/');
		if (node.kind === 'folder') {
			items.push({ kind: 'folder', path: `${path}/` });
			tag.update(`d\0${path}\0`);
			continue;
		}
		total += node.size;
		if (node.size >= MAX_ZIP_FILE_BYTES) oversized = true;
		const blob = node.blob;
		blobs.push(blob);
		items.push({
			kind: 'file',
			path,
			size: node.size,
			modified: new Date(node.clientModified),
			open: () => createReadStream(blob) as AsyncIterable<Buffer>,
		});
		tag.update(`f\0${path}\0${node.rev}\0`);
	}
	if (oversized || total >= limits.zipSizeLimit) return 'too_large';
	return { items, blobs, etag: `zip-${tag.digest('base64url').slice(0, 22)}` };
}
