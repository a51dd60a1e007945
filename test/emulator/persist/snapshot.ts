/** The whole emulator state as one snapshot, and back: accounts, tokens, files, shared links, folders and file requests, demo credentials. */
import type { AccountCredentials } from '../accounts/credentials';
import type { PlatformState } from '../dispatch/platform';
import { loadFiles, saveFiles } from '../files/persist';
import { loadSharing, saveSharing } from '../sharing/persist';
import type { EmulatorSnapshot } from './state-file';

export function takeSnapshot(state: PlatformState, demo: AccountCredentials): EmulatorSnapshot {
	const files = saveFiles(state.files);
	const sharing = saveSharing(state.files);
	return {
		version: 1,
		demo,
		accounts: state.accounts.snapshot(),
		tokens: state.tokens.snapshot(),
		...(files ? { files } : {}),
		...(sharing ? { sharing } : {}),
	};
}

/** Puts a snapshot back into a fresh state; answers the demo credentials it had. */
export async function restoreSnapshot(state: PlatformState, snapshot: EmulatorSnapshot): Promise<AccountCredentials> {
	state.accounts.restore(snapshot.accounts);
	state.tokens.restore(snapshot.tokens);
	if (snapshot.files !== undefined) await loadFiles(state.files, snapshot.files);
	// Creating an account's space keeps what was restored and makes whatever is missing.
	for (const account of state.accounts.all()) await state.files.createAccountSpace(account);
	if (snapshot.sharing !== undefined) loadSharing(state.files, state.accounts, snapshot.sharing);
	state.demoAccountId = snapshot.demo.account_id;
	return snapshot.demo;
}
