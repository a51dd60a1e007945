/** The FileService the platform uses: account spaces, demo and admin seeding, stats, quota, resets. */
import { ApiError, type Account, type FileService } from '../contract';
import { summaryTags } from '../dispatch/error-summary';
import { registerStore } from './context';
import { LookupFailure, WriteRejected } from './errors';
import { DEMO_FILES, deterministicBytes } from './demo-files';
import { single } from './store/blobs';
import { type BaseState, FileStore } from './store/file-store';
import { commitFile } from './store/write-file';

export function createFileService(state: BaseState): FileService {
	const store = new FileStore(state);
	// Every waiting long-poll listens for changes: there may be many more than Node's default of 10.
	state.changes.setMaxListeners(0);
	const ready = store.blobs.init();

	const seed = async (account: Account, path: string, content: Buffer | { size: number }): Promise<void> => {
		await ready;
		try {
			const target = store.resolve(store.home(account), path, account);
			const source = Buffer.isBuffer(content) ? single(content) : deterministicBytes(content.size);
			const blob = await store.blobs.writeStream(source);
			commitFile(store, target, blob, { mode: { kind: 'overwrite' }, autorename: false, strictConflict: false, ignoreQuota: true });
		} catch (error) {
			// The caller's mistake (a bad path, a folder in the way), not the emulator's: say so with a 4xx.
			if (error instanceof LookupFailure) throw new ApiError(400, null, { text: `${error.tag}: ${path}` });
			if (error instanceof WriteRejected) throw new ApiError(409, error.failure, { text: `cannot write ${path}: ${summaryTags(error.failure)}` });
			throw error;
		}
	};

	const service: FileService = {
		async createAccountSpace(account) {
			await ready;
			store.namespaces.ensureAccount(account);
		},
		async seedDemoFiles(account) {
			for (const file of DEMO_FILES) await seed(account, file.path, file.content);
		},
		seedFile: seed,
		async statFile(account, path) {
			try {
				const found = store.locate(store.resolve(store.home(account), path, account));
				if (!found || found.node.kind !== 'file') return undefined;
				const { size, contentHash, rev, id } = found.node;
				return { size, content_hash: contentHash, rev, id };
			} catch {
				return undefined;
			}
		},
		usedBytes(account) {
			return store.home(account).tree.usedBytes;
		},
		resetCursors(account) {
			store.resetCursors(account);
			// Long-polls holding the old cursors wake up and learn of the reset on their next call.
			const home = store.home(account);
			store.emitChange(home.tree);
		},
		async clear() {
			await ready;
			await store.clear();
		},
	};
	registerStore(service, store);
	return service;
}
