/**
 * File Request → Create, Get, List, Update, Close and Delete through n8n-core against the emulator: deadlines with
 * grace periods, a request whose deadline has passed, pages of requests, deleting one or all closed requests, and
 * the errors a person can act on.
 */
import type { AccountCredentials } from '../emulator/accounts/credentials';
import { assertPairedItems } from '../support/n8n';
import { jsonOf, locator, requestLog, type RunOptions, runSuite, seed, useEmulator } from './file-ops.fixture';

const env = useEmulator();

type Account = AccountCredentials;
interface FileRequest {
	id: string;
	url: string;
	title: string;
	destination?: string;
	is_open: boolean;
	deadline?: { deadline: string; allow_late_uploads?: { '.tag': string } };
	description?: string;
	[key: string]: unknown;
}

const run = (parameters: Record<string, unknown>, extra: RunOptions = {}, account?: Account) =>
	runSuite(env.emulator, { resource: 'fileRequest', ...parameters }, extra, account);
const { logLength, routesSince } = requestLog(env);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
const dropboxTime = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

async function createRequest(title: string, destination: string, options: Record<string, unknown> = {}, account?: Account): Promise<FileRequest> {
	const result = await run({ operation: 'create', title, path: locator(destination), options }, {}, account);
	expect(result.error).toBeUndefined();
	return result.items[0].json as FileRequest;
}

describe('fileRequest → create and get', () => {
	it('creates an open request into a new folder, with a deadline, its grace period and a description', async () => {
		const deadline = inDays(7);
		const result = await run({
			operation: 'create',
			title: 'Homework',
			path: locator('/File Requests/Homework'),
			options: { deadline: deadline.toISOString(), allowLateUploads: 'two_days', description: 'Send your essays here' },
		});
		expect(result.error).toBeUndefined();
		assertPairedItems(result.nodeOutput[0]);
		const request = result.items[0].json as FileRequest;
		expect(request).toMatchObject({
			title: 'Homework',
			destination: '/File Requests/Homework',
			is_open: true,
			file_count: 0,
			description: 'Send your essays here',
			deadline: { deadline: dropboxTime(deadline), allow_late_uploads: { '.tag': 'two_days' } },
			url: `https://www.dropbox.com/request/${request.id}`,
		});
		const folder = await runSuite(env.emulator, { resource: 'folder', operation: 'get', path: locator('/File Requests/Homework') });
		expect(folder.items[0].json['.tag']).toBe('folder');

		const byId = await run({ operation: 'get', fileRequestId: request.id });
		expect(byId.items[0].json).toEqual(request);
		const byUrl = await run({ operation: 'get', fileRequestId: request.url });
		expect(byUrl.items[0].json.id).toBe(request.id);
	});

	it('creates a closed request when asked, and without late uploads unless chosen', async () => {
		const closed = await createRequest('Later', '/File Requests/Later', { open: false, deadline: inDays(1).toISOString() });
		expect(closed.is_open).toBe(false);
		expect(closed.deadline?.allow_late_uploads).toBeUndefined();
	});

	it('explains a deadline in the past, one the plan does not allow, a bad destination and a missing scope', async () => {
		const past = await run({ operation: 'create', title: 'Past', path: locator('/File Requests/Past'), options: { deadline: '2020-01-01T00:00:00Z' } });
		expect(past.error?.message).toBe('"Deadline" is in the past: 2020-01-01T00:00:00Z');

		const basic = await env.emulator.admin<Account>('POST', '/accounts', { plan: 'basic' });
		const refused = await run({ operation: 'create', title: 'Basic', path: locator('/Inbox'), options: { deadline: inDays(3).toISOString() } }, {}, basic);
		expect(refused.error?.message).toMatch(/^Dropbox error: validation_error/);
		expect(refused.error?.description).toMatch(/deadline on a Dropbox Basic account/);

		const root = await run({ operation: 'create', title: 'Root', path: locator('/') });
		expect(root.error?.message).toBe('"/" cannot receive a file request\'s uploads');
		expect(root.error?.description).toMatch(/below the top of the Space/);

		await seed(env.emulator, '/File Requests/a file.txt', 'x');
		const file = await run({ operation: 'create', title: 'File', path: locator('/File Requests/a file.txt') });
		expect(file.error?.message).toBe('Dropbox error: not_a_folder');
		expect(file.error?.description).toContain('"/File Requests/a file.txt"');

		const readOnly = await env.emulator.admin<Account>('POST', '/accounts', { scopes: ['account_info.read', 'file_requests.read'] });
		const noScope = await run({ operation: 'create', title: 'No scope', path: locator('/Inbox') }, {}, readOnly);
		expect(noScope.error?.message).toMatch(/missing_scope/);
		expect(noScope.error?.description).toContain('"file_requests.write"');
	});

	it('explains an unknown ID and one that cannot be an ID', async () => {
		const unknown = await run({ operation: 'get', fileRequestId: 'NoSuchRequest123' });
		expect(unknown.error?.message).toBe('Dropbox error: not_found');
		expect(unknown.error?.description).toContain('no file request with the ID "NoSuchRequest123"');
		const invalid = await run({ operation: 'get', fileRequestId: 'not an id!' });
		expect(invalid.error?.message).toBe('"not an id!" is not a file request ID');
	});
});

describe('fileRequest → list', () => {
	it('lists every request past the first page, newest first, or up to the limit', async () => {
		const account = await env.emulator.admin<Account>('POST', '/accounts', {});
		const total = 1005;
		const ids: string[] = [];
		// Made over HTTP in parallel bursts: through the node, a thousand runs would take most of the test's time.
		for (let start = 0; start < total; start += 25) {
			const made = await Promise.all(
				Array.from({ length: Math.min(25, total - start) }, async (_unused, offset) => {
					const response = await fetch('https://api.dropboxapi.com/2/file_requests/create', {
						method: 'POST',
						headers: { Authorization: `Bearer ${account.access_token}`, 'Content-Type': 'application/json' },
						body: JSON.stringify({ title: `Request ${start + offset}`, destination: '/Inbox' }),
					});
					if (!response.ok) throw new Error(`create failed: ${await response.text()}`);
					return ((await response.json()) as FileRequest).id;
				}),
			);
			ids.push(...made);
		}
		const before = await logLength();
		const all = await run({ operation: 'list', returnAll: true }, {}, account);
		expect(all.error).toBeUndefined();
		expect(new Set(jsonOf(all.items).map((json) => json.id))).toEqual(new Set(ids));
		expect(await routesSince(before)).toEqual(['file_requests/list_v2', 'file_requests/list/continue']);

		const newest = await run({ operation: 'list', returnAll: false, limit: 2 }, {}, account);
		expect(jsonOf(newest.items).map((json) => json.title)).toEqual(jsonOf(all.items).slice(0, 2).map((json) => json.title));
	}, 120_000);
});

describe('fileRequest → update, close and delete', () => {
	it('changes only the fields given: title, description, destination, deadline with grace period, or none', async () => {
		const request = await createRequest('Draft', '/File Requests/Draft', { deadline: inDays(2).toISOString() });
		const deadline = inDays(10);
		const changed = await run({
			operation: 'update',
			fileRequestId: request.id,
			updateFields: { title: 'Final', description: 'now final', destination: '/File Requests/Final', deadline: deadline.toISOString(), allowLateUploads: 'always' },
		});
		expect(changed.error).toBeUndefined();
		expect(changed.items[0].json).toMatchObject({
			id: request.id,
			title: 'Final',
			description: 'now final',
			destination: '/File Requests/Final',
			deadline: { deadline: dropboxTime(deadline), allow_late_uploads: { '.tag': 'always' } },
		});

		const graceOnly = await run({ operation: 'update', fileRequestId: request.id, updateFields: { allowLateUploads: 'one_day' } });
		expect(graceOnly.items[0].json.deadline).toEqual({ deadline: dropboxTime(deadline), allow_late_uploads: { '.tag': 'one_day' } });
		const noDeadline = await run({ operation: 'update', fileRequestId: request.id, updateFields: { removeDeadline: true } });
		expect(noDeadline.items[0].json.deadline).toBeUndefined();
		const graceWithout = await run({ operation: 'update', fileRequestId: request.id, updateFields: { allowLateUploads: 'one_day' } });
		expect(graceWithout.error?.message).toBe('The file request has no deadline to allow late uploads after');
		const root = await run({ operation: 'update', fileRequestId: request.id, updateFields: { destination: '/' } });
		expect(root.error?.message).toBe('"/" cannot receive a file request\'s uploads');
		const blank = await run({ operation: 'update', fileRequestId: request.id, updateFields: { title: '  ' } });
		expect(blank.error?.message).toBe('"Title" is empty');
		const nothing = await run({ operation: 'update', fileRequestId: request.id, updateFields: {} });
		expect(nothing.error?.message).toBe('No field to change');
		const unknown = await run({ operation: 'update', fileRequestId: 'Unknown42', updateFields: { title: 'x' } });
		expect(unknown.error?.description).toContain('no file request with the ID "Unknown42"');
	});

	it('says so when a request whose deadline has passed is opened again, and reopens it with a new deadline', async () => {
		const request = await createRequest('Short', '/File Requests/Short', { deadline: new Date(Date.now() + 2000).toISOString() });
		await new Promise((resolve) => setTimeout(resolve, 2100));
		expect((await run({ operation: 'get', fileRequestId: request.id })).items[0].json.is_open).toBe(false);
		const reopened = await run({ operation: 'update', fileRequestId: request.id, updateFields: { open: true } });
		expect(reopened.error?.message).toBe(`The file request "${request.id}" stays closed: its deadline has passed`);
		expect(reopened.error?.description).toContain('new Deadline in the future');
		const past = await run({ operation: 'update', fileRequestId: request.id, updateFields: { open: true, deadline: '2021-06-01T00:00:00Z' } });
		expect(past.error?.message).toBe('"Deadline" is in the past: 2021-06-01T00:00:00Z');
		const renewed = await run({ operation: 'update', fileRequestId: request.id, updateFields: { open: true, deadline: inDays(1).toISOString() } });
		expect(renewed.error).toBeUndefined();
		expect(renewed.items[0].json.is_open).toBe(true);
	});

	it('closes a request, deletes only closed ones, and deletes every closed request at once', async () => {
		const account = await env.emulator.admin<Account>('POST', '/accounts', {});
		const keep = await createRequest('Keep open', '/Inbox', {}, account);
		const one = await createRequest('One', '/Inbox', {}, account);
		const two = await createRequest('Two', '/Inbox', { open: false }, account);
		const three = await createRequest('Three', '/Inbox', {}, account);

		const open = await run({ operation: 'delete', fileRequestId: one.id }, {}, account);
		expect(open.error?.message).toBe('Dropbox error: file_request_open');
		expect(open.error?.description).toContain('Close it first');

		const closed = await run({ operation: 'close', fileRequestId: one.id }, {}, account);
		expect(closed.items[0].json).toMatchObject({ id: one.id, is_open: false });
		const deleted = await run({ operation: 'delete', fileRequestId: one.id }, {}, account);
		expect(deleted.items[0].json).toMatchObject({ id: one.id, title: 'One', deleted: true });

		await run({ operation: 'close', fileRequestId: three.id }, {}, account);
		const before = await logLength();
		const all = await run({ operation: 'delete', deleteWhat: 'allClosed' }, {}, account);
		expect(await routesSince(before)).toEqual(['file_requests/delete_all_closed']);
		expect(all.items[0].json.deleted_count).toBe(2);
		expect((all.items[0].json.file_requests as FileRequest[]).map((request) => request.id).sort()).toEqual([two.id, three.id].sort());
		const left = await run({ operation: 'list', returnAll: true }, {}, account);
		expect(jsonOf(left.items).map((json) => json.id)).toEqual([keep.id]);
	});

	it('goes on past a failed item with Continue On Fail, each output paired with its input', async () => {
		const request = await createRequest('Paired', '/File Requests/Paired');
		const result = await run(
			{ operation: 'get', fileRequestId: '={{ $json.id }}' },
			{ continueOnFail: true, inputItems: [{ json: { id: request.id } }, { json: { id: 'Missing99' } }, { json: { id: request.id } }] },
		);
		assertPairedItems(result.nodeOutput[0]);
		expect(result.nodeOutput[0].map((item) => [item.pairedItem, item.json.title ?? item.json.error_summary])).toEqual([
			[{ item: 0 }, 'Paired'],
			[{ item: 1 }, 'not_found'],
			[{ item: 2 }, 'Paired'],
		]);
	});
});
