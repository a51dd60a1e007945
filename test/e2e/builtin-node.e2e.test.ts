/**
 * n8n's built-in Dropbox node, unchanged, against the emulator in the real n8n: the side-by-side comparisons
 * depend on it. It sends content-route arguments in the `arg` query parameter and a path root on every call.
 */
import { startEmulatorProcess, type EmulatorProcess } from './support/emulator-process';
import { N8nInstance } from './support/n8n-instance';
import { outputOf } from './support/workflows';

let emulator: EmulatorProcess;
let n8n: N8nInstance;

const CREDENTIAL = { id: 'builtinDbxToken1', name: 'Dropbox access token (built-in node)' };

function builtinNode(name: string, x: number, parameters: Record<string, unknown>) {
	return {
		id: `builtin-${name.toLowerCase()}`,
		name,
		type: 'n8n-nodes-base.dropbox',
		typeVersion: 1,
		position: [x, 0],
		parameters: { authentication: 'accessToken', ...parameters },
		credentials: { dropboxApi: CREDENTIAL },
	};
}


beforeAll(async () => {
	emulator = await startEmulatorProcess();
	n8n = new N8nInstance(emulator);
	await n8n.importJson('credentials', [
		{ ...CREDENTIAL, type: 'dropboxApi', data: { accessToken: emulator.demo.access_token, accessType: 'full' } },
	]);
	await n8n.importJson('workflow', {
		id: 'builtinDropbox01',
		name: 'Built-in Dropbox node',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: 'builtin-start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
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
});

afterAll(async () => {
	n8n?.cleanUp();
	await emulator?.stop();
});

it('uploads, downloads and lists through the emulator', async () => {
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
