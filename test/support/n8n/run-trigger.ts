/**
 * Drives a trigger node as n8n 2.x does for an active workflow, through n8n-core's own TriggerContext:
 *
 *   const instance = new TriggerInstance();                 // n8n's database: static data, dedup index, executions
 *   const active = await activateTrigger({ instance, nodeType: new DropboxSuiteTrigger(), parameters, credentials, credentialTypes });
 *   await instance.waitForExecutions(3);
 *   await active.close();                                    // deactivation: closeFunction, crons removed
 *   const again = await activateTrigger({ instance, ..., activation: 'init' }); // a restart: static data as last saved
 *
 * `emit(data, responsePromise, donePromise, deduplicationKey)` behaves as in n8n 2.41: static data is saved first
 * (only when it changed), a key already in the instance's index starts no execution and resolves `donePromise`
 * with `undefined`, any other emit starts an execution (recorded in `instance.executions`) and resolves it with
 * the run. `crash` stops the "process" at a chosen emit, the way a SIGKILL does: nothing is saved or run after it.
 * `emitError` is recorded and closes the trigger (n8n would then try to activate it again);
 * `saveFailedExecution` is recorded. `registerCron` is n8n-core's real ScheduledTaskManager on a leader instance.
 */
import { Container } from '@n8n/di';
import { InstanceSettings, TriggerContext } from 'n8n-core';
// Not re-exported by n8n-core's index, but the very module its trigger context resolves.
import { ScheduledTaskManager } from 'n8n-core/dist/execution-engine/scheduled-task-manager';
import type {
	ICredentialType,
	IDataObject,
	IDeferredPromise,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	ITriggerResponse,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { CredentialTypeRegistry } from './credential-types';
import { HarnessCredentialsHelper, type StoredCredential } from './credentials-helper';
import { getHarnessEnvironment } from './environment';
import { HarnessNodeTypes } from './node-types';
import type { TriggerInstance } from './trigger-instance';

export const TRIGGER_WORKFLOW_ID = 'harness-trigger-workflow';
export const TRIGGER_NODE_ID = 'harness-trigger-node';

export interface TriggerNodeOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentials?: Record<string, StoredCredential>;
	credentialTypes?: ICredentialType[];
	/** Share tokens renewed in earlier activations, as n8n's credential store does. */
	credentialsHelper?: HarnessCredentialsHelper;
	/** Node name (static data is stored under it); default the description's default name. */
	nodeName?: string;
	/** Node ID (the deduplication keys name it); default TRIGGER_NODE_ID. */
	nodeId?: string;
}

export interface CrashPlan {
	/** The emit (1 = the activation's first) during which the process dies. */
	atEmit: number;
	/** Whether n8n's fire-and-forget save of static data for that emit reached the database. */
	staticDataSaved: boolean;
	/** Whether that emit's execution row was written (its key taken, its execution run). */
	executionStarted: boolean;
}

export interface ActivateTriggerOptions extends TriggerNodeOptions {
	instance: TriggerInstance;
	/** `activate` (published now) or `init` (n8n starting with the workflow already active). */
	activation?: WorkflowActivateMode;
	crash?: CrashPlan;
	/** Milliseconds an execution takes before its donePromise resolves. */
	executionMs?: number;
}

export interface ActiveTrigger {
	response: ITriggerResponse;
	/** Errors the trigger reported with emitError. */
	errors: Error[];
	/** Errors the trigger recorded with saveFailedExecution. */
	failedExecutions: Error[];
	/** Resolves when the crash plan has struck. */
	crashed: Promise<void>;
	/** How many times emit was called in this activation. */
	emits(): number;
	/** Deactivation: closeFunction (as n8n, possibly twice) and the workflow's crons removed. */
	close(): Promise<void>;
	credentialsHelper: HarnessCredentialsHelper;
}

let activationCounter = 0;

export async function activateTrigger(options: ActivateTriggerOptions): Promise<ActiveTrigger> {
	await getHarnessEnvironment();
	Container.get(InstanceSettings).markAsLeader();
	const { instance } = options;
	const activationNumber = ++activationCounter;
	const { workflow, node, additionalData, credentialsHelper } = buildWorkflow(options, 'trigger', instance.savedStaticData());

	const errors: Error[] = [];
	const failedExecutions: Error[] = [];
	let emitCount = 0;
	let dead = false;
	let signalCrash: () => void = () => undefined;
	const crashed = new Promise<void>((resolve) => (signalCrash = resolve));

	const saveStaticData = () => {
		const data = workflow.staticData as IDataObject & { __dataChanged?: boolean };
		if (data.__dataChanged !== true) return;
		instance.saveStaticData(data);
		data.__dataChanged = false;
	};

	const emit = (
		data: INodeExecutionData[][],
		_responsePromise?: unknown,
		donePromise?: IDeferredPromise<IRun | undefined>,
		deduplicationKey?: string,
	) => {
		if (dead) return;
		emitCount++;
		const crash = options.crash && options.crash.atEmit === emitCount ? options.crash : undefined;
		if (!crash || crash.staticDataSaved) saveStaticData();
		const starts = !crash || crash.executionStarted;
		if (crash) {
			dead = true;
			void close().then(signalCrash);
		}
		if (!starts) return;
		if (!instance.claimKey(deduplicationKey)) {
			instance.skippedDuplicates.push(deduplicationKey!);
			if (!crash) setTimeout(() => donePromise?.resolve(undefined), 1);
			return;
		}
		instance.recordExecution({ activation: activationNumber, items: data[0] ?? [], deduplicationKey });
		if (!crash) setTimeout(() => donePromise?.resolve(fakeRun()), options.executionMs ?? 1);
	};

	let closed = false;
	let response: ITriggerResponse = {};
	const close = async () => {
		Container.get(ScheduledTaskManager).deregisterCrons(TRIGGER_WORKFLOW_ID);
		if (closed) return;
		closed = true;
		await response.closeFunction?.();
	};

	const context = new TriggerContext(
		workflow,
		node,
		additionalData,
		'trigger',
		options.activation ?? 'activate',
		emit as never,
		(error: Error) => {
			errors.push(error);
			// n8n removes the trigger (and would try to activate it again a little later).
			void close();
		},
		(error) => failedExecutions.push(error as Error),
	);
	response = (await options.nodeType.trigger!.call(context)) ?? {};
	// n8n saves static data once more when trigger() has returned at activation.
	saveStaticData();
	return {
		response,
		errors,
		failedExecutions,
		crashed,
		emits: () => emitCount,
		close: async () => {
			dead = true;
			await close();
			// n8n may call it again (the editor's stop after a deactivation): it must not mind.
			await response.closeFunction?.();
		},
		credentialsHelper,
	};
}

function fakeRun(): IRun {
	return { status: 'success', mode: 'trigger', startedAt: new Date(), finished: true, data: { resultData: { runData: {} } } } as unknown as IRun;
}

export function buildWorkflow(options: TriggerNodeOptions, mode: WorkflowExecuteMode, staticData: IDataObject) {
	const credentialsHelper = options.credentialsHelper ?? new HarnessCredentialsHelper(new CredentialTypeRegistry(options.credentialTypes ?? []));
	for (const [type, credential] of Object.entries(options.credentials ?? {})) {
		if (!credentialsHelper.hasCredential(type, credential.id)) credentialsHelper.setCredential(type, credential);
	}
	const description = options.nodeType.description;
	const typeName = `n8n-nodes-dropbox-suite.${description.name}`;
	const nodeName = options.nodeName ?? description.defaults.name ?? description.displayName;
	const nodeDef: INode = {
		id: options.nodeId ?? TRIGGER_NODE_ID,
		name: nodeName,
		type: typeName,
		typeVersion: Array.isArray(description.version) ? Math.max(...description.version) : description.version,
		position: [0, 0],
		parameters: structuredClone(options.parameters),
		credentials: credentialsHelper.nodeCredentials(),
	};
	const workflowData = {
		id: TRIGGER_WORKFLOW_ID,
		name: 'Harness trigger workflow',
		active: true,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: [nodeDef],
		connections: {},
		settings: { executionOrder: 'v1' as const },
	};
	const workflow = new Workflow({
		id: TRIGGER_WORKFLOW_ID,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections: {},
		nodeTypes: new HarnessNodeTypes({ [typeName]: options.nodeType }),
		active: true,
		settings: workflowData.settings,
		staticData,
	});
	const { additionalData } = createAdditionalData(workflowData, `harness-trigger-${++activationCounter}`, mode, credentialsHelper);
	return { workflow, node: workflow.getNode(nodeName)!, additionalData, credentialsHelper, workflowData };
}
