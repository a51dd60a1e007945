/**
 * The playground as a person starts it: `bash test/e2e/playground.sh` (what `npm run playground` runs), in a
 * folder and on a port of the test's own, stopped with Ctrl-C (SIGINT to its whole process group, as a terminal
 * sends it). Its output is read back as a person reads it: progress lines, then the banner.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as path from 'node:path';
import { BANNER_FIRST_LINE, BANNER_LAST_LINE } from './playground-banner';

const REPO_ROOT = path.resolve(__dirname, '../../..');

export interface Banner {
	n8nUrl: string;
	workflowUrl: string;
	emulatorUrl: string;
	emulatorAdmin: string;
	demoAccountId: string;
	/** The Chromium command line, exactly as printed. */
	browserCommand: string;
	n8nLog: string;
}

export interface RunningPlayground {
	banner: Banner;
	/** Everything printed so far, stdout and stderr in the order they came. */
	output(): string;
	/** Ctrl-C; resolves with the exit code once the playground has ended. */
	stop(): Promise<number | null>;
}

export interface PlaygroundOptions {
	folder: string;
	port: number;
	args?: string[];
	timeoutMs?: number;
}

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
	const child = spawn('bash', ['test/e2e/playground.sh', ...(options.args ?? [])], {
		cwd: REPO_ROOT,
		env: {
			...process.env,
			PLAYGROUND_DIR: options.folder,
			N8N_PORT: String(options.port),
			PLAYGROUND_PROGRESS_INTERVAL_S: '1',
		},
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
	const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) interruptGroup(child, 'SIGINT');
		const timer = setTimeout(() => interruptGroup(child, 'SIGKILL'), 60_000);
		const [code] = await exited;
		clearTimeout(timer);
		return code;
	};
	const deadline = Date.now() + (options.timeoutMs ?? 240_000);
	while (!output.includes(BANNER_LAST_LINE)) {
		if (child.exitCode !== null || Date.now() > deadline) {
			await stop();
			throw new Error(`the playground printed no banner (exit ${child.exitCode}):\n${output}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return { banner: parseBanner(output), output: () => output, stop };
}

function interruptGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	try {
		process.kill(-child.pid!, signal);
	} catch {
		// Already gone.
	}
}

export function parseBanner(output: string): Banner {
	const text = output.slice(output.lastIndexOf(BANNER_FIRST_LINE));
	const field = (pattern: RegExp) => {
		const match = pattern.exec(text);
		if (!match) throw new Error(`the banner has no ${pattern}:\n${text}`);
		return match;
	};
	const emulator = field(/^ {2}Emulator: +(\S+) +\(admin: (\S+); demo account (\S+)\)$/m);
	return {
		n8nUrl: field(/^ {2}Open: +(\S+)/m)[1],
		workflowUrl: field(/^ {2}Workflow: +(\S+)/m)[1],
		emulatorUrl: emulator[1],
		emulatorAdmin: emulator[2],
		demoAccountId: emulator[3],
		browserCommand: field(/^ {2}(\S*chrom\S* .*--ignore-certificate-errors-spki-list.*)$/m)[1],
		n8nLog: field(/^n8n's log: (\S+)/m)[1],
	};
}

/**
 * Starts the playground, lets `use` try it, and stops it with Ctrl-C whatever happened; checks that it ended
 * cleanly and took n8n and the emulator with it.
 */
export async function withPlayground(options: PlaygroundOptions, use: (playground: RunningPlayground) => Promise<void>): Promise<void> {
	const playground = await startPlayground(options);
	try {
		await use(playground);
	} finally {
		const code = await playground.stop();
		await expect(fetch(playground.banner.n8nUrl)).rejects.toThrow();
		await expect(fetch(`${playground.banner.emulatorAdmin}/log`)).rejects.toThrow();
		expect(code).toBe(0);
	}
}
