/** The file_requests routes through the official SDK: life cycle, deadlines, pages and errors. */
import type { Dropbox, file_requests } from 'dropbox';
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import type { AccountCredentials } from '../accounts/credentials';
import { describeRoute } from './describe-route';
import { client, sdkFailure } from './sdk-support';
import { expectOfType } from './spec-shape';

let emu: TestEmulator;
let dbx: Dropbox;
let other: Dropbox;
let basic: Dropbox;
beforeAll(async () => {
	emu = await startTestEmulator();
	dbx = client(emu, (await emu.admin<AccountCredentials>('POST', '/accounts', {})).access_token);
	other = client(emu, (await emu.admin<AccountCredentials>('POST', '/accounts', {})).access_token);
	basic = client(emu, (await emu.admin<AccountCredentials>('POST', '/accounts', { plan: 'basic' })).access_token);
});
afterAll(() => emu.stop());

const FUTURE = '2099-06-01T12:00:00Z';
let count = 0;
/** The SDK's types lack the deadline fields of `update` (a nullable struct member): built here. */
function setDeadline(deadline?: string, grace?: file_requests.GracePeriod): file_requests.UpdateFileRequestDeadline {
	return { '.tag': 'update', ...(deadline ? { deadline } : {}), ...(grace ? { allow_late_uploads: grace } : {}) } as file_requests.UpdateFileRequestDeadline;
}
async function create(args: Partial<file_requests.CreateFileRequestArgs> = {}): Promise<file_requests.FileRequest> {
	count++;
	return (await dbx.fileRequestsCreate({ title: `Request ${count}`, destination: `/Requests/R${count}`, ...args })).result;
}

describeRoute('file_requests/create', () => emu, () => {
	it('makes an open request whose destination folder is made, with a Dropbox URL', async () => {
		const made = await create({ description: 'Send your photos', deadline: { deadline: FUTURE, allow_late_uploads: { '.tag': 'seven_days' } } });
		expectOfType('file_requests', 'FileRequest', made);
		expect(made).toMatchObject({
			title: `Request ${count}`,
			destination: `/Requests/R${count}`,
			is_open: true,
			file_count: 0,
			description: 'Send your photos',
			deadline: { deadline: FUTURE, allow_late_uploads: { '.tag': 'seven_days' } },
		});
		expect(made.url).toBe(`https://www.dropbox.com/request/${made.id}`);
		expect((await dbx.filesGetMetadata({ path: made.destination! })).result['.tag']).toBe('folder');
	});

	it('refuses a file as destination, the root, a blank title, a past deadline and a deadline on Basic', async () => {
		await dbx.filesUpload({ path: '/a-file.txt', contents: 'x' });
		expect((await sdkFailure(create({ destination: '/a-file.txt' }))).error.error).toEqual({ '.tag': 'not_a_folder' });
		expect((await sdkFailure(create({ destination: '/' }))).error.error).toEqual({ '.tag': 'invalid_location' });
		expect((await sdkFailure(create({ title: '   ' }))).error.error['.tag']).toBe('validation_error');
		const past = await sdkFailure(create({ deadline: { deadline: '2001-01-01T00:00:00Z' } }));
		expect(past.error.error).toEqual({ '.tag': 'validation_error', validation_error: 'the deadline must be in the future' });
		const plan = await sdkFailure(basic.fileRequestsCreate({ title: 't', destination: '/x', deadline: { deadline: FUTURE } }));
		expect(plan.error.error['.tag']).toBe('validation_error');
	});
});

describeRoute('file_requests/get', () => emu, () => {
	it('gets a request with the files now in its folder; another account gets not_found', async () => {
		const made = await create();
		await dbx.filesUpload({ path: `${made.destination}/sent.jpg`, contents: 'photo' });
		const got = (await dbx.fileRequestsGet({ id: made.id })).result;
		expectOfType('file_requests', 'FileRequest', got);
		expect(got.file_count).toBe(1);
		expect((await sdkFailure(other.fileRequestsGet({ id: made.id }))).error.error).toEqual({ '.tag': 'not_found' });
	});

	it('closes at its deadline, unless late uploads are allowed', async () => {
		const soon = new Date(Date.now() + 1500).toISOString().replace(/\.\d{3}Z$/, 'Z');
		const strict = await create({ deadline: { deadline: soon } });
		const lenient = await create({ deadline: { deadline: soon, allow_late_uploads: { '.tag': 'one_day' } } });
		expect(strict.is_open).toBe(true);
		await new Promise((resolve) => setTimeout(resolve, Date.parse(soon) - Date.now() + 50));
		expect((await dbx.fileRequestsGet({ id: strict.id })).result.is_open).toBe(false);
		expect((await dbx.fileRequestsGet({ id: lenient.id })).result.is_open).toBe(true);
	});

	it('follows its folder when moved, and shows no destination once it is deleted', async () => {
		const made = await create();
		await dbx.filesMoveV2({ from_path: made.destination!, to_path: `${made.destination}-moved` });
		expect((await dbx.fileRequestsGet({ id: made.id })).result.destination).toBe(`${made.destination}-moved`);
		await dbx.filesDeleteV2({ path: `${made.destination}-moved` });
		const gone = (await dbx.fileRequestsGet({ id: made.id })).result;
		expectOfType('file_requests', 'FileRequest', gone);
		expect(gone.destination).toBeUndefined();
	});
});

describeRoute('file_requests/update', () => emu, () => {
	it('changes title, destination, deadline, open and description; clears the deadline', async () => {
		const made = await create({ deadline: { deadline: FUTURE } });
		const changed = (
			await dbx.fileRequestsUpdate({
				id: made.id,
				title: 'Renamed',
				destination: '/Requests/Elsewhere',
				open: false,
				description: 'closed for now',
				deadline: setDeadline('2098-01-01T00:00:00Z', { '.tag': 'always' }),
			})
		).result;
		expectOfType('file_requests', 'FileRequest', changed);
		expect(changed).toMatchObject({ title: 'Renamed', destination: '/Requests/Elsewhere', is_open: false, description: 'closed for now' });
		expect(changed.deadline).toEqual({ deadline: '2098-01-01T00:00:00Z', allow_late_uploads: { '.tag': 'always' } });
		const cleared = (await dbx.fileRequestsUpdate({ id: made.id, deadline: setDeadline() })).result;
		expect(cleared.deadline).toBeUndefined();
		expect(cleared.title).toBe('Renamed');
	});

	it('answers not_found and validation_error, and then changes nothing', async () => {
		expect((await sdkFailure(dbx.fileRequestsUpdate({ id: 'unknownId1234', title: 'x' }))).error.error).toEqual({ '.tag': 'not_found' });
		const made = await create();
		const error = await sdkFailure(dbx.fileRequestsUpdate({ id: made.id, title: 'New', deadline: setDeadline('2001-01-01T00:00:00Z') }));
		expect(error.error.error['.tag']).toBe('validation_error');
		expect((await dbx.fileRequestsGet({ id: made.id })).result.title).toBe(made.title);
	});
});

describeRoute('file_requests/count', () => emu, () => {
	it('counts open and closed requests of the caller only', async () => {
		const before = (await dbx.fileRequestsCount()).result.file_request_count;
		await create({ open: false });
		expect((await dbx.fileRequestsCount()).result.file_request_count).toBe(before + 1);
		expect((await other.fileRequestsCount()).result.file_request_count).toBe(0);
	});
});

describeRoute('file_requests/list_v2', () => emu, () => {
	it('lists the newest first, limit per page, with a cursor', async () => {
		const { result } = await dbx.fileRequestsListV2({ limit: 2 });
		expectOfType('file_requests', 'ListFileRequestsV2Result', result);
		expect(result.file_requests).toHaveLength(2);
		expect(result.has_more).toBe(true);
		expect(result.file_requests[0].title).toBe(`Request ${count}`);
	});
});

describeRoute('file_requests/list/continue', () => emu, () => {
	it('pages through all requests', async () => {
		let page = (await dbx.fileRequestsListV2({ limit: 3 })).result;
		const ids = page.file_requests.map((request) => request.id);
		while (page.has_more) {
			page = (await dbx.fileRequestsListContinue({ cursor: page.cursor })).result;
			ids.push(...page.file_requests.map((request) => request.id));
		}
		const all = (await dbx.fileRequestsList()).result.file_requests.map((request) => request.id);
		expect(ids).toEqual(all);
		expect(new Set(ids).size).toBe((await dbx.fileRequestsCount()).result.file_request_count);
	});

	it('answers invalid_cursor for a cursor that is not one', async () => {
		expect((await sdkFailure(dbx.fileRequestsListContinue({ cursor: 'nonsense' }))).error.error).toEqual({ '.tag': 'invalid_cursor' });
	});
});

describeRoute('file_requests/list', () => emu, () => {
	it('lists every request at once (v1)', async () => {
		const { result } = await other.fileRequestsList();
		expect(result).toEqual({ file_requests: [] });
	});
});

describeRoute('file_requests/delete', () => emu, () => {
	it('deletes closed requests only, all or nothing', async () => {
		const open = await create();
		const closed = await create({ open: false });
		expect((await sdkFailure(dbx.fileRequestsDelete({ ids: [closed.id, open.id] }))).error.error).toEqual({ '.tag': 'file_request_open' });
		expect((await dbx.fileRequestsGet({ id: closed.id })).result.id).toBe(closed.id);
		const { result } = await dbx.fileRequestsDelete({ ids: [closed.id] });
		expect(result.file_requests.map((request) => request.id)).toEqual([closed.id]);
		expect((await sdkFailure(dbx.fileRequestsGet({ id: closed.id }))).error.error).toEqual({ '.tag': 'not_found' });
		expect((await sdkFailure(dbx.fileRequestsDelete({ ids: [closed.id] }))).error.error).toEqual({ '.tag': 'not_found' });
	});
});

describeRoute('file_requests/delete_all_closed', () => emu, () => {
	it('deletes every closed request and keeps the open ones', async () => {
		const open = await create();
		await create({ open: false });
		const { result } = await dbx.fileRequestsDeleteAllClosed();
		expect(result.file_requests.length).toBeGreaterThan(0);
		expect(result.file_requests.every((request) => !request.is_open)).toBe(true);
		const left = (await dbx.fileRequestsList()).result.file_requests;
		expect(left.every((request) => request.is_open)).toBe(true);
		expect(left.map((request) => request.id)).toContain(open.id);
	});
});
