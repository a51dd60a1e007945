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
		`The file${at(path)} is a cloud document (such as a Google Doc or a Dropbox Paper doc) that Dropbox does not hand over as a file. Use File → Export to get it in a regular format (Markdown, HTML, DOCX, PDF…).`,
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
	// Revisions (files/list_revisions, files/restore).
	invalid_revision: ({ path }) =>
		`That revision cannot be restored${at(path)}: it is not one the file has kept, or it is a deletion. List the file's revisions with File → List Revisions and use one of their "rev" values.`,
	invalid_before_rev: ({ path }) =>
		`The revision to list before is not one of the file's revisions${at(path)}. List the revisions again from the newest.`,
	// Temporary links.
	not_allowed: ({ path }) =>
		`Dropbox does not allow a link to the file${at(path)}: it is restricted, or the account may not create links (for example after a copyright claim or a ban on its links).`,
	// Thumbnails.
	unsupported_extension: ({ path }) =>
		`Dropbox makes no thumbnails of the file${at(path)}: only of images ending in jpg, jpeg, png, tiff, tif, gif, webp, ppm or bmp. Filter the items (for example with an If node on the file name) before asking for thumbnails.`,
	unsupported_image: ({ path }) =>
		`Dropbox could not make a thumbnail of the image${at(path)}: the file is damaged, not the image its name says, or a photo over 20 MB.`,
	conversion_error: ({ path }) =>
		`Dropbox failed to convert the image${at(path)} into a thumbnail. Try another format or size; if it keeps failing, the image cannot be converted.`,
	encrypted_content: ({ path }) => `The file${at(path)} is encrypted, and Dropbox makes no thumbnails of encrypted files.`,
	// Save URL.
	download_failed: ({ path }) =>
		`Dropbox could not download the URL${path ? ` into "${path}"` : ''}: the address did not answer with a file (unreachable, an error page, a login or password needed, or a disabled link). Check that the URL opens in a private browser window without signing in.`,
	invalid_url: () =>
		'Dropbox did not accept the URL. Give a full web address starting with https:// or http://, such as https://example.com/report.pdf.',
	// Export.
	non_exportable: ({ path }) =>
		`The file${at(path)} is a regular file, not a cloud document to export. Use File → Download instead.`,
	invalid_export_format: ({ path }) =>
		`The file${at(path)} does not offer that export format. Leave "Export Format" empty for its default, or use one of its "export_info.export_options" (File → Get shows them).`,
	retry_error: ({ path }) =>
		`Dropbox is still preparing the export of the file${at(path)}. Run again in a moment.`,
	// Copy references.
	invalid_copy_reference: () =>
		'Dropbox does not recognise the copy reference. Map the "copy_reference" field from Get Copy Reference unchanged; a reference works only with the same Dropbox app that made it.',
	// Search.
	invalid_argument: ({ fields }) =>
		`Dropbox refused the search${typeof fields.invalid_argument === 'string' ? ` (${fields.invalid_argument})` : ''}: the query is empty, extensions or categories were combined with Include Deleted (Dropbox filters only current files), or a continuation was too old. Check the query and options, then run again.`,
	// Shared links.
	'settings_error/not_authorized': () =>
		'The account\'s Dropbox plan does not allow this link setting: a password, an expiry or turning downloads off need a paid plan (Plus, Professional or a team), and the "Team Members Only" audience needs a team account. Leave those settings out, or upgrade the plan.',
	'settings_error/invalid_settings': () =>
		'Dropbox refused the link settings: an expiry in the past, an empty password, or a password required with none given. Choose an expiry in the future and a non-empty password.',
	shared_link_not_found: () =>
		'No shared link at that address: it was revoked, it expired, the file or folder behind it was deleted, or the URL is incomplete (newer links need their "rlkey=" part). Copy the whole link again, or list the account\'s links with Shared Link → List.',
	shared_link_access_denied: () =>
		'The link does not let this account in: it is restricted to its owner or their team, it needs a password (set "Link Password"), its downloads are turned off, or only its owner may change or revoke it.',
	shared_link_malformed: () =>
		'That is not a Dropbox shared link address. Copy the whole link as Dropbox shows it, such as https://www.dropbox.com/scl/fi/…?rlkey=…',
	shared_link_is_directory: () =>
		'The link points to a folder, and only files can be downloaded through it. Name a file inside the folder with the "File in Folder" option, or download the folder as a ZIP with Folder → Download Zip.',
	unsupported_link_type: () =>
		'Dropbox does not handle this kind of link here (for example a link to a cloud document). Use File → Export for cloud documents.',
	unsupported_parameter_field: () =>
		'This link is private: Dropbox takes no "File in Folder" or "Link Password" for it. Remove those options.',
	reset: () => 'Dropbox restarted the listing (its cursor is no longer valid). Run again to list from the start.',
	// File requests.
	validation_error: ({ fields }) =>
		`Dropbox refused the file request${typeof fields.validation_error === 'string' ? ` (${fields.validation_error})` : ''}: a blank title, a deadline in the past, a deadline on a Dropbox Basic account (deadlines need Professional or a team plan), or a destination it cannot use (the top folder, odd characters). Fix that field and run again.`,
	file_request_open: () =>
		'Only closed file requests can be deleted, and this one is open. Close it first with File Request → Close, then delete it.',
	invalid_location: ({ path }) =>
		`File requests cannot send files${at(path)}: choose a folder below the top of the Space (such as /File Requests/Homework).`,
	not_a_folder: ({ path }) => `The destination${at(path)} is a file, not a folder. Choose a folder for the uploads.`,
	app_lacks_access: () =>
		'The Dropbox app may not reach this file request: app-folder apps see only requests whose folder is in the app folder.',
	disabled_for_team: () => 'The account\'s Dropbox team has turned file requests off. A team admin can turn them on in the Admin Console.',
	invalid_cursor: () => 'Dropbox no longer accepts the listing\'s cursor. Run again to list from the start.',
	rate_limit: () =>
		'The account has reached Dropbox\'s limit on file requests (4,000 in all). Delete closed requests (File Request → Delete, All Closed Requests), then run again.',
	// Paper docs.
	invalid_file_extension: ({ path }) =>
		`A Paper doc's path must end in ".paper"${path ? `, and "${path}" does not` : ''}. Add ".paper" to the name, such as /Notes/Weekly plan.paper.`,
	// Also a sharing tag (a folder that cannot be shared there): the hint holds for both.
	invalid_path: ({ path }) =>
		`Dropbox does not allow this here${at(path)}: the place cannot take it (for example a Paper doc inside an app folder or a read-only folder, or a folder that cannot be shared). Choose another folder.`,
	doc_length_exceeded: () =>
		'The Paper doc would be too long for Dropbox. Split the content into several docs.',
	image_size_exceeded: () =>
		'The content holds an image larger than 1 MB as an HTML data URI, which Paper refuses. Make the image smaller, or link to it instead of embedding it.',
	content_malformed: () =>
		'Paper could not import the content in the chosen import format. Check that "Import Format" matches the content (Markdown, HTML or plain text) and that the HTML is well-formed.',
	revision_mismatch: ({ path }) =>
		`The Paper doc${at(path)} has changed since the revision given in "Paper Revision". Export or update it again to get its current "paper_revision", or choose the Overwrite policy.`,
	doc_archived: ({ path }) => `The Paper doc${at(path)} is archived: unarchive it in Dropbox Paper to change it.`,
	doc_deleted: ({ path }) => `The Paper doc${at(path)} is deleted: restore it in Dropbox, or create a new one.`,
	paper_disabled: () => 'Dropbox Paper is turned off for this team. A team admin can turn it on in the Admin Console.',
	email_unverified: () =>
		'The Dropbox account must verify its email address before it can do this (create Paper docs, share); verify it and run again.',
	insufficient_permissions: () => 'The account may not edit Paper docs here. Ask the doc or folder owner for edit access.',
	// Copy, move and delete (files/copy_v2, move_v2, delete_v2 and their batches).
	cant_move_folder_into_itself: ({ path }) =>
		`A folder cannot be copied or moved inside itself${at(path)}. Choose a destination outside the folder.`,
	duplicated_or_nested_paths: () =>
		'The same path appears twice in the batch, or one item lies inside another being copied or moved with it. Copy or move the outer folder alone, or remove the duplicate items.',
	cant_transfer_ownership: ({ path }) =>
		`Moving${at(path)} would change who owns the content (for example out of a folder someone else shared). Turn on the "Allow Ownership Transfer" option if that is intended.`,
	cant_copy_shared_folder: ({ path }) =>
		`Dropbox does not copy shared folders${at(path)}. Copy the files inside it instead.`,
	cant_nest_shared_folder: ({ toPath }) =>
		`The destination${at(toPath)} is inside a shared folder, and a shared folder cannot go inside another. Choose a destination outside shared folders.`,
	cant_move_shared_folder: ({ path }) =>
		`Dropbox does not move this shared folder${at(path)}; only its owner can, and not into another shared folder.`,
	insufficient_quota: () =>
		'The Dropbox account has not enough space left for the copy. Free some space or upgrade the plan, then run again.',
	'path_write/conflict': ({ path }) =>
		`The item${at(path)} is not at the revision the node was told to delete ("Only If Revision Is"), or another item is in the way. Get its current revision and decide again.`,
	no_write_permission: ({ path }) =>
		`The account may not write${at(path)}: it is a read-only shared folder or outside the app's folder.`,
	invalid_root: () =>
		'The chosen Space does not exist for this account, or the account left it. Choose "My Files", or pick the team space / shared folder again.',
	no_permission: () =>
		'The account has no access to the chosen Space (team space or shared folder). Choose another Space or ask the folder owner for access.',
	user_suspended: () => 'The Dropbox account is suspended. Its owner or team admin must reactivate it.',
	email_not_verified: () => 'The Dropbox account has not verified its email address yet; verify it and run again.',
	// Folder sharing (sharing/share_folder, the member routes, mount and unmount). A chain under `member_error` is about
	// the member named in the call; a bare SharedFolderAccessError tag (or one under `access_error`) about the account.
	already_shared: ({ path, fields }) =>
		`The folder${at(path)} is shared already${typeof fields.shared_folder_id === 'string' ? ` (shared folder ID ${fields.shared_folder_id})` : ''}. Add people to it with Folder Sharing → Add Member instead of sharing it again; List Folders shows its ID.`,
	inside_shared_folder: ({ path }) =>
		`The folder${at(path)} is inside a shared folder, and Dropbox does not share a folder inside another. Add people to the shared folder above it, or move the folder out first.`,
	contains_shared_folder: ({ path }) =>
		`The folder${at(path)} holds a shared folder, and Dropbox does not share a folder that contains another. Share the folders inside separately, or move the shared one out first.`,
	'bad_path/is_file': ({ path }) => `The item${at(path)} is a file; only folders can be shared this way (files get shared links).`,
	invalid_email: ({ fields }) =>
		`${typeof fields.invalid_email === 'string' ? `"${fields.invalid_email}"` : 'An email address'} is not a valid email address. Correct it (name@example.com).`,
	invalid_dropbox_id: ({ fields }) =>
		`No Dropbox account has the ID ${typeof fields.invalid_dropbox_id === 'string' ? `"${fields.invalid_dropbox_id}"` : 'given'}. Use the person's email address instead (someone without a Dropbox account is invited by email), or an "account_id" from List Members.`,
	unverified_dropbox_id: () =>
		'The Dropbox account with that ID has not verified its email address: invite the person by email address instead of by ID.',
	'member_error/not_a_member': () =>
		'The member given is not a member of this shared folder: no member or invitee has that email address or Dropbox ID (the address may belong to no Dropbox account). List Members shows who is; Add Member invites someone.',
	'member_error/invalid_dropbox_id': () =>
		'No Dropbox account has the member ID given. Use an "account_id" from List Members, or the member\'s email address.',
	not_a_member: () =>
		'The account is not a member of this shared folder, so it cannot see or change it. Ask the folder\'s owner to add it (Add Member), or use the credential of an account that is a member.',
	invalid_id: () =>
		'No shared folder has this ID (it may have been unshared). Pick the folder from the list, or take a "shared_folder_id" from Folder Sharing → List Folders.',
	unmounted: () =>
		'The shared folder is not in the account\'s Dropbox (unmounted). Add it with Folder Sharing → Mount first.',
	invalid_member: () => 'The Dropbox account acting here does not exist anymore or is disabled.',
	folder_owner: () => 'The owner of a shared folder cannot do this to their own folder membership; to stop sharing it, use Unshare.',
	already_mounted: () => 'The shared folder is in the account\'s Dropbox already (or the account owns it): nothing to mount.',
	not_unmountable: () =>
		'This shared folder cannot be removed from the account\'s Dropbox: the account owns it (use Unshare to stop sharing), or it sits inside another shared folder.',
	not_mountable: () =>
		'Dropbox does not let this shared folder be added to the account directly (for example it is inside a team folder); it appears on its own when the team folder does.',
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
