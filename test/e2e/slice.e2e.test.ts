/**
 * The first slice of the node in the real n8n 2.41 (Node 24), installed as a community package, against the
 * emulator in its own process: both credentials, a Continue-On-Fail error item, and a refresh of an expired token.
 */
import { startEmulatorProcess, type EmulatorProcess } from './support/emulator-process';
import { N8nInstance } from './support/n8n-instance';
import { APP_CREDENTIAL, OAUTH2_CREDENTIAL, demoCredentials } from './support/playground-data';
import { outputOf, sliceWorkflow } from './support/workflows';

let emulator: EmulatorProcess;
let n8n: N8nInstance;


beforeAll(async () => {
	emulator = await startEmulatorProcess();
	await emulator.adminCall('POST', '/files', {
		account_id: emulator.demo.account_id,
		path: '/E2E/Réport – 日本.txt',
		content_base64: Buffer.from('hello from the emulator').toString('base64'),
	});
	n8n = new N8nInstance(emulator);
	await n8n.importJson('credentials', demoCredentials(emulator));
	await n8n.importJson('workflow', sliceWorkflow('e2eSliceAppApi01', 'appApi', APP_CREDENTIAL));
	await n8n.importJson('workflow', sliceWorkflow('e2eSliceOAuth201', 'oAuth2', OAUTH2_CREDENTIAL));
});

afterAll(async () => {
	n8n?.cleanUp();
	await emulator?.stop();
});

describe.each([
	['appApi', 'e2eSliceAppApi01'],
	['oAuth2', 'e2eSliceOAuth201'],
])('the slice in n8n 2.41 with the %s credential', (_authentication, workflowId) => {
	it('reads the account and a file, and turns a missing file into an error item', async () => {
		// An expired token on the way in: the credential must refresh it by itself.
		await emulator.adminCall('POST', '/tokens/expire', { account_id: emulator.demo.account_id });
		const { run, raw } = await n8n.execute(workflowId);
		expect(run.data.resultData.error).toBeUndefined();

		const [account] = outputOf(run, 'Account');
		expect(account.json.account_id).toBe(emulator.demo.account_id);
		expect(account.pairedItem).toEqual({ item: 0 });

		const [report] = outputOf(run, 'Report');
		expect(report.json).toMatchObject({ '.tag': 'file', name: 'Réport – 日本.txt', size: 23 });
		expect(report.pairedItem).toEqual({ item: 0 });

		const [missing] = outputOf(run, 'Missing');
		expect(String(missing.json.error)).toMatch(/not_found/);
		expect(missing.pairedItem).toEqual({ item: 0 });
		console.log(`n8n execute (${workflowId}): peak RSS ${raw.peakRssKiB} KiB`);
	});

	it('refreshes again after the refreshed token expires: n8n kept the refresh token', async () => {
		const tokenCalls = async () =>
			(await emulator.adminCall<Array<{ route: string }>>('GET', '/log')).filter((entry) => entry.route === 'oauth2/token')
				.length;
		const before = await tokenCalls();
		await emulator.adminCall('POST', '/tokens/expire', { account_id: emulator.demo.account_id });
		const { run } = await n8n.execute(workflowId);
		expect(run.data.resultData.error).toBeUndefined();
		expect(outputOf(run, 'Account')[0].json.account_id).toBe(emulator.demo.account_id);
		expect(await tokenCalls()).toBe(before + 1);
	});
});
