/** Workflows the end-to-end suite imports into n8n, and reading their runs. */
import { PACKAGE_NAME, type ExecutionOutput } from './n8n-instance';

const ACTION = `${PACKAGE_NAME}.dropboxSuite`;

/** Start → Account (getCurrent) → Report (file get) → Missing (file get of a missing path, Continue On Fail). */
export function sliceWorkflow(id: string, authentication: 'appApi' | 'oAuth2', credential: { id: string; name: string }) {
	const credentials =
		authentication === 'appApi' ? { dropboxSuiteAppApi: credential } : { dropboxSuiteOAuth2Api: credential };
	const dropboxNode = (name: string, position: [number, number], parameters: Record<string, unknown>) => ({
		id: `${id}-${name}`,
		name,
		type: ACTION,
		typeVersion: 1,
		position,
		parameters: { authentication, ...parameters },
		credentials,
	});
	return {
		id,
		name: `Slice ${authentication}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			dropboxNode('Account', [200, 0], { resource: 'account', operation: 'getCurrent' }),
			dropboxNode('Report', [400, 0], {
				resource: 'file',
				operation: 'get',
				path: { __rl: true, mode: 'path', value: '/E2E/Réport – 日本.txt' },
			}),
			{
				...dropboxNode('Missing', [600, 0], {
					resource: 'file',
					operation: 'get',
					path: { __rl: true, mode: 'path', value: '/E2E/missing.txt' },
				}),
				onError: 'continueRegularOutput',
			},
		],
		connections: {
			Start: { main: [[{ node: 'Account', type: 'main', index: 0 }]] },
			Account: { main: [[{ node: 'Report', type: 'main', index: 0 }]] },
			Report: { main: [[{ node: 'Missing', type: 'main', index: 0 }]] },
		},
	};
}

/** The main output of a node's first run. */
export function outputOf(run: ExecutionOutput, node: string) {
	const task = run.data.resultData.runData[node]?.[0];
	if (!task) throw new Error(`node ${node} did not run: ${JSON.stringify(run.data.resultData.error)}`);
	return task.data?.main[0] ?? [];
}
