/**
 * n8n's built-in Dropbox node, unchanged, against the emulator in the real n8n: the side-by-side comparisons
 * depend on it, and run it with an app-folder credential. It sends content-route arguments in the `arg` query
 * parameter. With a full-access credential it first asks for the account's root namespace, in every run; n8n
 * 2.41.1 sends that lookup with no body and no Content-Type, which Dropbox accepts (the emulator refuses the form
 * post Dropbox refuses, so a release that sent one would fail here).
 */
import { startEmulatorProcess, type EmulatorProcess } from './support/emulator-process';
import { N8nInstance } from './support/n8n-instance';
import { outputOf } from './support/workflows';

let emulator: EmulatorProcess;
let n8n: N8nInstance;

const APP_FOLDER = { id: 'builtinDbxToken1', name: 'Dropbox access token, app folder (built-in node)' };
const FULL_ACCESS = { id: 'builtinDbxToken2', name: 'Dropbox access token, full access (built-in node)' };
const FULL_ACCESS_OAUTH2 = { id: 'builtinDbxOAuth2', name: 'Dropbox OAuth2, full access (built-in node)' };

function builtinNode(name: string, x: number, parameters: Record<string, unknown>, credential = APP_FOLDER) {
	return {
		id: `builtin-${name.toLowerCase().replace(/\W+/g, '-')}`,
		name,
		type: 'n8n-nodes-base.dropbox',
		typeVersion: 1,
		position: [x, 0],
		parameters: { authentication: 'accessToken', ...parameters },
		credentials: { dropboxApi: credential },
	};
}

const manualTrigger = { id: 'builtin-start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };


beforeAll(async () => {
	emulator = await startEmulatorProcess();
	n8n = new N8nInstance(emulator);
	await n8n.importJson('credentials', [
		{ ...APP_FOLDER, type: 'dropboxApi', data: { accessToken: emulator.demo.access_token, accessType: 'folder' } },
		{ ...FULL_ACCESS, type: 'dropboxApi', data: { accessToken: emulator.demo.access_token, accessType: 'full' } },
		{
			...FULL_ACCESS_OAUTH2,
			type: 'dropboxOAuth2Api',
			data: {
				clientId: emulator.demo.app_key,
				clientSecret: emulator.demo.app_secret,
				accessType: 'full',
				oauthTokenData: { access_token: emulator.demo.access_token, refresh_token: emulator.demo.refresh_token, token_type: 'bearer' },
			},
		},
	]);
	await n8n.importJson('workflow', {
		id: 'builtinDropbox01',
		name: 'Built-in Dropbox node',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			manualTrigger,
			builtinNode('Upload', 200, {
				operation: 'upload',
				path: '/Built-in/notes – é.txt',
				binaryData: false,
				fileContent: 'written by the built-in node',
			}),
			builtinNode('Download', 400, { operation: 'download', path: '/Built-in/notes – é.txt' }),
			builtinNode('List', 600, { resource: 'folder', operation: 'list', path: '/Built-in', returnAll: true }),
		],
		connections: {
			Start: { main: [[{ node: 'Upload', type: 'main', index: 0 }]] },
			Upload: { main: [[{ node: 'Download', type: 'main', index: 0 }]] },
			Download: { main: [[{ node: 'List', type: 'main', index: 0 }]] },
		},
	});
	await n8n.importJson('workflow', {
		id: 'builtinDropbox02',
		name: 'Built-in Dropbox node, full access',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [manualTrigger, builtinNode('List', 200, { resource: 'folder', operation: 'list', path: '/Documents', returnAll: true }, FULL_ACCESS)],
		connections: { Start: { main: [[{ node: 'List', type: 'main', index: 0 }]] } },
	});
	await n8n.importJson('workflow', {
		id: 'builtinDropbox03',
		name: 'Built-in Dropbox node, full access, OAuth2',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			manualTrigger,
			{
				...builtinNode('List', 200, { resource: 'folder', operation: 'list', path: '/Documents', returnAll: true }),
				parameters: { authentication: 'oAuth2', resource: 'folder', operation: 'list', path: '/Documents', returnAll: true },
				credentials: { dropboxOAuth2Api: FULL_ACCESS_OAUTH2 },
			},
		],
		connections: { Start: { main: [[{ node: 'List', type: 'main', index: 0 }]] } },
	});
});

afterAll(async () => {
	n8n?.cleanUp();
	await emulator?.stop();
});

it('with an app-folder credential, uploads, downloads and lists through the emulator', async () => {
	const { run } = await n8n.execute('builtinDropbox01');
	expect(run.data.resultData.error).toBeUndefined();
	expect(outputOf(run, 'Upload')[0].json).toMatchObject({ name: 'notes – é.txt', size: 28 });
	const stored = await emulator.adminCall<{ size: number }>(
		'GET',
		`/files?account_id=${encodeURIComponent(emulator.demo.account_id)}&path=${encodeURIComponent('/Built-in/notes – é.txt')}`,
	);
	expect(stored.size).toBe(28);
	const listed = outputOf(run, 'List').map((item) => item.json.name);
	expect(listed).toEqual(['notes – é.txt']);
	const download = outputOf(run, 'Download')[0] as unknown as { binary?: Record<string, { fileSize?: string; fileName?: string }> };
	expect(download.binary?.data?.fileName).toBe('notes – é.txt');

	const routes = (await emulator.adminCall<Array<{ route: string; status: number }>>('GET', '/log')).map(
		(entry) => `${entry.route} ${entry.status}`,
	);
	expect(routes).toEqual(expect.arrayContaining(['files/upload 200', 'files/download 200', 'files/list_folder 200']));
});

it('with a full-access credential (access token or OAuth2), looks the root namespace up in every run', async () => {
	for (const workflowId of ['builtinDropbox02', 'builtinDropbox03']) {
		const logBefore = (await emulator.adminCall<unknown[]>('GET', '/log')).length;
		const { run } = await n8n.execute(workflowId);
		expect(run.data.resultData.error).toBeUndefined();
		expect(outputOf(run, 'List').map((item) => item.json.name)).toContain('report.txt');
		const routes = (await emulator.adminCall<Array<{ route: string; status: number }>>('GET', '/log'))
			.slice(logBefore)
			.map((entry) => `${entry.route} ${entry.status}`);
		expect(routes).toEqual(['users/get_current_account 200', 'files/list_folder 200']);
	}
});
