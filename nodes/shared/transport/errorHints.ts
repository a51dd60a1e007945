/**
 * What a person can do about each Dropbox error, keyed by union tags. A key is a run of consecutive
 * tags (`path/not_found`, or just `not_found`); the most specific key that matches wins.
 */
export interface HintContext {
	path?: string;
	toPath?: string;
	fields: Record<string, unknown>;
	/** How many times the request was sent. */
	attempts?: number;
}

type Hint = (context: HintContext) => string;

const at = (path: string | undefined) => (path ? ` at "${path}"` : '');

/** " after 5 attempts" when the request was sent more than once, else nothing. */
const afterAttempts = (attempts: number | undefined) => (attempts && attempts > 1 ? ` after ${attempts} attempts` : '');

const RECONNECT =
	'Reconnect the credential (OAuth2: "Reconnect" in the credential; App Key: paste a new refresh token obtained as the credential explains).';

export const ERROR_HINTS: Record<string, Hint> = {
	'path/not_found': ({ path }) =>
		`No file or folder${at(path)}. Check the spelling (paths start with "/", are case-insensitive, and are relative to the chosen Space) or pick the item from the list.`,
	'from_lookup/not_found': ({ path }) =>
		`No file or folder${at(path)} to copy or move. Check the source path or pick it from the list.`,
	not_found: ({ path }) =>
		`Dropbox found nothing${at(path)}. Check the path or ID, and that it belongs to the chosen Space.`,
	'path/conflict': ({ path }) =>
		`Something already exists${at(path)}. Choose another name, remove the existing item, or turn on the operation's rename / overwrite option.`,
	'to/conflict': ({ toPath }) =>
		`The destination${at(toPath)} already exists. Choose another destination name, or turn on the operation's rename option.`,
	conflict: ({ path }) =>
		`Something already exists${at(path)}. Choose another name or turn on the operation's rename / overwrite option.`,
	insufficient_space: () =>
		'The Dropbox account is full. Free some space (or empty the deleted files) or upgrade the plan, then run again; retrying will not help.',
	too_many_write_operations: ({ attempts }) =>
		`Dropbox is busy with other writes to the same folder tree and refused this one${afterAttempts(attempts)}. Run again later, or write fewer files in parallel (lower the batch size).`,
	too_many_requests: ({ attempts }) =>
		`Dropbox rate-limited this account and refused the request${afterAttempts(attempts)}. Lower the number of items per run or add a Wait node, then run again.`,
	expired_access_token: () => `The access token expired and could not be renewed. ${RECONNECT}`,
	invalid_access_token: () =>
		`Dropbox no longer accepts this credential's token: it was revoked or the app was disconnected from the account. ${RECONNECT}`,
	invalid_grant: () =>
		`Dropbox refused the refresh token: it was revoked, the app was disconnected, or it belongs to another app. ${RECONNECT}`,
	token_refused: () => `Dropbox refused to renew the access token. ${RECONNECT}`,
	token_endpoint_error: () =>
		'Dropbox could not issue an access token. Check the app key, app secret and refresh token; if they are right, try again later.',
	invalid_client: () =>
		'Dropbox refused the app key or app secret. Copy both again from the app\'s Settings tab in the Dropbox App Console.',
	missing_scope: ({ fields }) => {
		const scope = typeof fields.required_scope === 'string' ? `"${fields.required_scope}"` : 'a permission';
		return `The Dropbox app lacks ${scope}. Tick it on the Permissions tab of the app in the Dropbox App Console, add it to the credential's scopes if it is missing there, then reconnect the credential so that the token carries it.`;
	},
	malformed_path: ({ path }) =>
		`${path ? `"${path}"` : 'The path'} is not a valid Dropbox path. A path starts with "/" (or is an ID such as "id:abc…"), has no trailing "/", and no name is "." or "..".`,
	restricted_content: ({ path }) =>
		`Dropbox restricts the content${at(path)} (for example after a copyright claim) and refuses this operation on it.`,
	disallowed_name: ({ path }) =>
		`Dropbox does not allow this name${at(path)} (for example a name ending in a space or a period, or a reserved name). Rename it.`,
	not_file: ({ path }) => `The item${at(path)} is a folder, and this operation needs a file.`,
	not_folder: ({ path }) => `The item${at(path)} is a file, and this operation needs a folder.`,
	unsupported_file: ({ path }) =>
		`The file${at(path)} is a cloud document (such as a Google Doc or a Dropbox Paper doc) that Dropbox does not hand over as a file. Open it in Dropbox and save or export a copy in a regular format, then use that copy.`,
	// download_zip's limits. The tags are shared: `too_large` also ends an upload past 2 TiB, `too_many_files` a copy,
	// move or delete of more than 10,000 entries; each hint stays true for those.
	too_large: ({ path }) =>
		`Too large for Dropbox${at(path)}. A folder downloaded as a ZIP must be under 20 GB with every file in it under 4 GB: download its subfolders one at a time, or its big files one by one with File → Download. An uploaded file may be at most 2 TiB.`,
	too_many_files: ({ path }) =>
		`Too many files and folders${at(path)} for one Dropbox request: a ZIP download, copy or move may hold at most 10,000 entries (the top folder included). Work on smaller parts, for example one subfolder at a time.`,
	// Raised by our own checks of a download (nodes/shared/transfer/download.ts), not by Dropbox.
	content_hash_mismatch: ({ path }) =>
		`The bytes received${at(path)} differ from the file Dropbox holds (its content hash does not match), so they were altered on the way; no output was kept. Run again; if it keeps happening, something between n8n and Dropbox (a proxy or a scanning firewall) is changing downloads.`,
	download_inconsistent: ({ path }) =>
		`Dropbox's answers for the download${at(path)} did not fit together (see the reason in the details), so no output was kept. Run again.`,
	no_write_permission: ({ path }) =>
		`The account may not write${at(path)}: it is a read-only shared folder or outside the app's folder.`,
	invalid_root: () =>
		'The chosen Space does not exist for this account, or the account left it. Choose "My Files", or pick the team space / shared folder again.',
	no_permission: () =>
		'The account has no access to the chosen Space (team space or shared folder). Choose another Space or ask the folder owner for access.',
	user_suspended: () => 'The Dropbox account is suspended. Its owner or team admin must reactivate it.',
	email_not_verified: () => 'The Dropbox account has not verified its email address yet; verify it and run again.',
};

/** Why a failed write was sent only once: sending it again could apply it twice. */
function notResent(attempts: number, resendable: boolean): string {
	if (resendable || attempts > 1) return '';
	return ' The request was not re-sent, because it changes data and may have taken effect: check the result in Dropbox before running again.';
}

export const STATUS_HINTS = {
	badRequest: (text: string) =>
		`Dropbox said: "${text}". That is Dropbox's message about a request it could not read; if the message names a parameter, check that parameter.`,
	rateLimit: ERROR_HINTS.too_many_requests,
	server: (attempts: number, resendable: boolean) =>
		`Dropbox had a server problem${afterAttempts(attempts)}.${notResent(attempts, resendable)} Run again later; https://status.dropbox.com shows ongoing incidents.`,
	network: (code: string, attempts: number, resendable: boolean) =>
		`The connection to Dropbox failed (${code})${afterAttempts(attempts)}.${notResent(attempts, resendable)} Check that the n8n server can reach *.dropboxapi.com (network, proxy, firewall).`,
	auth: () => `Dropbox refused the credential. ${RECONNECT}`,
	other: () => 'Dropbox refused the request. The details show its full answer.',
};

/** Candidate keys for a tag chain, most specific first: a/b/c, a/b, a, b/c, b, c. */
export function hintKeys(tags: string[]): string[] {
	const keys: string[] = [];
	for (let start = 0; start < tags.length; start++) {
		for (let end = tags.length; end > start; end--) keys.push(tags.slice(start, end).join('/'));
	}
	return keys;
}

/**
 * The hint for an error's tag chain. An error under `to` (the destination of a copy, move or save) is about
 * the destination path: every hint then names `toPath`, whichever key matched.
 */
export function hintForTags(tags: string[], context: HintContext): string | undefined {
	const about = tags[0] === 'to' ? { ...context, path: context.toPath ?? context.path } : context;
	for (const key of hintKeys(tags)) {
		const hint = ERROR_HINTS[key];
		if (hint) return hint(about);
	}
	return undefined;
}
