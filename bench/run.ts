/**
 * `npm run bench [-- --skip-1gib] [--sizes 10,100] [--database-sizes 10] [--skip-backup] [--skip-files-folders] [--skip-trigger] [--out <file>]`: our node against n8n's built-in Dropbox node in the real n8n
 * 2.41, and curl against the same emulator as the physical limit, in one run on one machine. Uploads and downloads
 * of 10 MiB, 100 MiB and 1 GiB in n8n's `filesystem` binary data mode (its default) and, up to 100 MiB (1 GiB to
 * record how it fails), in its `database` mode; then a backup of 1000 files of 10 KiB with 30 ms of latency added
 * to every request. Prints the figures as it goes and writes them to BENCHMARKS.md. Benchmarks do not pass or fail.
 * Then a listing of 100 000 entries and 1000 moves (./files-folders.ts), and the trigger's latency
 * (./trigger-latency.ts).
 * `--sizes` / `--database-sizes` (MiB, comma-separated, may be empty), `--skip-backup`, `--skip-files-folders` and `--skip-trigger` run a part, for a quick
 * look at one change: write such a run elsewhere (`--out`), BENCHMARKS.md holds full runs.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { contentHashOf } from '../test/emulator/files/content-hash';
import { generatedFile } from '../test/support/files/generated-file';
import { startEmulatorProcess, type EmulatorInfo, type EmulatorProcess } from '../test/e2e/support/emulator-process';
import {
	TunableN8n,
	chainWorkflow,
	downloadNode,
	nodeRun,
	readFromDisk,
	transferCredentials,
	uploadNode,
} from '../test/e2e/support/transfer-workflows';
import { curlBackup, curlDownload, curlUpload, type CurlTarget } from './lib/curl';
import { describeMachine } from './lib/machine';
import { clearBinaryData, measuredExecute, nodeTiming, storedBinaryPath, type MeasuredRun } from './lib/n8n-runs';
import { backupTable, machineTable, progressLine, transferTable, type Contender, type Row } from './lib/report';
import { fileContentHash } from './lib/hash-file';
import { filesFoldersTable, listing, moves, LIST_ENTRIES, MOVES } from './files-folders';
import { triggerLatency, triggerTable, CHANGES, type LatencyRow } from './trigger-latency';

const MIB = 1024 * 1024;
const REPO = path.resolve(__dirname, '..');
const NOOP_BYTES = 1024;
const BACKUP_FILES = 1000;
const BACKUP_FILE_BYTES = 10 * 1024;
const BACKUP_LATENCY_MS = 30;
/** A run that takes longer than this is stopped and recorded as such. */
const TIME_LIMIT_S = 900;

interface Options {
	large: boolean;
	sizes?: number[];
	databaseSizes?: number[];
	backup: boolean;
	filesFolders: boolean;
	trigger: boolean;
	out: string;
}

function sizeList(text: string | undefined): number[] {
	const sizes = (text ?? '').split(',').filter(Boolean).map(Number);
	if (sizes.some((size) => !Number.isInteger(size) || size <= 0)) throw new Error(`sizes are whole MiB: ${text}`);
	return sizes;
}

function parseOptions(argv: string[]): Options {
	const options: Options = { large: true, backup: true, filesFolders: true, trigger: true, out: path.join(REPO, 'BENCHMARKS.md') };
	for (let index = 0; index < argv.length; index++) {
		if (argv[index] === '--skip-1gib') options.large = false;
		else if (argv[index] === '--sizes') options.sizes = sizeList(argv[++index]);
		else if (argv[index] === '--database-sizes') options.databaseSizes = sizeList(argv[++index]);
		else if (argv[index] === '--skip-backup') options.backup = false;
		else if (argv[index] === '--skip-files-folders') options.filesFolders = false;
		else if (argv[index] === '--skip-trigger') options.trigger = false;
		else if (argv[index] === '--out') options.out = path.resolve(argv[++index]);
		else throw new Error(`unknown option ${argv[index]} (known: --skip-1gib, --sizes, --database-sizes, --skip-backup, --skip-files-folders, --skip-trigger, --out <file>)`);
	}
	return options;
}

type Account = EmulatorInfo['demo'];

/** An n8n with our package, the three credentials of a fresh account (no quota in the way), and a folder for files. */
async function benchN8n(emulator: EmulatorProcess): Promise<{ n8n: TunableN8n; account: Account; files: string }> {
	const account = await emulator.adminCall<Account>('POST', '/accounts', { quota_bytes: 2 ** 40 });
	const n8n = new TunableN8n(emulator);
	await n8n.importJson('credentials', transferCredentials({ ...emulator, demo: account }));
	// Under the user folder: n8n reads files only below N8N_RESTRICT_FILE_ACCESS_TO.
	const files = path.join(n8n.userFolder, 'bench-files');
	fs.mkdirSync(files, { recursive: true });
	return { n8n, account, files };
}

/** `prefix` + what tells the workflow apart, as n8n's 16-character workflow ids. */
function workflowId(...parts: Array<string | number>): string {
	const id = `bn${parts.join('')}x`;
	if (id.length > 16) throw new Error(`workflow id ${id} is too long`);
	return id.padEnd(16, 'x');
}

class Bench {
	readonly rows: Row[] = [];
	private readonly noops = new Map<string, number | undefined>();

	constructor(
		private readonly n8n: TunableN8n,
		private readonly emulator: EmulatorProcess,
		private readonly account: Account,
	) {}

	record(row: Row): void {
		this.rows.push(row);
		console.log(progressLine(row));
	}

	/** The peak RSS of the no-op run of a workflow kind, measured once per binary data mode. */
	async noopPeak(mode: string, key: string, workflow: string): Promise<number | undefined> {
		const cacheKey = `${mode}:${key}`;
		if (!this.noops.has(cacheKey)) {
			const run = await this.execute(workflow);
			if (run.failure) console.log(`   no-op run ${key} failed: ${run.failure}`);
			this.noops.set(cacheKey, run.failure ? undefined : run.peakRssMiB);
		}
		return this.noops.get(cacheKey);
	}

	async execute(workflow: string): Promise<MeasuredRun> {
		try {
			return await measuredExecute(this.n8n, workflow, TIME_LIMIT_S);
		} finally {
			clearBinaryData(this.n8n);
		}
	}

	/** Runs a workflow and turns it into a row: the named node's time, n8n's peak memory over the no-op's. */
	async measure(
		row: Omit<Row, 'seconds' | 'wallS' | 'peakMiB' | 'growthMiB' | 'outcome'>,
		workflow: string,
		node: string,
		noop: number | undefined,
		check: (run: MeasuredRun) => Promise<string>,
	): Promise<void> {
		let run: MeasuredRun | undefined;
		let outcome: string;
		try {
			run = await measuredExecute(this.n8n, workflow, TIME_LIMIT_S);
			const timing = nodeTiming(run, node);
			outcome = timing.error ?? run.failure ?? (await check(run));
			this.record({
				...row,
				seconds: timing.seconds,
				wallS: run.wallS,
				peakMiB: run.peakRssMiB,
				growthMiB: run.peakRssMiB !== undefined && noop !== undefined ? run.peakRssMiB - noop : undefined,
				outcome,
			});
		} finally {
			clearBinaryData(this.n8n);
		}
	}

	async storedHash(dropboxPath: string): Promise<string | undefined> {
		const query = `account_id=${encodeURIComponent(this.account.account_id)}&path=${encodeURIComponent(dropboxPath)}`;
		return await this.emulator.adminCall<{ content_hash: string }>('GET', `/files?${query}`).then(
			(stat) => stat.content_hash,
			() => undefined,
		);
	}

	/** Whether the downloaded binary n8n stored holds the file's bytes (checked where n8n keeps it on disk). */
	async downloadedOk(run: MeasuredRun, node: string, expectedHash: string, bytes: number): Promise<string> {
		const item = run.run ? (nodeRun(run.run, node).items[0] as { binary?: Record<string, { id?: string; bytes?: number }> } | undefined) : undefined;
		const binary = item?.binary?.data;
		if (!binary) return 'no binary in the output';
		const file = binary.id ? storedBinaryPath(this.n8n, binary.id) : undefined;
		if (file) return (await fileContentHash(file)) === expectedHash ? 'ok' : 'the stored bytes differ';
		// Database mode: n8n reports the size it stored.
		if (typeof binary.bytes === 'number') return binary.bytes === bytes ? 'ok' : `${binary.bytes} bytes stored, not ${bytes}`;
		return 'ok (unchecked)';
	}
}

async function transfers(bench: Bench, setup: { n8n: TunableN8n; files: string; emulator: EmulatorProcess; account: Account }, sizesMiB: number[], databaseSizesMiB: number[]) {
	const { n8n, files, emulator, account } = setup;
	const curlTarget: CurlTarget = { url: emulator.url, ca: emulator.ca, accessToken: account.access_token };
	const contenders: Array<Extract<Contender, 'suite' | 'builtin'>> = ['suite', 'builtin'];
	const letter = (contender: string) => (contender === 'suite' ? 'S' : 'B');

	// The no-op workflows: the same nodes, a 1 KiB file.
	fs.writeFileSync(path.join(files, 'noop.bin'), Buffer.alloc(NOOP_BYTES, 1));
	await emulator.adminCall('POST', '/files', { account_id: account.account_id, path: '/Bench/down-noop.bin', size: NOOP_BYTES });
	const workflows: unknown[] = [chainWorkflow(workflowId('Rd', 0), 'Read a 1 KiB file', [readFromDisk('Read', path.join(files, 'noop.bin'))])];
	for (const contender of contenders) {
		workflows.push(
			chainWorkflow(workflowId('Up', letter(contender), 0), `${contender}: upload 1 KiB`, [
				readFromDisk('Read', path.join(files, 'noop.bin')),
				uploadNode(contender, 'Upload', '/Bench/up-noop.bin'),
			]),
			chainWorkflow(workflowId('Dn', letter(contender), 0), `${contender}: download 1 KiB`, [downloadNode(contender, 'Download', '/Bench/down-noop.bin')]),
		);
	}
	const allSizes = [...new Set([...sizesMiB, ...databaseSizesMiB])].sort((a, b) => a - b);
	for (const mib of allSizes) {
		workflows.push(chainWorkflow(workflowId('Rd', mib), `Read ${mib} MiB`, [readFromDisk('Read', path.join(files, `up-${mib}.bin`))]));
		for (const contender of contenders) {
			workflows.push(
				chainWorkflow(workflowId('Up', letter(contender), mib), `${contender}: upload ${mib} MiB`, [
					readFromDisk('Read', path.join(files, `up-${mib}.bin`)),
					uploadNode(contender, 'Upload', `/Bench/up-${mib}.bin`),
				]),
				chainWorkflow(workflowId('Dn', letter(contender), mib), `${contender}: download ${mib} MiB`, [
					downloadNode(contender, 'Download', `/Bench/down-${mib}.bin`),
				]),
			);
		}
	}
	await n8n.importJson('workflow', workflows);

	for (const [mode, sizes] of [
		['filesystem', sizesMiB],
		['database', databaseSizesMiB],
	] as const) {
		n8n.extraEnv = { N8N_DEFAULT_BINARY_DATA_MODE: mode };
		console.log(`\n== n8n binary data mode: ${mode}`);
		for (const mib of sizes) {
			const bytes = mib * MIB;
			const source = path.join(files, `up-${mib}.bin`);
			let uploadHash: string;
			if (!fs.existsSync(source)) {
				const generated = await generatedFile(bytes, `bench-${mib}`);
				fs.renameSync(generated.path, source);
				generated.remove();
				uploadHash = generated.contentHash;
				fs.writeFileSync(`${source}.hash`, uploadHash);
				await emulator.adminCall('POST', '/files', { account_id: account.account_id, path: `/Bench/down-${mib}.bin`, size: bytes });
			} else {
				uploadHash = fs.readFileSync(`${source}.hash`, 'utf8');
			}
			const downloadHash = (await bench.storedHash(`/Bench/down-${mib}.bin`))!;

			await bench.measure(
				{ mode, direction: 'read', bytes, files: 1, contender: 'n8n-alone' },
				workflowId('Rd', mib),
				'Read',
				await bench.noopPeak(mode, 'read', workflowId('Rd', 0)),
				async () => 'ok',
			);
			for (const contender of contenders) {
				const upPath = `/Bench/up-${mib}.bin`;
				await emulator.adminCall('POST', '/files', { account_id: account.account_id, path: upPath, content_base64: '' });
				await bench.measure(
					{ mode, direction: 'upload', bytes, files: 1, contender },
					workflowId('Up', letter(contender), mib),
					'Upload',
					await bench.noopPeak(mode, `up-${contender}`, workflowId('Up', letter(contender), 0)),
					async () => ((await bench.storedHash(upPath)) === uploadHash ? 'ok' : 'the stored file differs'),
				);
				await bench.measure(
					{ mode, direction: 'download', bytes, files: 1, contender },
					workflowId('Dn', letter(contender), mib),
					'Download',
					await bench.noopPeak(mode, `down-${contender}`, workflowId('Dn', letter(contender), 0)),
					async (run) => await bench.downloadedOk(run, 'Download', downloadHash, bytes),
				);
			}
			if (mode === 'filesystem') {
				const up = await curlUpload(curlTarget, source, `/Bench/up-${mib}.bin`);
				const upOk = up.failure ?? ((await bench.storedHash(`/Bench/up-${mib}.bin`)) === uploadHash ? 'ok' : 'the stored file differs');
				bench.record({ mode: '-', direction: 'upload', bytes, files: 1, contender: 'curl', seconds: up.wallS, wallS: up.wallS, peakMiB: up.peakRssMiB, outcome: upOk });
				const target = path.join(files, `curl-down-${mib}.bin`);
				const down = await curlDownload(curlTarget, `/Bench/down-${mib}.bin`, target);
				const downOk = down.failure ?? ((await fileContentHash(target)) === downloadHash ? 'ok' : 'the downloaded bytes differ');
				fs.rmSync(target, { force: true });
				bench.record({ mode: '-', direction: 'download', bytes, files: 1, contender: 'curl', seconds: down.wallS, wallS: down.wallS, peakMiB: down.peakRssMiB, outcome: downOk });
			}
		}
	}
	n8n.extraEnv = {};
}

async function backup(bench: Bench, setup: { n8n: TunableN8n; files: string; emulator: EmulatorProcess; account: Account }) {
	const { n8n, files, emulator, account } = setup;
	console.log(`\n== backup: ${BACKUP_FILES} files of ${BACKUP_FILE_BYTES / 1024} KiB, ${BACKUP_LATENCY_MS} ms added to every request`);
	const folder = path.join(files, 'backup');
	const noopFolder = path.join(files, 'backup-noop');
	fs.mkdirSync(folder, { recursive: true });
	fs.mkdirSync(noopFolder, { recursive: true });
	const hashes = new Map<string, string>();
	for (let index = 0; index < BACKUP_FILES; index++) {
		const name = `file-${String(index).padStart(4, '0')}.bin`;
		const bytes = Buffer.alloc(BACKUP_FILE_BYTES);
		let state = index + 1;
		for (let offset = 0; offset < bytes.length; offset++) {
			state = (Math.imul(state, 1103515245) + 12345) >>> 0;
			bytes[offset] = state >>> 24;
		}
		fs.writeFileSync(path.join(folder, name), bytes);
		if (index === 0) fs.writeFileSync(path.join(noopFolder, name), bytes);
		hashes.set(name, contentHashOf(bytes));
	}
	const contenders: Array<Extract<Contender, 'suite' | 'builtin'>> = ['suite', 'builtin'];
	const target = (contender: string) => `/Backup-${contender}/`;
	const workflows: unknown[] = [];
	for (const contender of contenders) {
		workflows.push(
			chainWorkflow(workflowId('Bk', contender[0], 0), `${contender}: back up 1 file`, [
				readFromDisk('Read', path.join(noopFolder, '*.bin')),
				uploadNode(contender, 'Upload', '/Backup-noop/'),
			]),
			chainWorkflow(workflowId('Bk', contender[0], BACKUP_FILES), `${contender}: back up ${BACKUP_FILES} files`, [
				readFromDisk('Read', path.join(folder, '*.bin')),
				uploadNode(contender, 'Upload', target(contender)),
			]),
		);
	}
	await n8n.importJson('workflow', workflows);
	const allLanded = async (dropboxFolder: string): Promise<string> => {
		let wrong = 0;
		for (const [name, hash] of hashes) {
			if ((await bench.storedHash(`${dropboxFolder}${name}`)) !== hash) wrong++;
		}
		return wrong === 0 ? 'ok' : `${wrong} of ${BACKUP_FILES} files missing or different`;
	};
	for (const contender of contenders) {
		await bench.measure(
			{ mode: 'filesystem', direction: 'backup', bytes: BACKUP_FILES * BACKUP_FILE_BYTES, files: BACKUP_FILES, contender },
			workflowId('Bk', contender[0], BACKUP_FILES),
			'Upload',
			await bench.noopPeak('filesystem', `backup-${contender}`, workflowId('Bk', contender[0], 0)),
			async () => await allLanded(target(contender)),
		);
	}
	const curlTarget: CurlTarget = { url: emulator.url, ca: emulator.ca, accessToken: account.access_token };
	const sources = [...hashes.keys()].map((name) => path.join(folder, name));
	for (const [contender, parallel] of [
		['curl', 1],
		['curl-parallel', 8],
	] as const) {
		const dropboxFolder = `/Backup-${contender}/`;
		const outcome = await curlBackup(curlTarget, sources, dropboxFolder.slice(0, -1), parallel);
		bench.record({
			mode: '-',
			direction: 'backup',
			bytes: BACKUP_FILES * BACKUP_FILE_BYTES,
			files: BACKUP_FILES,
			contender,
			seconds: outcome.wallS,
			wallS: outcome.wallS,
			peakMiB: outcome.peakRssMiB,
			outcome: outcome.failure ?? (await allLanded(dropboxFolder)),
		});
	}
}

function markdown(
	command: string,
	started: Date,
	finished: Date,
	machine: ReturnType<typeof describeMachine>,
	rows: Row[],
	large: boolean,
	latencies: LatencyRow[],
): string {
	const minutes = ((finished.getTime() - started.getTime()) / 60000).toFixed(1);
	return `# Benchmarks

Written by \`${command}\` on ${started.toISOString().slice(0, 10)} (${minutes} minutes), in one run on one machine,
against one build of the package. Every figure comes from a single run: on a machine this size, times vary by
about ±20 % from run to run and n8n's peak memory by some tens of MiB.

${machineTable(machine)}

**What runs.** The real n8n ${machine.n8nVersion}, headless (\`n8n execute\`), with this package installed as a community
package and n8n's built-in Dropbox node unchanged (an app-folder access-token credential, so that it makes no
root-namespace lookup); both reach the Dropbox API emulator (\`test/emulator/\`) through the preload, with Dropbox's
production URLs. curl goes to the same emulator (\`--connect-to content.dropboxapi.com:443:127.0.0.1:<port>\`,
\`--cacert\`): one \`files/upload\` up to 148 MiB, an upload session of 148 MiB requests above that, one
\`files/download\`. Our node runs with its defaults (48 MiB chunks, 8 files at once). Uploads read the file with n8n's
Read/Write Files from Disk node; downloads end in n8n's binary data. Every transfer is checked: the stored file's
content hash for uploads, the bytes n8n stored (or their count, in database mode) for downloads.

**How it is measured.** *time*: n8n's own timing of the Dropbox node (the run data's \`executionTime\`), so n8n's
start-up and the Read node are not in it; for curl, its wall time. *n8n peak RSS*: GNU time's maximum resident
set size of the \`n8n execute\` process. *growth over no-op*: that peak minus the peak of the same workflow with a
1 KiB file, measured once per contender and binary data mode: what the transfer itself costs. *time ÷ built-in*,
*time ÷ curl*, *growth ÷ built-in*: our node's figure divided by theirs (below 1: ours is faster or smaller), only
where both transfers succeeded. "n8n alone" rows are n8n's Read/Write Files from Disk node reading the file, with no
Dropbox node: the floor n8n itself sets in each mode.${large ? '' : '\n\nThis run skipped the 1 GiB transfers (`--skip-1gib`).'}

## Uploads and downloads, n8n's \`filesystem\` binary data mode (its default)

${transferTable(rows, 'filesystem')}

## Uploads and downloads, n8n's \`database\` binary data mode (the default in queue mode)

n8n itself holds a whole file in memory in this mode, and refuses files over
\`N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE\` (512 MiB by default, 1024 at most).

${transferTable(rows, 'database')}

## Backup: ${BACKUP_FILES} files of ${BACKUP_FILE_BYTES / 1024} KiB, ${BACKUP_LATENCY_MS} ms added to every request

A second emulator, started with \`--latency-ms ${BACKUP_LATENCY_MS}\`: every request to Dropbox's hosts waits that long
before it is served, as across a network. n8n reads the folder with Read/Write Files from Disk (one item per file);
our node uploads the items 8 at once into upload sessions and commits them together with
\`upload_session/finish_batch_v2\`; the built-in node sends one \`files/upload\` per item, one after the other. curl runs
from one process that keeps its connections: one \`files/upload\` per file, one at a time; and our node's way, 8
upload sessions at once, then one \`finish_batch_v2\` (Dropbox, and the emulator, refuse overlapping single-file
writes to one account with \`too_many_write_operations\`, so 8 \`files/upload\` at once is no option).

${backupTable(rows)}

## Files and folders: listing ${LIST_ENTRIES} entries, moving ${MOVES} files

A listing of one folder of ${LIST_ENTRIES} empty files (all entries into n8n items; Dropbox's pages of up to 2000), on the
emulator without added latency; the growth is over listing a folder of one file. Then ${MOVES} files moved one input
item each (the items come from our List node, whose time is not counted: *time* is the Move node's own), on the
emulator with ${BACKUP_LATENCY_MS} ms added to every request: our node sends them in one \`files/move_batch_v2\` job and polls
\`move_batch/check_v2\`; the built-in node sends one \`files/move_v2\` per item, one after the other.

${filesFoldersTable(rows)}

## Trigger latency: a file written → the workflow running

The Dropbox Suite Trigger in the real n8n (\`n8n start\`, the workflow published), watching one folder for new files;
${CHANGES} files written into the emulator one after the other (300 ms apart, each once the previous one's execution
had started). *Latency*: from the write (the emulator's admin call returning) to the execution's \`startedAt\` as
n8n records it. Long-poll mode waits on \`list_folder/longpoll\`, which the emulator answers as soon as a change
lands; poll mode checks on a 1-second schedule.

${triggerTable(latencies)}
`;
}

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
	process.env.N8N_RUNTIME_DIR ||= execFileSync('bash', [path.join(REPO, 'test/e2e/install-n8n.sh')], { stdio: ['ignore', 'pipe', 'inherit'] })
		.toString()
		.trim();
	execFileSync('npm', ['run', '--silent', 'build'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
	const started = new Date();
	const sizes = options.sizes ?? (options.large ? [10, 100, 1024] : [10, 100]);
	const databaseSizes = options.databaseSizes ?? (options.large ? [10, 100, 1024] : [10, 100]);

	const emulators: EmulatorProcess[] = [];
	const instances: TunableN8n[] = [];
	const rows: Row[] = [];
	let latencies: LatencyRow[] = [];
	try {
		const emulator = await startEmulatorProcess();
		emulators.push(emulator);
		const setup = { emulator, ...(await benchN8n(emulator)) };
		instances.push(setup.n8n);
		const machine = describeMachine(setup.n8n.node, process.env.N8N_RUNTIME_DIR);
		console.log(`n8n ${machine.n8nVersion} on Node ${machine.n8nNode}; ${machine.cpus} CPUs, ${machine.ramGiB.toFixed(1)} GiB RAM`);
		const transferBench = new Bench(setup.n8n, emulator, setup.account);
		await transfers(transferBench, setup, sizes, databaseSizes);
		rows.push(...transferBench.rows);
		if (options.filesFolders) {
			const listBench = new Bench(setup.n8n, emulator, setup.account);
			await listing(listBench, setup);
			rows.push(...listBench.rows);
		}

		if (options.backup) {
			const slow = await startEmulatorProcess(['--latency-ms', String(BACKUP_LATENCY_MS)]);
			emulators.push(slow);
			const slowSetup = { emulator: slow, ...(await benchN8n(slow)) };
			instances.push(slowSetup.n8n);
			const backupBench = new Bench(slowSetup.n8n, slow, slowSetup.account);
			await backup(backupBench, slowSetup);
			rows.push(...backupBench.rows);
		}
		if (options.filesFolders) {
			const slow = emulators[1] ?? (await startEmulatorProcess(['--latency-ms', String(BACKUP_LATENCY_MS)]));
			if (!emulators.includes(slow)) emulators.push(slow);
			const slowSetup = { emulator: slow, ...(await benchN8n(slow)) };
			instances.push(slowSetup.n8n);
			const moveBench = new Bench(slowSetup.n8n, slow, slowSetup.account);
			await moves(moveBench, slowSetup, async (dropboxPath) => (await moveBench.storedHash(dropboxPath)) !== undefined);
			rows.push(...moveBench.rows);
		}

		if (options.trigger) latencies = await triggerLatency();
		fs.writeFileSync(options.out, markdown(command, started, new Date(), machine, rows, options.large, latencies));
		console.log(
			`\nfilesystem mode\n${transferTable(rows, 'filesystem')}\n\ndatabase mode\n${transferTable(rows, 'database')}\n\nbackup\n${backupTable(rows)}\n\nfiles and folders\n${filesFoldersTable(rows)}\n\ntrigger\n${triggerTable(latencies)}`,
		);
		console.log(`\nWritten to ${path.relative(process.cwd(), options.out) || options.out}`);
	} finally {
		for (const instance of instances) instance.cleanUp();
		for (const emulator of emulators) await emulator.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
