/**
 * `<data dir>/emulator-state.json`: the emulator's accounts, tokens and stored tree, written after every
 * change so that a restart with the same `--data-dir` finds them again (file contents are already on disk
 * as blobs). Written to a temporary file first, then renamed, so that a crash never leaves half a file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AccountsSnapshot } from '../accounts/account-store';
import type { AccountCredentials } from '../accounts/credentials';
import type { TokensSnapshot } from '../accounts/token-store';
import type { FilesSnapshot } from '../files/persist';
import type { SharingSnapshot } from '../sharing/persist';

export const STATE_FILE_NAME = 'emulator-state.json';
const FORMAT_VERSION = 1;

export interface EmulatorSnapshot {
	version: typeof FORMAT_VERSION;
	/** The demo line printed at start-up: it stays the same across restarts and admin resets. */
	demo: AccountCredentials;
	accounts: AccountsSnapshot;
	tokens: TokensSnapshot;
	/** Absent when the emulator runs with a file service of a test's own. */
	files?: FilesSnapshot;
	/** Shared links, shared folders and file requests; absent in state files written before they were kept. */
	sharing?: SharingSnapshot;
}

export class StateFile {
	readonly path: string;
	private lastWritten: string | undefined;

	constructor(dataDir: string) {
		this.path = path.join(dataDir, STATE_FILE_NAME);
	}

	/** The saved state, or undefined on a first start. A file that cannot be read stops the start-up. */
	read(): EmulatorSnapshot | undefined {
		let text: string;
		try {
			text = fs.readFileSync(this.path, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
			throw error;
		}
		let snapshot: Partial<EmulatorSnapshot>;
		try {
			snapshot = JSON.parse(text) as Partial<EmulatorSnapshot>;
		} catch {
			throw new Error(`${this.path} is not JSON; remove it to start with a fresh state`);
		}
		if (snapshot.version !== FORMAT_VERSION) {
			throw new Error(`${this.path} has format ${String(snapshot.version)}, not ${FORMAT_VERSION}; remove it to start with a fresh state`);
		}
		return snapshot as EmulatorSnapshot;
	}

	/** Writes the snapshot unless the file already holds exactly it (most requests change nothing). */
	write(snapshot: EmulatorSnapshot): void {
		const text = JSON.stringify(snapshot);
		if (text === this.lastWritten) return;
		const temporary = `${this.path}.${process.pid}.tmp`;
		fs.writeFileSync(temporary, text);
		fs.renameSync(temporary, this.path);
		this.lastWritten = text;
	}
}
