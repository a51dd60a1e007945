/**
 * The emulator as its own process, started by its documented command line, seen only from outside:
 * its stdout line, HTTPS, signals and /proc. For tests of the CLI contract (CONTRIBUTING.md, "The emulator").
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';

export const REPO_ROOT = path.resolve(__dirname, '../..');

export interface EmulatorLine {
	url: string;
	ca: string;
	admin: string;
	demo: { app_key: string; app_secret: string; refresh_token: string; access_token: string; account_id: string };
}

export interface AdminAnswer<T = unknown> {
	status: number;
	body: T;
}

export interface EmulatorCli {
	/** The parsed stdout line, and the raw lines (exactly one is expected). */
	line: EmulatorLine;
	stdoutLines: string[];
	child: ChildProcess;
	/** The pid of the process that serves (under `tsx` or `npm`, a descendant of `child`). */
	serverPid(): number;
	/** A call to `/__admin` + `adminPath` over HTTPS, trusting the emulator's CA; never throws on a status. */
	admin<T = unknown>(method: 'GET' | 'POST', adminPath: string, body?: unknown): Promise<AdminAnswer<T>>;
	/**
	 * Sends `signal` to `child` and waits for it to end; then gives the serving process a few seconds
	 * to end too. `serverOutlived`: it did not (it is then killed with its whole process group).
	 */
	stop(signal: NodeJS.Signals): Promise<StopOutcome>;
	stderr(): string;
}

export interface StopOutcome {
	code: number | null;
	signal: NodeJS.Signals | null;
	serverOutlived: boolean;
}

export type Launch = { via: 'tsx'; args: string[] } | { via: 'npm'; args: string[] };

const START_TIMEOUT_MS = 20_000;
const SERVER_GRACE_MS = 5_000;

export async function startEmulatorCli(launch: Launch): Promise<EmulatorCli> {
	const [command, argv] =
		launch.via === 'tsx'
			? [path.join(REPO_ROOT, 'node_modules/.bin/tsx'), [path.join(REPO_ROOT, 'test/emulator/main.ts'), ...launch.args]]
			: ['npm', ['run', '--silent', 'emulator', '--', ...launch.args]];
	// A process group of its own, so that whatever happens the whole chain can be ended together.
	const child = spawn(command, argv, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let stderr = '';
	child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
	const stdoutLines: string[] = [];
	const lines = readline.createInterface({ input: child.stdout! });
	lines.on('line', (text) => stdoutLines.push(text));
	const exited = once(child, 'exit');

	const first = await Promise.race([
		once(lines, 'line').then(([text]) => text as string),
		exited.then(([code]) => Promise.reject(new Error(`emulator exited with ${String(code)} before its line: ${stderr}`))),
		new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no line within ${START_TIMEOUT_MS} ms: ${stderr}`)), START_TIMEOUT_MS).unref()),
	]).catch((error: unknown) => {
		killGroup(child.pid!);
		throw error;
	});
	const line = JSON.parse(first) as EmulatorLine;
	const server = serverPidUnder(child.pid!);
	const dispatcher = new Agent({ connect: { ca: fs.readFileSync(line.ca, 'utf8') } });

	return {
		line,
		stdoutLines,
		child,
		serverPid: () => server,
		async admin<T>(method: 'GET' | 'POST', adminPath: string, body?: unknown): Promise<AdminAnswer<T>> {
			const answer = await request(`${line.admin}${adminPath}`, {
				method,
				dispatcher,
				headers: body === undefined ? {} : { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await answer.body.text();
			return { status: answer.statusCode, body: (text === '' ? undefined : JSON.parse(text)) as T };
		},
		async stop(signal) {
			await dispatcher.close();
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			const [code, endSignal] = (await exited) as [number | null, NodeJS.Signals | null];
			for (let waited = 0; isRunning(server) && waited < SERVER_GRACE_MS; waited += 50) await sleep(50);
			const serverOutlived = isRunning(server);
			if (serverOutlived) killGroup(child.pid!);
			return { code, signal: endSignal, serverOutlived };
		},
		stderr: () => stderr,
	};
}

/** The deepest process in the single chain of children under `pid` (npm → sh → tsx → node). */
export function serverPidUnder(pid: number): number {
	let current = pid;
	for (;;) {
		const children = childrenOf(current);
		if (children.length !== 1) return current;
		current = children[0];
	}
}

export function childrenOf(pid: number): number[] {
	try {
		return fs
			.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
			.trim()
			.split(/\s+/)
			.filter(Boolean)
			.map(Number);
	} catch {
		return [];
	}
}

function killGroup(groupId: number): void {
	try {
		process.kill(-groupId, 'SIGKILL');
	} catch {
		// Already gone.
	}
}

/** Alive and not a zombie (a process whose parent is gone may stay a zombie when nothing reaps it). */
export function isRunning(pid: number): boolean {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
	} catch {
		return false;
	}
}

/** Peak resident memory of a process so far (VmHWM), in bytes. */
export function peakRssBytes(pid: number): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
	if (!match) throw new Error(`no VmHWM for process ${pid}`);
	return Number(match[1]) * 1024;
}
