/**
 * The trigger part of `npm run bench`: how long from a file written into the emulator to the workflow's execution
 * starting in the real n8n 2.41 (`n8n start`, the workflow published), over 50 changes one after the other, in
 * long-poll mode and in poll mode on a 1-second schedule. Median and 95th percentile.
 */
import { startEmulatorProcess, type EmulatorProcess } from '../test/e2e/support/emulator-process';
import { freePort } from '../test/e2e/support/free-port';
import { N8nInstance } from '../test/e2e/support/n8n-instance';
import { demoCredentials } from '../test/e2e/support/playground-data';
import { startKillableN8n, triggerWorkflow, type RunningN8n } from '../test/e2e/trigger-support';

export const CHANGES = 50;

export interface LatencyRow {
	mode: 'longPoll' | 'poll';
	/** Milliseconds from each write to its execution's start, in write order. */
	latenciesMs: number[];
	outcome: string;
}

interface ExecutionSummary {
	id: string;
	startedAt: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function executions(server: RunningN8n, workflowId: string): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const list = await server.rest<{ results: ExecutionSummary[] }>('GET', `/executions?filter=${filter}&limit=100`);
	return list.results;
}

/**
 * Until the trigger has caught up with Dropbox (its first `list_folder/continue`; the emulator logs a call when it
 * ends, so a long-poll in progress is not in the log yet), and a little longer, for it to be waiting for news.
 */
async function waitUntilWatching(emulator: EmulatorProcess, before: number, server: RunningN8n): Promise<void> {
	const deadline = Date.now() + 90_000;
	for (;;) {
		const log = await emulator.adminCall<Array<{ route: string }>>('GET', '/log');
		const routes = log.slice(before).map((entry) => entry.route);
		if (routes.includes('files/list_folder/continue')) {
			await sleep(1500);
			return;
		}
		if (Date.now() > deadline) {
			throw new Error(`the trigger never started watching (Dropbox calls: ${routes.join(', ') || 'none'}); n8n: ${server.output().trim().split('\n').slice(-3).join(' / ')}`);
		}
		await sleep(250);
	}
}

async function measureMode(mode: LatencyRow['mode']): Promise<LatencyRow> {
	const emulator = await startEmulatorProcess();
	const n8n = new N8nInstance(emulator);
	let server: RunningN8n | undefined;
	const workflowId = mode === 'longPoll' ? 'benchTriggerLp01' : 'benchTriggerPo01';
	const folder = `/Bench-Trigger-${mode}`;
	const latenciesMs: number[] = [];
	try {
		await n8n.importJson('credentials', demoCredentials(emulator));
		// The watched folder must exist when the trigger starts.
		await emulator.adminCall('POST', '/files', { account_id: emulator.demo.account_id, path: `${folder}/already-there.txt`, content_base64: '' });
		const workflow = triggerWorkflow(workflowId, folder);
		const trigger = workflow.nodes[0] as { parameters: Record<string, unknown> };
		trigger.parameters = { ...trigger.parameters, events: ['fileCreated'], ...(mode === 'poll' ? { mode: 'poll', interval: 1, unit: 'seconds' } : {}) };
		await n8n.importJson('workflow', workflow);
		const published = await n8n.run(['publish:workflow', `--id=${workflowId}`]);
		if (published.code !== 0) throw new Error(`n8n publish:workflow failed: ${published.stderr}`);
		const before = (await emulator.adminCall<unknown[]>('GET', '/log')).length;
		server = await startKillableN8n(n8n, await freePort());
		await waitUntilWatching(emulator, before, server);
		for (let index = 0; index < CHANGES; index++) {
			const written = Date.now();
			await emulator.adminCall('POST', '/files', {
				account_id: emulator.demo.account_id,
				path: `${folder}/change-${String(index).padStart(2, '0')}.txt`,
				content_base64: Buffer.from(`change ${index}`).toString('base64'),
			});
			const deadline = Date.now() + 30_000;
			let started: number | undefined;
			while (started === undefined) {
				// An execution n8n has queued but not started yet has no start time.
				const starts = (await executions(server, workflowId)).map((execution) => Date.parse(execution.startedAt)).filter(Number.isFinite);
				if (starts.length > index) started = Math.max(...starts);
				else if (Date.now() > deadline) throw new Error(`change ${index} started no execution within 30 s`);
				else await sleep(25);
			}
			latenciesMs.push(started - written);
			// A pause, so that each change is measured on its own and not caught with the previous one.
			await sleep(300);
		}
		return { mode, latenciesMs, outcome: 'ok' };
	} catch (error) {
		return { mode, latenciesMs, outcome: error instanceof Error ? error.message : String(error) };
	} finally {
		await server?.stop();
		await emulator.stop();
		n8n.cleanUp();
	}
}

export async function triggerLatency(): Promise<LatencyRow[]> {
	console.log(`\n== trigger latency: ${CHANGES} files written one after the other`);
	const rows: LatencyRow[] = [];
	for (const mode of ['longPoll', 'poll'] as const) {
		const row = await measureMode(mode);
		const { median, p95 } = percentiles(row.latenciesMs);
		console.log(`trigger ${mode.padEnd(8)} median ${median ?? '—'} ms  p95 ${p95 ?? '—'} ms  ${row.outcome}`);
		rows.push(row);
	}
	return rows;
}

function percentiles(values: number[]): { median?: number; p95?: number } {
	if (values.length === 0) return {};
	const sorted = [...values].sort((a, b) => a - b);
	const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
	return { median: at(0.5), p95: at(0.95) };
}

export function triggerTable(rows: LatencyRow[]): string {
	const lines = ['| mode | changes | median (ms) | 95th percentile (ms) | slowest (ms) | outcome |', '|---|---:|---:|---:|---:|---|'];
	for (const row of rows) {
		const { median, p95 } = percentiles(row.latenciesMs);
		const name = row.mode === 'longPoll' ? 'long-poll (instant)' : 'poll, every second';
		lines.push(`| ${name} | ${row.latenciesMs.length} | ${median ?? ''} | ${p95 ?? ''} | ${row.latenciesMs.length ? Math.max(...row.latenciesMs) : ''} | ${row.outcome.replace(/\|/g, '\\|').slice(0, 160)} |`);
	}
	return lines.join('\n');
}
