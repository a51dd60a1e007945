/**
 * Saving and restoring what the file service stores (see store/snapshot.ts), for a restart with the same
 * data directory. Both answer nothing for a FileService that createFileService() did not make.
 */
import type { FileService } from '../contract';
import { fileStoreOf } from './context';
import { type FilesSnapshot, restoreFiles, snapshotFiles } from './store/snapshot';

export type { FilesSnapshot };

export function saveFiles(service: FileService): FilesSnapshot | undefined {
	const store = fileStoreOf(service);
	return store && snapshotFiles(store);
}

/** Fills the (empty) service from a snapshot, then removes blobs on disk that no file holds any more. */
export async function loadFiles(service: FileService, snapshot: FilesSnapshot): Promise<void> {
	const store = fileStoreOf(service);
	if (!store) return;
	await store.blobs.init();
	restoreFiles(store, snapshot);
	await store.blobs.removeUnreferenced();
}
