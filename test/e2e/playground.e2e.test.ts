/**
 * `npm run playground` as a person uses it, in a folder and on a port of the test's own: progress while it starts,
 * the banner once n8n answers (not before), and nothing from n8n's failed calls to the internet. Then what the
 * person did in it survives a Ctrl-C and a restart: an edited workflow (not imported over again), a file in the
 * emulator (same id), the demo account, the emulator's port and key (so the printed browser command stays valid);
 * and no import file with secrets is left behind. `--reset` starts over. The three steps run in order, on one folder.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { adminClient } from './support/admin-client';
import { freePort } from './support/free-port';
import { signIn, type N8nClient } from './support/n8n-server';
import { BANNER_FIRST_LINE } from './support/playground-banner';
import { playgroundWorkflow, playgroundWorkflows } from './support/playground-data';
import { withPlayground, type RunningPlayground } from './support/playground-process';

interface WorkflowAnswer {
	name: string;
	versionId: string;
	nodes: Array<{ name: string; parameters: Record<string, unknown> }>;
	connections: Record<string, unknown>;
}

const EXAMPLE = playgroundWorkflow();
const EDITED_NAME = 'My Dropbox backup (edited)';
const FILE = { path: '/Kept/notes.txt', content: 'written before the restart' };

let folder: string;
let port: number;
let firstRun: { banner: RunningPlayground['banner']; fileId: string } | undefined;

beforeAll(async () => {
	folder = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-e2e-'));
	port = await freePort();
});

afterAll(() => {
	fs.rmSync(folder, { recursive: true, force: true });
});

function start(args: string[], use: (playground: RunningPlayground) => Promise<void>): Promise<void> {
	return withPlayground({ folder, port, args }, use);
}

function admin(playground: RunningPlayground) {
	return adminClient(playground.banner.emulatorAdmin, path.join(folder, 'emulator/emulator-ca.pem'));
}

/** Import files hold the credentials' secrets in plain text: none may stay (n8n's editor files aside). */
function importFilesLeft(): string[] {
	return fs
		.readdirSync(folder, { recursive: true, encoding: 'utf8' })
		.filter((name) => /(^|\/)credentials[^/]*\.json$/.test(name) && !name.startsWith('.cache/n8n/public/'));
}

async function owner(playground: RunningPlayground): Promise<N8nClient> {
	return signIn(playground.banner.n8nUrl, 10_000);
}

it('shows progress while it starts, then the banner once n8n answers, without internet noise', async () => {
	await start([], async (playground) => {
		const output = playground.output();
		expect(output).toMatch(/-> building the package \(about \d+:\d\d\); log: \S+\/logs\/build\.log/);
		expect(output).toMatch(/-> importing the examples into n8n \(about \d+:\d\d\)/);
		expect(output).toMatch(/\[0:\d\d of about \d+:\d\d\] starting n8n/);
		expect(output.indexOf('starting n8n: done in')).toBeLessThan(output.indexOf(BANNER_FIRST_LINE));
		expect(output).not.toMatch(/ENOTFOUND|getaddrinfo|Error:/);

		const { banner } = playground;
		expect(banner.n8nUrl).toBe(`http://localhost:${port}`);
		expect(banner.workflowUrl).toBe(`http://localhost:${port}/workflow/${EXAMPLE.id}`);
		expect(banner.browserCommand).toContain('--host-resolver-rules=');
		expect(fs.readFileSync(banner.n8nLog, 'utf8')).toMatch(/Editor is now accessible/);
		expect((await fetch(banner.workflowUrl)).status).toBe(200);

		const client = await owner(playground);
		const workflow = await client.rest<WorkflowAnswer>('GET', `/workflows/${EXAMPLE.id}`);
		expect(workflow.name).toBe(EXAMPLE.name);
		// Every example is there, not only the one the banner opens.
		for (const other of playgroundWorkflows().slice(1)) {
			expect((await client.rest<WorkflowAnswer>('GET', `/workflows/${other.id}`)).name).toBe(other.name);
		}
		const nodes = workflow.nodes.map((node) =>
			node.name === 'Get a file' ? { ...node, parameters: { ...node.parameters, path: { __rl: true, mode: 'path', value: FILE.path } } } : node,
		);
		await client.rest('PATCH', `/workflows/${EXAMPLE.id}`, {
			versionId: workflow.versionId,
			name: EDITED_NAME,
			nodes,
			connections: workflow.connections,
		});

		const emulator = admin(playground);
		// The trigger example's folder is there, so that publishing it starts it.
		const inbox = await emulator.call(
			'GET',
			`/files?account_id=${encodeURIComponent(banner.demoAccountId)}&path=${encodeURIComponent('/Inbox/Drop files here.txt')}`,
		);
		expect(inbox.status).toBe(200);
		const seeded = await emulator.call<{ id: string }>('POST', '/files', {
			account_id: banner.demoAccountId,
			path: FILE.path,
			content_base64: Buffer.from(FILE.content).toString('base64'),
		});
		await emulator.close();
		expect(seeded.status).toBe(200);
		firstRun = { banner, fileId: seeded.body.id };
		expect(importFilesLeft()).toEqual([]);
	});
});

it('keeps the edited workflow, the credentials, the files and the browser command across a restart', async () => {
	if (!firstRun) throw new Error('the first start failed');
	const before = firstRun;
	await start([], async (playground) => {
		const output = playground.output();
		expect(output).toContain('n8n has the example workflows and credentials from an earlier start: kept as they are');
		expect(output).not.toContain('importing');
		expect(playground.banner).toEqual(before.banner);

		const client = await owner(playground);
		const workflow = await client.rest<WorkflowAnswer>('GET', `/workflows/${EXAMPLE.id}`);
		expect(workflow.name).toBe(EDITED_NAME);
		const getFile = workflow.nodes.find((node) => node.name === 'Get a file');
		expect(getFile?.parameters.path).toMatchObject({ value: FILE.path });
		const credentials = await client.rest<Array<{ name: string }>>('GET', '/credentials');
		expect(credentials.map((credential) => credential.name).sort()).toEqual(['Dropbox demo (OAuth2)', 'Dropbox demo (app key)']);

		const emulator = admin(playground);
		const file = await emulator.call<{ id: string; size: number }>(
			'GET',
			`/files?account_id=${encodeURIComponent(playground.banner.demoAccountId)}&path=${encodeURIComponent(FILE.path)}`,
		);
		await emulator.close();
		expect(file).toMatchObject({ status: 200, body: { id: before.fileId, size: FILE.content.length } });
		expect(importFilesLeft()).toEqual([]);
	});
});

it('starts over with --reset', async () => {
	await start(['--reset'], async (playground) => {
		expect(playground.output()).toContain('--reset: removed the kept state');
		expect(playground.banner.demoAccountId).not.toBe(firstRun?.banner.demoAccountId);

		const client = await owner(playground);
		expect((await client.rest<WorkflowAnswer>('GET', `/workflows/${EXAMPLE.id}`)).name).toBe(EXAMPLE.name);
		const emulator = admin(playground);
		const file = await emulator.call(
			'GET',
			`/files?account_id=${encodeURIComponent(playground.banner.demoAccountId)}&path=${encodeURIComponent(FILE.path)}`,
		);
		await emulator.close();
		expect(file.status).toBe(404);
		expect(importFilesLeft()).toEqual([]);
	});
});
