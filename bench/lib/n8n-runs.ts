/**
 * One `n8n execute` of a workflow in the real n8n, measured: n8n's own timing of each node (from the run's data),
 * the wall time, and the peak resident memory of n8n's process (GNU time). A run that exceeds its time limit is
 * ended and reported as such, so that one stuck contender cannot stall the benchmark.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type { ExecutionOutput } from '../../test/e2e/support/n8n-instance';
import { TunableN8n, nodeRun } from '../../test/e2e/support/transfer-workflows';

export interface MeasuredRun {
	/** The run's JSON, when n8n printed one. */
	run?: ExecutionOutput;
	wallS: number;
	peakRssMiB?: number;
	/** Why the run failed: n8n's error message, a node's error, or how the process ended. */
	failure?: string;
	timedOut: boolean;
}

const GNU_TIME = '/usr/bin/time';

export async function measuredExecute(n8n: TunableN8n, workflowId: string, timeLimitS: number): Promise<MeasuredRun> {
	if (!fs.existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} (GNU time) is needed to measure n8n's peak memory`);
	const [program, ...args] = [GNU_TIME, '-f', 'peak-rss-kib %M', ...n8n.command(['execute', `--id=${workflowId}`, '--rawOutput'])];
	const started = process.hrtime.bigint();
	// n8n's stdout goes to a file: through a pipe, n8n exits before a big run's JSON (80 MB for 100 000 items) is
	// written out, and the run would be cut short.
	const outFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-run-'));
	const outFile = path.join(outFolder, 'stdout.txt');
	const out = fs.openSync(outFile, 'w');
	// A process group of its own: GNU time, n8n and n8n's task runner end together when the time is up.
	const child = spawn(program, args, { env: n8n.env(), stdio: ['ignore', out, 'pipe'], detached: true });
	fs.closeSync(out);
	let stderr = '';
	child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		try {
			process.kill(-child.pid!, 'SIGKILL');
		} catch {
			// Already gone.
		}
	}, timeLimitS * 1000);
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	clearTimeout(timer);
	const stdout = fs.readFileSync(outFile, 'utf8');
	fs.rmSync(outFolder, { recursive: true, force: true });
	const wallS = Number(process.hrtime.bigint() - started) / 1e9;
	const rss = /peak-rss-kib (\d+)/.exec(stderr);
	const peakRssMiB = rss ? Number(rss[1]) / 1024 : undefined;
	const run = parseRun(stdout);
	let failure: string | undefined;
	if (timedOut) failure = `no result within ${timeLimitS} s (stopped)`;
	else if (!run) failure = `n8n printed no run (exit ${code}): ${lastLines(stderr + stdout)}`;
	else if (run.data.resultData.error) failure = run.data.resultData.error.message;
	return { run, wallS, peakRssMiB, failure, timedOut };
}

/** The node's own time and error within a run. */
export function nodeTiming(measured: MeasuredRun, node: string): { seconds?: number; error?: string } {
	if (!measured.run) return {};
	const task = nodeRun(measured.run, node);
	return {
		seconds: task.executionTimeMs === undefined ? undefined : task.executionTimeMs / 1000,
		error: task.error ? describeError(task.error as { message: string; description?: string; stack?: string }) : undefined,
	};
}

/** n8n's message, with the JavaScript error's kind when n8n passed a bare one on ("RangeError: …"). */
function describeError(error: { message: string; description?: string; stack?: string }): string {
	const kind = /^(\w*Error):/.exec(error.stack ?? '')?.[1];
	const message = kind && kind !== 'Error' && !error.message.startsWith(kind) ? `${kind}: ${error.message}` : error.message;
	return [message, error.description].filter(Boolean).join(' — ');
}

/** n8n's binary data of past runs: kept on disk (or in its database) after CLI runs, so cleared between them. */
export function clearBinaryData(n8n: TunableN8n): void {
	for (const folder of ['storage', 'binaryData']) {
		fs.rmSync(path.join(n8n.userFolder, '.n8n', folder), { recursive: true, force: true });
	}
}

/** Where n8n's filesystem mode keeps a binary, from its id (`filesystem-v2:<path under the storage folder>`). */
export function storedBinaryPath(n8n: TunableN8n, binaryId: string): string | undefined {
	const separator = binaryId.indexOf(':');
	if (separator < 0 || !binaryId.startsWith('filesystem')) return undefined;
	for (const folder of ['storage', 'binaryData']) {
		const candidate = path.join(n8n.userFolder, '.n8n', folder, binaryId.slice(separator + 1));
		if (fs.existsSync(candidate)) return candidate;
	}
	return undefined;
}

function parseRun(stdout: string): ExecutionOutput | undefined {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	// The run's JSON ends at the last line that is exactly "}": n8n may log a line after it.
	const end = lines.lastIndexOf('}');
	if (start < 0 || end < start) return undefined;
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionOutput;
	} catch {
		return undefined;
	}
}

function lastLines(text: string): string {
	return text.trim().split('\n').slice(-3).join(' / ').slice(0, 400);
}
