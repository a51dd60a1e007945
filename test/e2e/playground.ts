/**
 * npm run playground [-- --reset]: the real n8n with this package loaded, talking to the emulator with its
 * production URLs. Started by playground.sh, which has installed n8n and built the package. Keeps its state in
 * the playground folder across restarts: the emulator's account and files, n8n's database (workflows, credentials,
 * the owner); the example workflow and credentials are imported only when n8n does not have them. Prints the banner
 * once n8n signs the owner in. Ctrl-C stops n8n, then the emulator.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromiumCommandLine, serverKeyFingerprint } from './support/browser-command';
import { startEmulatorProcess, type EmulatorProcess } from './support/emulator-process';
import { idsInDatabase } from './support/n8n-database';
import { N8nInstance, runtimeDir } from './support/n8n-instance';
import { N8N_OUTPUT_ENV, routeN8nOutput } from './support/n8n-output';
import { signIn, spawnN8nServer } from './support/n8n-server';
import { banner } from './support/playground-banner';
import { demoCredentials, inboxTriggerWorkflow, playgroundWorkflow, playgroundWorkflows } from './support/playground-data';
import { PlaygroundFolder } from './support/playground-folder';
import { showProgress } from './support/progress-line';

const REPO_ROOT = path.resolve(__dirname, '../..');
const STOP_GRACE_MS = 30_000;

interface Settings {
	folder: string;
	port: number;
	reset: boolean;
}

function settings(argv: string[]): Settings {
	const unknown = argv.filter((arg) => arg !== '--reset');
	if (unknown.length > 0) throw new Error(`unknown argument ${unknown[0]}; the only one is --reset`);
	return {
		folder: path.resolve(process.env.PLAYGROUND_DIR ?? path.join(REPO_ROOT, '.playground')),
		port: Number(process.env.N8N_PORT ?? 5678),
		reset: argv.includes('--reset'),
	};
}

const say = (line: string) => process.stderr.write(`${line}\n`);
const expectedS = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** The emulator on the port it had last time, so that the printed browser command stays valid. */
async function startEmulator(folder: PlaygroundFolder): Promise<EmulatorProcess> {
	const dataDir = ['--data-dir', folder.emulatorDataDir];
	const saved = folder.savedEmulatorPort();
	let emulator: EmulatorProcess | undefined;
	if (saved) {
		emulator = await startEmulatorProcess([...dataDir, '--port', String(saved)]).catch(() => undefined);
		if (!emulator) say(`   port ${saved} is taken: the emulator gets another one, and the browser command below changes`);
	}
	emulator ??= await startEmulatorProcess(dataDir);
	folder.saveEmulatorPort(Number(new URL(emulator.url).port));
	return emulator;
}

/** The example credentials and workflows, where n8n does not have them yet: never over what the user changed. */
async function importMissing(n8n: N8nInstance, emulator: EmulatorProcess): Promise<void> {
	const credentials = demoCredentials(emulator);
	const haveCredentials = idsInDatabase(n8n, 'credentials_entity', credentials.map((credential) => credential.id));
	const workflows = playgroundWorkflows();
	const haveWorkflows = idsInDatabase(n8n, 'workflow_entity', workflows.map((workflow) => workflow.id));
	const missing = credentials.filter((credential) => !haveCredentials.has(credential.id));
	const missingWorkflows = workflows.filter((workflow) => !haveWorkflows.has(workflow.id));
	if (missing.length === 0 && missingWorkflows.length === 0) {
		say('   n8n has the example workflows and credentials from an earlier start: kept as they are');
		return;
	}
	const names = [...missing, ...missingWorkflows].map((entry) => `"${entry.name}"`);
	say(`   importing what n8n does not have yet: ${names.join(', ')}`);
	const progress = showProgress('importing the examples into n8n', expectedS('EXPECTED_IMPORT_S', 15), () => '');
	if (missing.length > 0) await n8n.importJson('credentials', missing);
	if (missingWorkflows.length > 0) await n8n.importJson('workflow', missingWorkflows);
	// The trigger example watches /Inbox, and a trigger on a folder that does not exist fails to start.
	if (missingWorkflows.some((workflow) => workflow.id === inboxTriggerWorkflow().id)) {
		await emulator.adminCall('POST', '/files', {
			account_id: emulator.demo.account_id,
			path: '/Inbox/Drop files here.txt',
			content_base64: Buffer.from('Files that land in this folder start the "When a file lands in /Inbox" workflow once it is published.\n').toString('base64'),
		});
	}
	progress.stop();
}

/** Stops n8n (once, gracefully: it finishes writing its database), then the emulator. */
function stopper(server: ChildProcess, emulator: EmulatorProcess, outputClosed: Promise<void>): () => Promise<void> {
	let stopping: Promise<void> | undefined;
	return () =>
		(stopping ??= (async () => {
			if (server.exitCode === null && server.signalCode === null) {
				const exited = once(server, 'exit');
				server.kill('SIGTERM');
				const timer = setTimeout(() => server.pid && process.kill(-server.pid, 'SIGKILL'), STOP_GRACE_MS);
				await exited;
				clearTimeout(timer);
			}
			await outputClosed;
			await emulator.stop();
		})());
}

async function main(): Promise<void> {
	const { folder: root, port, reset } = settings(process.argv.slice(2));
	fs.mkdirSync(root, { recursive: true });
	const folder = new PlaygroundFolder(root);
	if (reset) {
		folder.reset();
		say(`--reset: removed the kept state in ${root}; starting over`);
	}
	for (const leftover of folder.removeLeftovers()) say(`   removed ${leftover} (an import file an earlier playground left behind)`);

	const emulator = await startEmulator(folder);
	let n8n: N8nInstance;
	try {
		n8n = new N8nInstance(emulator, root);
		await importMissing(n8n, emulator);
	} catch (error) {
		await emulator.stop();
		throw error;
	}

	// Its own process group: a Ctrl-C in the terminal reaches the playground, which stops n8n exactly once.
	const server = spawnN8nServer(n8n, port, { stdio: ['ignore', 'pipe', 'pipe'], env: N8N_OUTPUT_ENV, detached: true });
	const output = routeN8nOutput(server, folder.n8nLog, (line) => say(`n8n: ${line}`));
	// n8n does not watch for us: should the playground end some other way than through `stop`, n8n ends too.
	process.once('exit', () => {
		if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
	});
	const stop = stopper(server, emulator, output.closed);
	let stopRequested = false;
	// A Ctrl-C under `npm run` arrives twice (from the terminal, and forwarded by npm): the second is no news.
	const onSignal = () => {
		if (stopRequested) return;
		stopRequested = true;
		say('stopping n8n and the emulator…');
		void stop().then(() => process.exit(0));
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
	server.once('exit', (code, signal) => {
		if (stopRequested) return;
		void stop().then(() => {
			say(`n8n stopped (${signal ?? `exit ${code}`}); its log: ${folder.n8nLog}`);
			process.exit(code ?? 0);
		});
	});

	const starting = showProgress('starting n8n', expectedS('EXPECTED_N8N_START_S', 20), output.latest, folder.n8nLog);
	const url = `http://localhost:${port}`;
	try {
		await signIn(url, 180_000, () => (server.exitCode !== null ? `n8n exited with ${server.exitCode} while starting` : undefined));
	} catch (error) {
		await stop();
		throw error;
	}
	starting.stop();

	const workflow = playgroundWorkflow();
	const workflowUrl = `${url}/workflow/${workflow.id}`;
	const fingerprint = await serverKeyFingerprint(emulator.url, fs.readFileSync(emulator.ca, 'utf8'));
	const n8nPackage = JSON.parse(fs.readFileSync(path.join(runtimeDir(), 'node_modules/n8n/package.json'), 'utf8')) as { version: string };
	console.log(
		banner({
			n8nVersion: n8nPackage.version,
			n8nUrl: url,
			workflowUrl,
			workflowName: workflow.name,
			emulatorUrl: emulator.url,
			emulatorAdmin: emulator.admin,
			demoAccountId: emulator.demo.account_id,
			browserCommand: chromiumCommandLine({
				emulatorPort: Number(new URL(emulator.url).port),
				fingerprint,
				profileDir: folder.browserProfile,
				openUrl: workflowUrl,
			}),
			folder: root,
			n8nLog: folder.n8nLog,
		}),
	);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
