/** Dropbox's content hash of a file on disk, read in blocks. */
import * as fs from 'node:fs';

import { ContentHasher } from '../../test/emulator/files/content-hash';

export async function fileContentHash(file: string): Promise<string> {
	const hasher = new ContentHasher();
	for await (const piece of fs.createReadStream(file, { highWaterMark: 4 * 1024 * 1024 })) hasher.update(piece as Buffer);
	return hasher.digest();
}
