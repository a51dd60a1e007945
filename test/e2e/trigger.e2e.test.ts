/**
 * The Dropbox Suite Trigger in the real n8n 2.41 (`n8n start`, the workflow published): files written into the
 * emulator arrive downstream exactly once, in long-poll mode, across a SIGKILL and restart of n8n with changes
 * made while it was down; and the playground's example "When a file lands in /Inbox" files what lands there.
 */
import { startEmulatorProcess, type EmulatorProcess } from './support/emulator-process';
import { freePort } from './support/free-port';
import { N8nInstance } from './support/n8n-instance';
import { demoCredentials, inboxTriggerWorkflow } from './support/playground-data';
import { arrivedChanges, startKillableN8n, triggerWorkflow, type ArrivedChange, type RunningN8n } from './trigger-support';

const WORKFLOW_ID = 'e2eTriggerWf00001';
const FOLDER = '/E2E-Trigger';

let emulator: EmulatorProcess;
let n8n: N8nInstance;
let server: RunningN8n | undefined;

beforeAll(async () => {
	emulator = await startEmulatorProcess(['--longpoll-jitter-ms', '0']);
	n8n = new N8nInstance(emulator);
	await n8n.importJson('credentials', demoCredentials(emulator));
	await write(`${FOLDER}/there-before.txt`, 'before activation');
	await write('/Inbox/already-there.txt', 'not moved: it was there before the workflow was published');
	for (const workflow of [triggerWorkflow(WORKFLOW_ID, FOLDER), inboxTriggerWorkflow()]) {
		await n8n.importJson('workflow', workflow);
		const published = await n8n.run(['publish:workflow', `--id=${workflow.id}`]);
		if (published.code !== 0) throw new Error(`n8n publish:workflow failed:\n${published.stdout}\n${published.stderr}`);
	}
});

afterAll(async () => {
	await server?.stop();
	await emulator?.stop();
	n8n?.cleanUp();
});

async function write(path: string, content: string): Promise<void> {
	await emulator.adminCall('POST', '/files', {
		account_id: emulator.demo.account_id,
		path,
		content_base64: Buffer.from(content).toString('base64'),
	});
}

async function logLength(): Promise<number> {
	return (await emulator.adminCall<unknown[]>('GET', '/log')).length;
}

/** Polls n8n until `count` executions have finished (or failed), and returns them all. */
async function waitForArrivals(client: RunningN8n, count: number, timeoutMs = 90_000): Promise<ArrivedChange[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const changes = await arrivedChanges(client, WORKFLOW_ID);
		const done = changes.filter((change) => change.status !== 'running' && change.status !== 'new');
		if (done.length >= count) return changes;
		if (Date.now() > deadline) throw new Error(`expected ${count} finished executions, got ${JSON.stringify(changes, null, 1)}`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

/**
 * Until the trigger is active: n8n activates published workflows some seconds after it answers, and an active
 * trigger first catches up (list_folder/continue) before it waits on the long-poll.
 */
async function waitUntilListening(client: RunningN8n, before: number): Promise<void> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const log = await emulator.adminCall<Array<{ route: string }>>('GET', '/log');
		if (log.slice(before).some((entry) => entry.route.includes('list_folder/continue'))) return;
		if (Date.now() > deadline) throw new Error(`the trigger never caught up with Dropbox; n8n printed:\n${client.output()}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

it('files arrive downstream exactly once, across a kill and restart of n8n with changes made while it was down', async () => {
	let mark = await logLength();
	server = await startKillableN8n(n8n, await freePort());
	await waitUntilListening(server, mark);
	for (const name of ['a', 'b', 'c']) await write(`${FOLDER}/${name}.txt`, `first run ${name}`);
	await waitForArrivals(server, 3);

	await server.kill();
	server = undefined;
	for (const name of ['d', 'e']) await write(`${FOLDER}/${name}.txt`, `while down ${name}`);
	await write(`${FOLDER}/a.txt`, 'a, changed while down');

	mark = await logLength();
	server = await startKillableN8n(n8n, await freePort());
	await waitUntilListening(server, mark);
	const changes = await waitForArrivals(server, 6);
	await new Promise((resolve) => setTimeout(resolve, 3000));
	const all = await arrivedChanges(server, WORKFLOW_ID);

	expect(all.every((change) => change.status === 'success')).toBe(true);
	const arrived = all.map((change) => `${String(change.downstream?.event)} ${String(change.downstream?.path_display)}`);
	expect(arrived).toEqual([
		`fileCreated ${FOLDER}/a.txt`,
		`fileCreated ${FOLDER}/b.txt`,
		`fileCreated ${FOLDER}/c.txt`,
		`fileCreated ${FOLDER}/d.txt`,
		`fileCreated ${FOLDER}/e.txt`,
		`fileUpdated ${FOLDER}/a.txt`,
	]);
	expect(changes.length).toBe(6);
	const revs = all.map((change) => `${String(change.downstream?.path_lower)} ${String(change.downstream?.rev)}`);
	expect(new Set(revs).size).toBe(6);
}, 400_000);

async function exists(path: string): Promise<boolean> {
	const query = new URLSearchParams({ account_id: emulator.demo.account_id, path });
	return await emulator.adminCall('GET', `/files?${query}`).then(
		() => true,
		() => false,
	);
}

it('the playground example "When a file lands in /Inbox" files each new file under /Processed', async () => {
	server ??= await startKillableN8n(n8n, await freePort());
	await write('/Inbox/invoice.pdf', 'an invoice');
	const deadline = Date.now() + 60_000;
	while (!(await exists('/Processed/invoice.pdf'))) {
		if (Date.now() > deadline) throw new Error(`/Processed/invoice.pdf never appeared; n8n printed:\n${server.output()}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	expect(await exists('/Inbox/invoice.pdf')).toBe(false);
	expect(await exists('/Inbox/already-there.txt')).toBe(true);
}, 120_000);

it('a kill in the middle of a burst starts no execution twice and loses no file', async () => {
	server ??= await startKillableN8n(n8n, await freePort());
	const before = (await arrivedChanges(server, WORKFLOW_ID)).length;
	const names = Array.from({ length: 40 }, (_, i) => `${FOLDER}/burst-${String(i).padStart(2, '0')}.txt`);
	for (const name of names) await write(name, name);
	await waitForArrivals(server, before + 8);
	await server.kill();

	const mark = await logLength();
	server = await startKillableN8n(n8n, await freePort());
	await waitUntilListening(server, mark);
	await waitForArrivals(server, before + names.length);
	await new Promise((resolve) => setTimeout(resolve, 3000));
	const burst = (await arrivedChanges(server, WORKFLOW_ID)).slice(before);
	// n8n marks an execution the kill interrupted as crashed and does not run it again: it still counts once. A crashed
	// execution may have been stored before its data (no trigger item to read): those are counted, not named.
	const named = burst.filter((change) => change.trigger !== undefined).map((change) => String(change.trigger?.path_display));
	const unnamed = burst.filter((change) => change.trigger === undefined);
	expect(unnamed.every((change) => change.status === 'crashed')).toBe(true);
	expect(new Set(named).size).toBe(named.length);
	expect(named.every((path) => names.includes(path))).toBe(true);
	expect(named.length + unnamed.length).toBe(names.length);
	const finished = burst.filter((change) => change.status === 'success');
	expect(finished.every((change) => change.downstream?.path_display === change.trigger?.path_display)).toBe(true);
	expect(burst.every((change) => ['success', 'crashed'].includes(change.status))).toBe(true);
}, 300_000);
