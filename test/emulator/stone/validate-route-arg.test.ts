/** Request arguments of real routes, checked and normalised the way Dropbox does. */
import { validateRouteArg, type ValidationOutcome } from '.';

const route = (key: string, arg: string | null) => ({ key, namespace: key.split('/')[0], arg });
const listFolder = route('files/list_folder', 'ListFolderArg');
const upload = route('files/upload', 'UploadArg');
const finishBatch = route('files/upload_session/finish_batch_v2', 'UploadSessionFinishBatchArg');

function accepted(outcome: ValidationOutcome): unknown {
	if (!outcome.ok) throw new Error(`rejected: ${outcome.message}`);
	return outcome.value;
}
function rejection(outcome: ValidationOutcome): string {
	if (outcome.ok) throw new Error(`accepted: ${JSON.stringify(outcome.value)}`);
	return outcome.message;
}

describe('files/list_folder', () => {
	it('fills every default and leaves unset nullable fields out', () => {
		expect(accepted(validateRouteArg(listFolder, { path: '' }))).toEqual({
			path: '',
			recursive: false,
			include_media_info: false,
			include_deleted: false,
			include_has_explicit_shared_members: false,
			include_mounted_folders: true,
			include_non_downloadable_files: true,
			include_restorable_info: false,
		});
	});

	it('keeps what the caller sent, and treats null as absent for nullable fields', () => {
		const arg = { path: 'id:abc', recursive: true, limit: 2000, shared_link: null };
		const value = accepted(validateRouteArg(listFolder, arg));
		expect(value).toMatchObject({ path: 'id:abc', recursive: true, limit: 2000 });
		expect(value).not.toHaveProperty('shared_link');
	});

	it('accepts paths with line breaks and namespace paths, as the pattern allows', () => {
		for (const path of ['/a\r\nb', '/x', 'ns:123', 'ns:123/sub', '']) {
			expect(validateRouteArg(listFolder, { path }).ok).toBe(true);
		}
	});

	it.each([
		[{ path: 'abc' }, "path: 'abc' did not match pattern '(/(.|[\\r\\n])*)?|id:.*|(ns:[0-9]+(/(.|[\\r\\n])*)?)'"],
		[{ path: '/a', limit: 0 }, 'limit: 0 is not within range [1, 2000]'],
		[{ path: '/a', limit: 2001 }, 'limit: 2001 is not within range [1, 2000]'],
		[{ path: '/a', limit: 1.5 }, 'limit: expected integer, got float'],
		[{ path: 5 }, 'path: expected string, got integer'],
		[{ path: null }, 'path: expected string, got null'],
		[{ path: '/a', recursive: 'yes' }, 'recursive: expected boolean, got string'],
		[{}, "missing required field 'path'"],
		[{ path: '/a', colour: 'red' }, "unknown field 'colour'"],
		[[], 'expected object, got list'],
		[null, 'expected object, got null'],
		[
			{ path: '/a', include_property_groups: { '.tag': 'filter_some', filter_some: [] } },
			'include_property_groups.filter_some: expected at least 1 items, got 0',
		],
		[{ path: '/a', shared_link: { password: 'x' } }, "shared_link: missing required field 'url'"],
	])('rejects %j: %s', (arg, message) => {
		expect(rejection(validateRouteArg(listFolder, arg))).toBe(message);
	});

	it('reports an unknown field before a bad value or a missing field, like Stone', () => {
		expect(rejection(validateRouteArg(listFolder, { limit: 0, extra: 1 }))).toBe("unknown field 'extra'");
		expect(rejection(validateRouteArg(listFolder, { limit: 0 }))).toBe('limit: 0 is not within range [1, 2000]');
	});
});

describe('files/upload: WriteMode and timestamps', () => {
	const base = { autorename: false, mute: false, strict_conflict: false };

	it('defaults mode to {".tag": "add"}', () => {
		expect(accepted(validateRouteArg(upload, { path: '/a.txt' }))).toEqual({
			path: '/a.txt',
			mode: { '.tag': 'add' },
			...base,
		});
	});

	it.each([
		['overwrite', { '.tag': 'overwrite' }],
		[{ '.tag': 'overwrite' }, { '.tag': 'overwrite' }],
		[{ '.tag': 'add', add: null }, { '.tag': 'add' }],
		[{ '.tag': 'update', update: 'a1c10ce0dd78' }, { '.tag': 'update', update: 'a1c10ce0dd78' }],
	])('normalises mode %j', (mode, normal) => {
		const expected = { path: '/a.txt', mode: normal, ...base };
		expect(accepted(validateRouteArg(upload, { path: '/a.txt', mode }))).toEqual(expected);
	});

	it.each([
		['update', "mode: expected object for 'update', got symbol"],
		[{ '.tag': 'update' }, "mode: missing 'update' key"],
		[{ '.tag': 'update', update: 'xyz' }, "mode.update: 'xyz' must be at least 9 characters, got 3"],
		[{ '.tag': 'update', update: 'A1C10CE0DD78' }, "mode.update: 'A1C10CE0DD78' did not match pattern '[0-9a-f]+'"],
		[{ '.tag': 'update', update: 'a1c10ce0dd78', rev: 'x' }, "mode: unexpected key 'rev'"],
		[{ '.tag': 'add', add: 1 }, 'mode: expected null, got integer'],
		['replace', "mode: unknown tag 'replace'"],
		[{ update: 'a1c10ce0dd78' }, "mode: missing '.tag' key"],
		[{ '.tag': 3 }, 'mode: tag must be string, got integer'],
		[7, 'mode: expected string or object, got integer'],
	])('rejects mode %j', (mode, message) => {
		expect(rejection(validateRouteArg(upload, { path: '/a.txt', mode }))).toBe(message);
	});

	it('checks client_modified against %Y-%m-%dT%H:%M:%SZ, including the calendar', () => {
		expect(validateRouteArg(upload, { path: '/a', client_modified: '2015-05-12T15:50:38Z' }).ok).toBe(true);
		expect(rejection(validateRouteArg(upload, { path: '/a', client_modified: '2015-05-12 15:50:38' }))).toBe(
			"client_modified: time data '2015-05-12 15:50:38' does not match format '%Y-%m-%dT%H:%M:%SZ'",
		);
		expect(rejection(validateRouteArg(upload, { path: '/a', client_modified: '2015-02-30T00:00:00Z' }))).toBe(
			'client_modified: day is out of range for month',
		);
	});

	it('requires a write path (no id:, no empty root)', () => {
		expect(validateRouteArg(upload, { path: '/a' }).ok).toBe(true);
		expect(rejection(validateRouteArg(upload, { path: '' }))).toMatch(/^path: '' did not match pattern/);
	});

	it('measures string limits in characters, not UTF-16 units', () => {
		const hash = '😀'.repeat(64); // 64 code points, 128 UTF-16 units: fits Sha256HexHash's length
		expect(validateRouteArg(upload, { path: '/a', content_hash: hash }).ok).toBe(true);
		expect(rejection(validateRouteArg(upload, { path: '/a', content_hash: 'ab' }))).toBe(
			"content_hash: 'ab' must be at least 64 characters, got 2",
		);
	});
});

describe('files/upload_session/finish_batch_v2', () => {
	const entry = (path: string, mode?: unknown) => ({
		cursor: { session_id: 'sid', offset: 4194304 },
		commit: mode === undefined ? { path } : { path, mode },
	});

	it('normalises each entry, nested defaults included', () => {
		const value = accepted(validateRouteArg(finishBatch, { entries: [entry('/a'), entry('/b', 'overwrite')] }));
		expect(value).toEqual({
			entries: [
				{
					cursor: { session_id: 'sid', offset: 4194304 },
					commit: { path: '/a', mode: { '.tag': 'add' }, autorename: false, mute: false, strict_conflict: false },
				},
				{
					cursor: { session_id: 'sid', offset: 4194304 },
					commit: { path: '/b', mode: { '.tag': 'overwrite' }, autorename: false, mute: false, strict_conflict: false },
				},
			],
		});
	});

	it('names the failing field through the list (Stone adds no index)', () => {
		const bad = { cursor: { session_id: 'sid', offset: -1 }, commit: { path: '/a' } };
		expect(rejection(validateRouteArg(finishBatch, { entries: [entry('/a'), bad] }))).toBe(
			'entries.cursor.offset: -1 is not within range [0, 18446744073709551615]',
		);
	});

	it('enforces max_items=1000', () => {
		const entries = Array.from({ length: 1001 }, (_, i) => entry(`/f${i}`));
		expect(rejection(validateRouteArg(finishBatch, { entries }))).toBe('entries: expected at most 1000 items, got 1001');
	});
});

describe('sharing routes', () => {
	it('share_folder: inherited fields and union-valued policies', () => {
		const shareFolder = route('sharing/share_folder', 'ShareFolderArg');
		const arg = { path: '/Team', member_policy: 'team', acl_update_policy: { '.tag': 'editors' } };
		expect(accepted(validateRouteArg(shareFolder, arg))).toEqual({
			path: '/Team',
			member_policy: { '.tag': 'team' },
			acl_update_policy: { '.tag': 'editors' },
			force_async: false,
			access_inheritance: { '.tag': 'inherit' },
		});
	});

	it('add_folder_member: members select by email or dropbox id; internal-only fields are unknown', () => {
		const addMember = route('sharing/add_folder_member', 'AddFolderMemberArg');
		const ok = accepted(
			validateRouteArg(addMember, {
				shared_folder_id: '84528192421',
				members: [{ member: { '.tag': 'email', email: 'justin@example.com' }, access_level: 'editor' }],
			}),
		);
		expect(ok).toEqual({
			shared_folder_id: '84528192421',
			members: [{ member: { '.tag': 'email', email: 'justin@example.com' }, access_level: { '.tag': 'editor' } }],
			quiet: false,
		});
		const badEmail = { shared_folder_id: '1', members: [{ member: { '.tag': 'email', email: 'nope' } }] };
		expect(rejection(validateRouteArg(addMember, badEmail))).toMatch(
			/^members\.member\.email: 'nope' did not match pattern '\^\['#&A-Za-z0-9\._%\+-\]\+@/,
		);
		expect(rejection(validateRouteArg(addMember, { shared_folder_id: '1', members: [], fp_sealed_result: 'x' }))).toBe(
			"unknown field 'fp_sealed_result'",
		);
	});

	it('rejects the catch-all tag of an open union', () => {
		const shareFolder = route('sharing/share_folder', 'ShareFolderArg');
		expect(rejection(validateRouteArg(shareFolder, { path: '/T', member_policy: 'other' }))).toBe(
			"member_policy: unexpected use of the catch-all tag 'other'",
		);
	});

	it('create_shared_link_with_settings: nested nullable struct with a timestamp', () => {
		const createLink = route('sharing/create_shared_link_with_settings', 'CreateSharedLinkWithSettingsArg');
		const settings = { expires: '2030-01-01T00:00:00Z', audience: 'public' };
		expect(accepted(validateRouteArg(createLink, { path: '/a.txt', settings }))).toEqual({
			path: '/a.txt',
			settings: { expires: '2030-01-01T00:00:00Z', audience: { '.tag': 'public' } },
		});
		expect(rejection(validateRouteArg(createLink, { path: '/a.txt', settings: { expires: 'tomorrow' } }))).toBe(
			"settings.expires: time data 'tomorrow' does not match format '%Y-%m-%dT%H:%M:%SZ'",
		);
	});
});

describe('users routes', () => {
	it('get_current_account takes Void: null only', () => {
		const current = route('users/get_current_account', 'Void');
		expect(accepted(validateRouteArg(current, null))).toBeNull();
		expect(rejection(validateRouteArg(current, { a: 1 }))).toBe('expected null, got value');
		expect(accepted(validateRouteArg({ ...current, arg: null }, null))).toBeNull();
	});

	it('get_account: account ids are exactly 40 characters', () => {
		const getAccount = route('users/get_account', 'GetAccountArg');
		const id = 'dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc';
		expect(accepted(validateRouteArg(getAccount, { account_id: id }))).toEqual({ account_id: id });
		expect(rejection(validateRouteArg(getAccount, { account_id: 'dbid:x' }))).toBe(
			"account_id: 'dbid:x' must be at least 40 characters, got 6",
		);
	});

	it('get_account_batch: at least one id', () => {
		expect(rejection(validateRouteArg(route('users/get_account_batch', 'GetAccountBatchArg'), { account_ids: [] }))).toBe(
			'account_ids: expected at least 1 items, got 0',
		);
	});

	it('features/get_values: a list of union values', () => {
		const features = route('users/features/get_values', 'UserFeaturesGetValuesBatchArg');
		expect(accepted(validateRouteArg(features, { features: ['paper_as_files', { '.tag': 'file_locking' }] }))).toEqual({
			features: [{ '.tag': 'paper_as_files' }, { '.tag': 'file_locking' }],
		});
		expect(rejection(validateRouteArg(features, { features: ['teleport'] }))).toBe("features: unknown tag 'teleport'");
	});
});

describe('types from imported namespaces', () => {
	it('files/copy_batch/check_v2 takes async.PollArg', () => {
		const check = route('files/copy_batch/check_v2', 'async.PollArg');
		expect(accepted(validateRouteArg(check, { async_job_id: 'job' }))).toEqual({ async_job_id: 'job' });
		expect(rejection(validateRouteArg(check, { async_job_id: '' }))).toBe(
			"async_job_id: '' must be at least 1 characters, got 0",
		);
	});

	it('an unknown argument type is a programming error, not a request error', () => {
		expect(() => validateRouteArg(route('files/nothing', 'NoSuchArg'), {})).toThrow(/unknown type 'NoSuchArg'/);
	});
});
