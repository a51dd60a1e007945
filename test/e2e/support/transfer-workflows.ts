/**
 * Workflows that move files between disk and Dropbox in the real n8n, for the transfer tests and the benchmarks:
 * n8n's Read/Write Files from Disk node on one side, our node or n8n's built-in Dropbox node on the other. Also an
 * n8n instance whose environment can be changed between runs (the binary data mode).
 */
import type { EmulatorInfo } from './emulator-process';
import { N8nInstance, PACKAGE_NAME, type ExecutionOutput } from './n8n-instance';
import { APP_CREDENTIAL, demoCredentials } from './playground-data';

/** An n8n whose runs get `extraEnv` on top of the suite's environment (n8n reads it at every start). */
export class TunableN8n extends N8nInstance {
	extraEnv: NodeJS.ProcessEnv = {};

	override env(): NodeJS.ProcessEnv {
		return { ...super.env(), ...this.extraEnv };
	}
}

/** n8n's built-in node, with an app-folder access-token credential: it then never looks up a root namespace. */
export const BUILTIN_CREDENTIAL = { id: 'benchBuiltinTok1', name: 'Dropbox access token, app folder (built-in node)' };

/** Our two credentials plus the built-in node's, all for the emulator's demo account. */
export function transferCredentials(emulator: EmulatorInfo) {
	return [
		...demoCredentials(emulator),
		{ ...BUILTIN_CREDENTIAL, type: 'dropboxApi', data: { accessToken: emulator.demo.access_token, accessType: 'folder' } },
	];
}

export type Contender = 'suite' | 'builtin';

type WorkflowNode = Record<string, unknown> & { name: string };

const start: WorkflowNode = {
	id: 'transfer-start',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** n8n's Read/Write Files from Disk, reading every file the pattern matches (one item each, binary field `data`). */
export function readFromDisk(name: string, fileSelector: string): WorkflowNode {
	return {
		id: `transfer-${slug(name)}`,
		name,
		type: 'n8n-nodes-base.readWriteFile',
		typeVersion: 1.1,
		position: [0, 0],
		parameters: { operation: 'read', fileSelector, options: {} },
	};
}

/** n8n's Read/Write Files from Disk, writing the item's binary field `data` to `fileName`. */
export function writeToDisk(name: string, fileName: string): WorkflowNode {
	return {
		id: `transfer-${slug(name)}`,
		name,
		type: 'n8n-nodes-base.readWriteFile',
		typeVersion: 1.1,
		position: [0, 0],
		parameters: { operation: 'write', fileName, dataPropertyName: 'data', options: {} },
	};
}

/**
 * An upload of each item's binary field `data`. `path` is the file's path, or a folder ending in "/" into which
 * each file goes under its own name (for the built-in node, which has no such mode, by an expression).
 */
export function uploadNode(contender: Contender, name: string, path: string, options: Record<string, unknown> = {}): WorkflowNode {
	if (contender === 'builtin') {
		const target = path.endsWith('/') ? `={{ ${JSON.stringify(path)} + $binary.data.fileName }}` : path;
		return builtinNode(name, { operation: 'upload', path: target, binaryData: true, binaryPropertyName: 'data' });
	}
	return suiteNode(name, {
		resource: 'file',
		operation: 'upload',
		path: { __rl: true, mode: 'path', value: path },
		inputType: 'binary',
		binaryPropertyName: 'data',
		options: { writeMode: 'overwrite', ...options },
	});
}

/** A download of `path` into the binary field `data`. */
export function downloadNode(contender: Contender, name: string, path: string): WorkflowNode {
	if (contender === 'builtin') return builtinNode(name, { operation: 'download', path, binaryPropertyName: 'data' });
	return suiteNode(name, {
		resource: 'file',
		operation: 'download',
		path: { __rl: true, mode: 'path', value: path },
		binaryPropertyName: 'data',
		options: {},
	});
}

/** Start, then the given nodes one after the other. */
export function chainWorkflow(id: string, name: string, nodes: WorkflowNode[]) {
	const all = [start, ...nodes].map((node, index) => ({ ...node, position: [index * 220, 0] }));
	const connections: Record<string, unknown> = {};
	for (let index = 0; index + 1 < all.length; index++) {
		connections[all[index].name] = { main: [[{ node: all[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes: all, connections };
}

/** How a node's first run went: n8n's own timing of it, its output items, and its error. */
export function nodeRun(run: ExecutionOutput, node: string) {
	const task = run.data.resultData.runData[node]?.[0] as
		| { executionTime?: number; error?: { message: string; description?: string }; data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> } }
		| undefined;
	return {
		ran: task !== undefined,
		executionTimeMs: task?.executionTime,
		error: task?.error,
		items: task?.data?.main[0] ?? [],
	};
}

/** Our node with the app credential and the given parameters. */
export function suiteNode(name: string, parameters: Record<string, unknown>): WorkflowNode {
	return {
		id: `transfer-${slug(name)}`,
		name,
		type: `${PACKAGE_NAME}.dropboxSuite`,
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: 'appApi', ...parameters },
		credentials: { dropboxSuiteAppApi: APP_CREDENTIAL },
	};
}

/** n8n's built-in Dropbox node with the app-folder access-token credential and the given parameters. */
export function builtinNode(name: string, parameters: Record<string, unknown>): WorkflowNode {
	return {
		id: `transfer-${slug(name)}`,
		name,
		type: 'n8n-nodes-base.dropbox',
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: 'accessToken', ...parameters },
		credentials: { dropboxApi: BUILTIN_CREDENTIAL },
	};
}

function slug(name: string): string {
	return name.toLowerCase().replace(/\W+/g, '-');
}
