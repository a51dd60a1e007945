/** The Dropbox Suite Trigger in the real n8n: its workflow, a server that can be killed, and the executions it started. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { PACKAGE_NAME, runtimeDir, type N8nInstance } from './support/n8n-instance';
import { ownerEnv, signIn, type N8nClient } from './support/n8n-server';
import { APP_CREDENTIAL } from './support/playground-data';

/** Trigger (long-poll) → Downstream (No Operation): each execution's Downstream input is what arrived. */
export function triggerWorkflow(id: string, folder: string) {
	return {
		id,
		name: `Trigger on ${folder}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${id}-trigger`,
				name: 'Dropbox Suite Trigger',
				type: `${PACKAGE_NAME}.dropboxSuiteTrigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					authentication: 'appApi',
					mode: 'longPoll',
					path: { __rl: true, mode: 'path', value: folder },
					events: ['fileCreated', 'fileUpdated'],
				},
				credentials: { dropboxSuiteAppApi: APP_CREDENTIAL },
			},
			{ id: `${id}-downstream`, name: 'Downstream', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [200, 0], parameters: {} },
		],
		connections: { 'Dropbox Suite Trigger': { main: [[{ node: 'Downstream', type: 'main', index: 0 }]] } },
	};
}

export interface RunningN8n extends N8nClient {
	child: ChildProcess;
	/** What n8n printed, for a failure's message. */
	output(): string;
	/** SIGKILL: no shutdown, nothing saved on the way out. */
	kill(): Promise<void>;
	stop(): Promise<void>;
}

export async function startKillableN8n(n8n: N8nInstance, port: number): Promise<RunningN8n> {
	const [program, ...args] = n8n.command(['start']);
	const logFile = path.join(n8n.userFolder, `n8n-${port}.log`);
	const log = fs.openSync(logFile, 'w');
	const child = spawn(program, args, { env: { ...n8n.env(), ...ownerEnv(), N8N_PORT: String(port) }, stdio: ['ignore', log, log] });
	fs.closeSync(log);
	const ended = async (signal: NodeJS.Signals) => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill(signal);
		await once(child, 'exit');
	};
	const client = await signIn(`http://127.0.0.1:${port}`, 120_000, () =>
		child.exitCode !== null ? `n8n exited with ${child.exitCode} while starting` : undefined,
	);
	return {
		...client,
		child,
		output: () => fs.readFileSync(logFile, 'utf8'),
		kill: () => ended('SIGKILL'),
		stop: () => ended('SIGTERM'),
	};
}

export interface ArrivedChange {
	executionId: string;
	status: string;
	/** The trigger's item as the downstream node received it; undefined when the execution never reached it. */
	downstream?: Record<string, unknown>;
	trigger?: Record<string, unknown>;
}

type FlattedParse = (text: string) => unknown;
type RunData = Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>>;

/** Every execution of the workflow, oldest first, read through n8n's REST API (its data is stored "flatted"). */
export async function arrivedChanges(client: N8nClient, workflowId: string): Promise<ArrivedChange[]> {
	const flatted = require(path.join(runtimeDir(), 'node_modules/flatted')) as { parse: FlattedParse };
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const list = await client.rest<{ results: Array<{ id: string; status: string }> }>('GET', `/executions?filter=${filter}&limit=100`);
	const changes: ArrivedChange[] = [];
	for (const summary of [...list.results].sort((a, b) => Number(a.id) - Number(b.id))) {
		const execution = await client.rest<{ data: string; status: string }>('GET', `/executions/${summary.id}`);
		const data = flatted.parse(execution.data) as { resultData: { runData: RunData } };
		const first = (node: string) => data.resultData.runData[node]?.[0]?.data?.main?.[0]?.[0]?.json;
		changes.push({
			executionId: summary.id,
			status: execution.status,
			trigger: first('Dropbox Suite Trigger'),
			downstream: first('Downstream'),
		});
	}
	return changes;
}
