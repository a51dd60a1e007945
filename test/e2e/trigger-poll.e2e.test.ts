/**
 * The Dropbox Suite Trigger on a schedule (poll mode, every second) in the real n8n 2.41: files written into the
 * emulator arrive downstream exactly once, across a SIGKILL and restart of n8n with changes made while it was down.
 * The long-poll mode's own tests are in trigger.e2e.test.ts.
 */
import { startEmulatorProcess, type EmulatorProcess } from './support/emulator-process';
import { freePort } from './support/free-port';
import { N8nInstance } from './support/n8n-instance';
import { demoCredentials } from './support/playground-data';
import { arrivedChanges, startKillableN8n, triggerWorkflow, type ArrivedChange, type RunningN8n } from './trigger-support';

const WORKFLOW_ID = 'e2eTriggerPoll01';
const FOLDER = '/E2E-Trigger-Poll';

let emulator: EmulatorProcess;
let n8n: N8nInstance;
let server: RunningN8n | undefined;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function write(path: string, content: string): Promise<void> {
	await emulator.adminCall('POST', '/files', {
		account_id: emulator.demo.account_id,
		path,
		content_base64: Buffer.from(content).toString('base64'),
	});
}

beforeAll(async () => {
	emulator = await startEmulatorProcess();
	n8n = new N8nInstance(emulator);
	await n8n.importJson('credentials', demoCredentials(emulator));
	await write(`${FOLDER}/there-before.txt`, 'before activation');
	const workflow = triggerWorkflow(WORKFLOW_ID, FOLDER);
	const trigger = workflow.nodes[0] as { parameters: Record<string, unknown> };
	trigger.parameters = { ...trigger.parameters, mode: 'poll', interval: 1, unit: 'seconds' };
	await n8n.importJson('workflow', workflow);
	const published = await n8n.run(['publish:workflow', `--id=${WORKFLOW_ID}`]);
	if (published.code !== 0) throw new Error(`n8n publish:workflow failed:\n${published.stdout}\n${published.stderr}`);
});

afterAll(async () => {
	await server?.stop();
	await emulator?.stop();
	n8n?.cleanUp();
});

/** Until the schedule has run twice: the first round takes the starting cursor, the next asks for changes. */
async function waitUntilPolling(client: RunningN8n, before: number): Promise<void> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const log = await emulator.adminCall<Array<{ route: string }>>('GET', '/log');
		if (log.slice(before).filter((entry) => entry.route === 'files/list_folder/continue').length >= 2) return;
		if (Date.now() > deadline) throw new Error(`the trigger never polled Dropbox; n8n printed:\n${client.output()}`);
		await pause(500);
	}
}

async function waitForArrivals(client: RunningN8n, count: number): Promise<ArrivedChange[]> {
	const deadline = Date.now() + 90_000;
	for (;;) {
		const changes = await arrivedChanges(client, WORKFLOW_ID);
		if (changes.filter((change) => change.status !== 'running' && change.status !== 'new').length >= count) return changes;
		if (Date.now() > deadline) throw new Error(`expected ${count} finished executions, got ${JSON.stringify(changes, null, 1)}`);
		await pause(1000);
	}
}

const logLength = async () => (await emulator.adminCall<unknown[]>('GET', '/log')).length;

it('polls every second; files arrive exactly once across a kill and restart with changes made while n8n was down', async () => {
	let mark = await logLength();
	server = await startKillableN8n(n8n, await freePort());
	await waitUntilPolling(server, mark);
	for (const name of ['a', 'b']) await write(`${FOLDER}/${name}.txt`, `first run ${name}`);
	await waitForArrivals(server, 2);

	await server.kill();
	server = undefined;
	await write(`${FOLDER}/c.txt`, 'while down');
	await write(`${FOLDER}/a.txt`, 'a, changed while down');

	mark = await logLength();
	server = await startKillableN8n(n8n, await freePort());
	await waitUntilPolling(server, mark);
	await waitForArrivals(server, 4);
	await pause(3000);
	const all = await arrivedChanges(server, WORKFLOW_ID);

	expect(all.every((change) => change.status === 'success')).toBe(true);
	expect(all.map((change) => `${String(change.downstream?.event)} ${String(change.downstream?.path_display)}`)).toEqual([
		`fileCreated ${FOLDER}/a.txt`,
		`fileCreated ${FOLDER}/b.txt`,
		`fileCreated ${FOLDER}/c.txt`,
		`fileUpdated ${FOLDER}/a.txt`,
	]);
}, 300_000);
