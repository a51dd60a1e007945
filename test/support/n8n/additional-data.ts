import { ExecutionLifecycleHooks, ExternalSecretsProxy } from 'n8n-core';
import type {
	ICredentialsHelper,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createDeferredPromise, UnexpectedError } from 'n8n-workflow';

export interface HarnessAdditionalData {
	additionalData: IWorkflowExecuteAdditionalData;
	/** Resolves with the full run when n8n-core fires its `workflowExecuteAfter` hook. */
	finished: Promise<IRun>;
}

/**
 * What the CLI hands WorkflowExecute, reduced to what a single node run can use: the
 * credentials helper, lifecycle hooks, ids and URLs. Features a node of ours has no
 * business calling (sub-workflows, task runners) fail loudly instead of doing nothing.
 */
export function createAdditionalData(
	workflowData: IWorkflowBase,
	executionId: string,
	mode: WorkflowExecuteMode,
	credentialsHelper: ICredentialsHelper,
): HarnessAdditionalData {
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const finished = createDeferredPromise<IRun>();
	hooks.addHandler('workflowExecuteAfter', (run) => finished.resolve(run));

	const unsupported = (feature: string) => async () => {
		throw new UnexpectedError(`The test harness does not support ${feature}`);
	};
	const baseUrl = 'http://localhost:5678';

	const additionalData: IWorkflowExecuteAdditionalData = {
		credentialsHelper,
		hooks,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${baseUrl}/rest`,
		instanceBaseUrl: baseUrl,
		formWaitingBaseUrl: `${baseUrl}/form-waiting`,
		webhookBaseUrl: `${baseUrl}/webhook`,
		webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
		webhookTestBaseUrl: `${baseUrl}/webhook-test`,
		userId: 'harness-user',
		variables: {},
		externalSecretsProxy: new ExternalSecretsProxy(),
		executeWorkflow: unsupported('sub-workflow execution'),
		getRunExecutionData: async () => undefined,
		logAiEvent: () => undefined,
		startRunnerTask: unsupported('task runners'),
		setExecutionStatus: () => undefined,
		sendDataToUI: () => undefined,
	};
	return { additionalData, finished: finished.promise };
}
