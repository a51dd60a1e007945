/**
 * A small in-memory FileService for tests of the platform alone (accounts, auth, OAuth, admin,
 * dispatch), independent of the real file store.
 */
import { createHash } from 'node:crypto';
import type { Account, FileService } from '../emulator/contract';

export interface FakeFileService extends FileService {
	files: Map<string, Buffer>;
	cursorResets: string[];
	spaces: string[];
}

const key = (account: Account, path: string): string => `${account.accountId}:${path.toLowerCase()}`;

export function createFakeFileService(): FakeFileService {
	const files = new Map<string, Buffer>();
	const cursorResets: string[] = [];
	const spaces: string[] = [];
	return {
		files,
		cursorResets,
		spaces,
		async createAccountSpace(account) {
			spaces.push(account.accountId);
		},
		async seedDemoFiles(account) {
			files.set(key(account, '/Getting Started.txt'), Buffer.from('Welcome to the emulator.\n'));
		},
		async seedFile(account, path, content) {
			files.set(key(account, path), Buffer.isBuffer(content) ? content : Buffer.alloc(content.size, 7));
		},
		async statFile(account, path) {
			const data = files.get(key(account, path));
			if (!data) return undefined;
			const hash = createHash('sha256').update(data).digest('hex');
			return { size: data.length, content_hash: hash, rev: '015f00000001', id: `id:${hash.slice(0, 22)}` };
		},
		usedBytes(account) {
			let used = 0;
			for (const [name, data] of files) if (name.startsWith(`${account.accountId}:`)) used += data.length;
			return used;
		},
		resetCursors(account) {
			cursorResets.push(account.accountId);
		},
		async clear() {
			files.clear();
			spaces.length = 0;
		},
	};
}
