import { WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	ICredentialType,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IRunData,
	IWorkflowBase,
	NodeOutput,
} from 'n8n-workflow';
import { createRunExecutionData, UnexpectedError, Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { readBinary } from './binary';
import { CredentialTypeRegistry } from './credential-types';
import type { StoredCredential } from './credentials-helper';
import { HarnessCredentialsHelper } from './credentials-helper';
import { EMIT_ITEMS_NODE_TYPE, EmitItemsNode } from './emit-items.node';
import { getHarnessEnvironment } from './environment';
import type { LoggedProblem } from './environment';
import { HarnessNodeTypes } from './node-types';

export interface RunNodeOptions {
	/** An instance of the node under test. */
	nodeType: INodeType;
	/** The node's parameters as a saved workflow holds them; n8n fills in the defaults. */
	parameters: INodeParameters;
	/** Credentials to store, by credential type name; the node refers to each by id and name. */
	credentials?: Record<string, StoredCredential>;
	/** Every credential type the credentials use, `extends` parents too (oAuth2Api is built in). */
	credentialTypes?: ICredentialType[];
	/**
	 * Reuse the store of an earlier (or concurrent) run: tokens saved there are seen here.
	 * `credentials` it does not hold yet (by type and id) are added; those it holds are left
	 * as stored. `credentialTypes` is then ignored (the store has its registry). The node
	 * refers to every stored credential, one per type.
	 */
	credentialsHelper?: HarnessCredentialsHelper;
	/** Items the node receives; inline base64 binaries are stored in the real BinaryDataService first. Default: one empty item. */
	inputItems?: INodeExecutionData[];
	/** The node's "On Error" setting "Continue" (`onError: 'continueRegularOutput'`). */
	continueOnFail?: boolean;
	/** Overrides `continueOnFail` with any of n8n's "On Error" settings. */
	onError?: INode['onError'];
	/** Type name in the workflow; default `n8n-nodes-dropbox-suite.<description.name>`. */
	typeName?: string;
	/** Default: the highest version the description declares. */
	typeVersion?: number;
	/** When this settles, the execution is cancelled as the editor's Stop button does. */
	cancelWhen?: Promise<unknown>;
	/** Node name in the workflow; default the description's default name. */
	nodeName?: string;
}

export interface RunNodeResult {
	/** Main output 0 of the node as n8n-core hands it on (after its own pairedItem filling). */
	items: INodeExecutionData[];
	/** Every main output (error output included when `onError` is `continueErrorOutput`). */
	outputs: INodeExecutionData[][];
	/**
	 * What the node's execute() returned, copied before n8n-core filled in missing
	 * `pairedItem`s (it does so when input and output counts line up): assert on this to
	 * prove the node pairs its items itself.
	 */
	nodeOutput: INodeExecutionData[][];
	/** The execution error when the run failed (node error without Continue On Fail). */
	error?: ExecutionError;
	/** The node's own task error, if any (also set when the run failed on this node). */
	nodeError?: ExecutionError;
	status: IRun['status'];
	runData: IRunData;
	run: IRun;
	credentialsHelper: HarnessCredentialsHelper;
	/** Warnings/errors n8n-core logged or reported while this run went on (concurrent runs share them). */
	problems: LoggedProblem[];
	/** The bytes of an output binary, read from the BinaryDataService. */
	readBinary: typeof readBinary;
}

const WORKFLOW_ID = 'harness-workflow';
const START_NODE_NAME = 'Emit Items';
let executionCounter = 0;

export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const environment = await getHarnessEnvironment();
	const problemsBefore = environment.problems.length;
	const credentialsHelper = prepareCredentials(options);

	const description = options.nodeType.description;
	const typeName = options.typeName ?? `n8n-nodes-dropbox-suite.${description.name}`;
	const typeVersion = options.typeVersion ?? highestVersion(description.version);
	const nodeName = options.nodeName ?? description.defaults.name ?? description.displayName;
	if (nodeName === START_NODE_NAME) throw new UnexpectedError(`"${START_NODE_NAME}" is reserved`);

	const nodeOutput: INodeExecutionData[][] = [];
	const nodeTypes = new HarnessNodeTypes({
		[EMIT_ITEMS_NODE_TYPE]: new EmitItemsNode(),
		[typeName]: recordingOutput(options.nodeType, nodeOutput),
	});

	const startNode: INode = {
		id: 'harness-start',
		name: START_NODE_NAME,
		type: EMIT_ITEMS_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const nodeUnderTest: INode = {
		id: 'harness-node',
		name: nodeName,
		type: typeName,
		typeVersion,
		position: [200, 0],
		parameters: structuredClone(options.parameters),
		credentials: credentialsHelper.nodeCredentials(),
		...onErrorSetting(options),
	};
	const connections = {
		[START_NODE_NAME]: { main: [[{ node: nodeName, type: 'main' as const, index: 0 }]] },
	};
	const workflowData: IWorkflowBase = {
		id: WORKFLOW_ID,
		name: 'Harness workflow',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: [startNode, nodeUnderTest],
		connections,
		settings: { executionOrder: 'v1' },
	};
	const workflow = new Workflow({
		id: WORKFLOW_ID,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections,
		nodeTypes,
		active: false,
		settings: workflowData.settings,
	});

	const executionId = `harness-${++executionCounter}`;
	const { additionalData, finished } = createAdditionalData(
		workflowData,
		executionId,
		'manual',
		credentialsHelper,
	);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node: workflow.getNode(START_NODE_NAME)!,
					data: { main: [structuredClone(options.inputItems ?? [{ json: {} }])] },
					source: null,
				},
			],
		},
	});

	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	void options.cancelWhen?.finally(() => execution.cancel());
	// A cancelled execution ends through its hooks (`finished`); the execution promise itself may not settle.
	await Promise.race([execution, finished]);
	const run = await finished;

	const runData = run.data.resultData.runData;
	const task = runData[nodeName]?.at(-1);
	const outputs = (task?.data?.main ?? []).map((output) => output ?? []);
	return {
		items: outputs[0] ?? [],
		outputs,
		nodeOutput,
		error: run.data.resultData.error,
		nodeError: task?.error,
		status: run.status,
		runData,
		run,
		credentialsHelper,
		problems: environment.problems.slice(problemsBefore),
		readBinary,
	};
}

function prepareCredentials(options: RunNodeOptions): HarnessCredentialsHelper {
	const reused = options.credentialsHelper;
	const helper =
		reused ?? new HarnessCredentialsHelper(new CredentialTypeRegistry(options.credentialTypes ?? []));
	for (const [type, credential] of Object.entries(options.credentials ?? {})) {
		// A reused store is the database of earlier runs: what it holds may have been renewed since.
		if (reused?.hasCredential(type, credential.id)) continue;
		helper.setCredential(type, credential);
	}
	return helper;
}

function onErrorSetting(options: RunNodeOptions): Pick<INode, 'onError'> {
	if (options.onError !== undefined) return { onError: options.onError };
	return options.continueOnFail ? { onError: 'continueRegularOutput' } : {};
}

function highestVersion(version: number | number[]): number {
	return Array.isArray(version) ? Math.max(...version) : version;
}

/**
 * The node type as is, except that each execute() result is copied item by item before
 * n8n-core touches it, so the node's own pairedItems can be told from filled-in ones.
 */
function recordingOutput(nodeType: INodeType, record: INodeExecutionData[][]): INodeType {
	const execute = nodeType.execute;
	if (execute === undefined) return nodeType;
	const recording = Object.create(nodeType) as INodeType;
	recording.execute = async function (this: IExecuteFunctions): Promise<NodeOutput> {
		const output = await execute.call(this);
		if (Array.isArray(output)) {
			record.splice(0, record.length, ...output.map((items) => (items ?? []).map((item) => ({ ...item }))));
		}
		return output;
	};
	return recording;
}
