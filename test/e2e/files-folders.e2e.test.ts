/**
 * Files and folders in the real n8n 2.41: a clean-up workflow lists a folder recursively, moves every `.tmp` file
 * into an archive folder (many items: the batch route, one job), then deletes the archive. The emulator is checked
 * afterwards: the `.tmp` files are gone from where they were, everything else is untouched, the archive is deleted.
 */
import { startEmulatorProcess, type EmulatorProcess } from './support/emulator-process';
import { TunableN8n, chainWorkflow, nodeRun, suiteNode, transferCredentials } from './support/transfer-workflows';

const WORKFLOW_ID = 'e2eFilesClean001';
const TMP_FILES = 60;
const KEPT_FILES = ['/E2E/Work/report.pdf', '/E2E/Work/a/notes.txt', '/E2E/Work/a/b/photo.jpg'];

let emulator: EmulatorProcess;
let n8n: TunableN8n;

const tmpPath = (index: number) => `/E2E/Work/${['', 'a/', 'a/b/'][index % 3]}scratch-${String(index).padStart(2, '0')}.tmp`;

async function exists(path: string): Promise<boolean> {
	const query = `account_id=${encodeURIComponent(emulator.demo.account_id)}&path=${encodeURIComponent(path)}`;
	return await emulator.adminCall('GET', `/files?${query}`).then(
		() => true,
		() => false,
	);
}

beforeAll(async () => {
	emulator = await startEmulatorProcess();
	n8n = new TunableN8n(emulator);
	for (let index = 0; index < TMP_FILES; index++) {
		await emulator.adminCall('POST', '/files', { account_id: emulator.demo.account_id, path: tmpPath(index), content_base64: Buffer.from(`tmp ${index}`).toString('base64') });
	}
	for (const path of KEPT_FILES) {
		await emulator.adminCall('POST', '/files', { account_id: emulator.demo.account_id, path, content_base64: Buffer.from('keep').toString('base64') });
	}
	await n8n.importJson('credentials', transferCredentials(emulator));
	const workflow = chainWorkflow(WORKFLOW_ID, 'Archive and delete temporary files', [
		suiteNode('List', {
			resource: 'folder',
			operation: 'list',
			path: { __rl: true, mode: 'path', value: '/E2E/Work' },
			recursive: true,
			returnAll: true,
			options: { extensions: 'tmp' },
		}),
		suiteNode('Move', {
			resource: 'file',
			operation: 'move',
			path: { __rl: true, mode: 'path', value: '={{ $json.path_lower }}' },
			toPath: { __rl: true, mode: 'path', value: '/E2E/Archive/' },
			options: {},
		}),
		{
			...suiteNode('Delete Archive', { resource: 'folder', operation: 'delete', path: { __rl: true, mode: 'path', value: '/E2E/Archive' } }),
			executeOnce: true,
		},
	]);
	await n8n.importJson('workflow', workflow);
}, 600_000);

afterAll(async () => {
	n8n?.cleanUp();
	await emulator?.stop();
});

it('moves every .tmp file into the archive through one batch job, then deletes the archive', async () => {
	const logBefore = (await emulator.adminCall<unknown[]>('GET', '/log')).length;
	const { run } = await n8n.execute(WORKFLOW_ID);
	expect(run.data.resultData.error).toBeUndefined();

	const listed = nodeRun(run, 'List').items.map((item) => String(item.json.path_display));
	expect(listed.sort()).toEqual(Array.from({ length: TMP_FILES }, (_unused, index) => tmpPath(index)).sort());
	const moved = nodeRun(run, 'Move').items.map((item) => item.json);
	expect(moved).toHaveLength(TMP_FILES);
	expect(moved.every((json) => String(json.path_display).startsWith('/E2E/Archive/scratch-'))).toBe(true);
	expect(nodeRun(run, 'Delete Archive').items).toHaveLength(1);

	for (let index = 0; index < TMP_FILES; index++) expect(await exists(tmpPath(index))).toBe(false);
	for (const path of KEPT_FILES) expect(await exists(path)).toBe(true);
	expect(await exists('/E2E/Archive/scratch-00.tmp')).toBe(false);

	const calls = (await emulator.adminCall<Array<{ route: string; status: number }>>('GET', '/log')).slice(logBefore);
	const count = (route: string) => calls.filter((call) => call.route === route && call.status === 200).length;
	expect(count('files/move_batch_v2')).toBe(1);
	expect(count('files/move_v2')).toBe(0);
	expect(count('files/delete_v2')).toBe(1);
});
