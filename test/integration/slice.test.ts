import { DropboxSuite } from '../../nodes/DropboxSuite/DropboxSuite.node';
import { startTestEmulator, type TestEmulator } from '../support/emulator-harness';
import { assertPairedItems, runNode } from '../support/n8n';
import { CREDENTIAL_TYPE, credentialFor, credentialTypes, type AuthenticationChoice } from './credentials.fixture';

describe.each<AuthenticationChoice>(['oAuth2', 'appApi'])('the node slice with the %s credential', (authentication) => {
	let emulator: TestEmulator;

	beforeAll(async () => {
		emulator = await startTestEmulator();
	});
	afterAll(async () => await emulator.stop());

	const run = async (parameters: Record<string, unknown>, extra: Partial<Parameters<typeof runNode>[0]> = {}) =>
		await runNode({
			nodeType: new DropboxSuite(),
			parameters: { authentication, ...parameters } as never,
			credentials: credentialFor(authentication, emulator.demo),
			credentialTypes,
			...extra,
		});

	it('account → getCurrent returns the connected account', async () => {
		const result = await run({ resource: 'account', operation: 'getCurrent' });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.account_id).toBe(emulator.demo.account_id);
		assertPairedItems(result.nodeOutput[0]);
	});

	it('file → get returns metadata for a path typed with another case, by ID, and by dropbox.com URL', async () => {
		const byPath = await run({
			resource: 'file',
			operation: 'get',
			path: { __rl: true, mode: 'path', value: '/documents/REPORT.txt' },
		});
		expect(byPath.error).toBeUndefined();
		const metadata = byPath.items[0].json;
		expect(metadata).toMatchObject({ '.tag': 'file', name: 'report.txt', path_display: '/Documents/report.txt' });

		const byId = await run({
			resource: 'file',
			operation: 'get',
			path: { __rl: true, mode: 'id', value: metadata.id },
		});
		expect(byId.items[0].json.path_lower).toBe('/documents/report.txt');

		const byUrl = await run({
			resource: 'file',
			operation: 'get',
			path: { __rl: true, mode: 'url', value: 'https://www.dropbox.com/home/Caf%C3%A9?preview=na%C3%AFve+%E2%80%93+%E6%97%A5%E6%9C%AC.txt' },
		});
		expect(byUrl.error).toBeUndefined();
		expect(byUrl.items[0].json.name).toBe('naïve – 日本.txt');
	});

	it('a missing path (409 path/not_found) fails with a clear error naming the path', async () => {
		const result = await run({
			resource: 'file',
			operation: 'get',
			path: { __rl: true, mode: 'path', value: '/No/such/file.txt' },
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/path\/not_found/);
		expect(result.error?.description).toMatch(/No file or folder at "\/No\/such\/file\.txt"/);
		expect((result.error as { httpCode?: string }).httpCode).toBe('409');
	});

	it('with Continue On Fail, a failed item becomes an error item paired with its input', async () => {
		const result = await run(
			{
				resource: 'file',
				operation: 'get',
				path: { __rl: true, mode: 'path', value: '={{ $json.path }}' },
			},
			{
				continueOnFail: true,
				inputItems: [{ json: { path: '/Documents/report.txt' } }, { json: { path: '/missing.txt' } }],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.nodeOutput[0]).toHaveLength(2);
		assertPairedItems(result.nodeOutput[0]);
		expect(result.nodeOutput[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[0].json.name).toBe('report.txt');
		expect(result.items[1].json).toMatchObject({
			error: expect.stringMatching(/path\/not_found/),
			error_summary: 'path/not_found',
			description: expect.stringMatching(/No file or folder at "\/missing\.txt"/),
		});
	});

	it('without Continue On Fail, the error names the item that failed, and later items are not sent', async () => {
		const before = (await emulator.log()).filter((entry) => entry.route === 'files/get_metadata').length;
		const result = await run(
			{
				resource: 'file',
				operation: 'get',
				path: { __rl: true, mode: 'path', value: '={{ $json.path }}' },
			},
			{
				inputItems: [
					{ json: { path: '/Documents/report.txt' } },
					{ json: { path: '/missing.txt' } },
					{ json: { path: '/Documents/report.txt' } },
				],
			},
		);
		expect(result.status).toBe('error');
		expect((result.nodeError as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
		expect(result.error?.message).toBe('Dropbox error: path/not_found');
		const calls = (await emulator.log()).filter((entry) => entry.route === 'files/get_metadata').slice(before);
		expect(calls.map((entry) => entry.status)).toEqual([200, 409]);
	});

	it('a 429 from Dropbox is waited out and retried', async () => {
		await emulator.admin('POST', '/faults', {
			route: 'files/get_metadata',
			kind: 'status',
			status: 429,
			retry_after: 1,
			times: 1,
		});
		const before = (await emulator.log()).filter((entry) => entry.route === 'files/get_metadata').length;
		const result = await run({
			resource: 'file',
			operation: 'get',
			path: { __rl: true, mode: 'path', value: '/Getting Started.txt' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.name).toBe('Getting Started.txt');
		const calls = (await emulator.log()).filter((entry) => entry.route === 'files/get_metadata').slice(before);
		expect(calls.map((entry) => entry.status)).toEqual([429, 200]);
	});

	it('an expired token is renewed once and the new token is kept', async () => {
		const credentials = credentialFor(authentication, emulator.demo);
		const first = await runNode({
			nodeType: new DropboxSuite(),
			parameters: { authentication, resource: 'account', operation: 'getCurrent' },
			credentials,
			credentialTypes,
		});
		expect(first.error).toBeUndefined();
		const helper = first.credentialsHelper;
		const updatesBefore = helper.updateCount(CREDENTIAL_TYPE[authentication]);

		await emulator.admin('POST', '/tokens/expire', { account_id: emulator.demo.account_id });
		const tokenCallsBefore = (await emulator.log()).filter((entry) => entry.route === 'oauth2/token').length;
		const second = await runNode({
			nodeType: new DropboxSuite(),
			parameters: { authentication, resource: 'account', operation: 'getCurrent' },
			credentialsHelper: helper,
			// The same credential again: its token is now expired on the emulator.
			credentials,
			credentialTypes,
			inputItems: [{ json: {} }, { json: {} }, { json: {} }],
		});
		expect(second.error).toBeUndefined();
		expect(second.items).toHaveLength(3);
		const tokenCalls = (await emulator.log()).filter((entry) => entry.route === 'oauth2/token').slice(tokenCallsBefore);
		expect(tokenCalls).toHaveLength(1);
		expect(helper.updateCount(CREDENTIAL_TYPE[authentication])).toBe(updatesBefore + 1);

		const stored = helper.getStoredData(CREDENTIAL_TYPE[authentication]);
		if (authentication === 'oAuth2') {
			const tokenData = stored.oauthTokenData as Record<string, unknown>;
			expect(tokenData.access_token).not.toBe(emulator.demo.access_token);
			// Dropbox's refresh answer has no refresh_token: the old one must survive.
			expect(tokenData.refresh_token).toBe(emulator.demo.refresh_token);
		} else {
			expect(stored.accessToken).not.toBe(emulator.demo.access_token);
			expect(stored.refreshToken).toBe(emulator.demo.refresh_token);
		}
	});
});
