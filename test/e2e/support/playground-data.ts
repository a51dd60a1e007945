/** The credentials and example workflow the playground (and anyone trying the package) starts with. */
import type { EmulatorInfo } from './emulator-process';
import { PACKAGE_NAME } from './n8n-instance';

export const APP_CREDENTIAL = { id: 'dbxDemoAppKey001', name: 'Dropbox demo (app key)' };
export const OAUTH2_CREDENTIAL = { id: 'dbxDemoOAuth2001', name: 'Dropbox demo (OAuth2)' };

export function demoCredentials(emulator: EmulatorInfo) {
	return [
		{
			...APP_CREDENTIAL,
			type: 'dropboxSuiteAppApi',
			data: {
				appKey: emulator.demo.app_key,
				appSecret: emulator.demo.app_secret,
				refreshToken: emulator.demo.refresh_token,
				accessType: 'full',
			},
		},
		{
			...OAUTH2_CREDENTIAL,
			type: 'dropboxSuiteOAuth2Api',
			data: {
				clientId: emulator.demo.app_key,
				clientSecret: emulator.demo.app_secret,
				accessType: 'full',
				oauthTokenData: {
					access_token: emulator.demo.access_token,
					refresh_token: emulator.demo.refresh_token,
					token_type: 'bearer',
					expires_in: 14400,
				},
			},
		},
	];
}

type ExampleNode = Record<string, unknown> & { name: string };

/** Our node with the demo app-key credential. */
function suiteNode(name: string, x: number, parameters: Record<string, unknown>): ExampleNode {
	return {
		id: `playground-${name.toLowerCase().replace(/\W+/g, '-')}`,
		name,
		type: `${PACKAGE_NAME}.dropboxSuite`,
		typeVersion: 1,
		position: [x, 0],
		parameters: { authentication: 'appApi', ...parameters },
		credentials: { dropboxSuiteAppApi: APP_CREDENTIAL },
	};
}

const manualStart: ExampleNode = { id: 'playground-start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };

/** An example workflow: the nodes one after the other. */
function example(id: string, name: string, nodes: ExampleNode[]) {
	const connections: Record<string, unknown> = {};
	for (let index = 0; index + 1 < nodes.length; index++) {
		connections[nodes[index].name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes, connections };
}

/** The first example, the one the playground's banner opens. */
export function playgroundWorkflow() {
	return example('dbxPlayground001', 'Dropbox Suite playground', [
		manualStart,
		suiteNode('Who am I', 220, { resource: 'account', operation: 'getCurrent' }),
		suiteNode('Get a file', 440, {
			resource: 'file',
			operation: 'get',
			path: { __rl: true, mode: 'path', value: '/Getting Started.txt' },
		}),
	]);
}

/** Write a file, share it by a link that expires in a week, and output the link's URL. */
export function shareFileWorkflow() {
	return example('dbxShareAFile001', 'Share a file', [
		manualStart,
		suiteNode('Write a file', 220, {
			resource: 'file',
			operation: 'upload',
			path: { __rl: true, mode: 'path', value: '/Shared/hello.txt' },
			inputType: 'text',
			fileContent: 'Hello from the Dropbox Suite playground.',
			options: { writeMode: 'overwrite' },
		}),
		suiteNode('Create a link', 440, {
			resource: 'sharedLink',
			operation: 'create',
			path: { __rl: true, mode: 'path', value: '={{ $json.path_display }}' },
			settings: { audience: 'public', expires: '={{ $now.plus({ days: 7 }).toISO() }}' },
		}),
	]);
}

/**
 * "When a file lands in /Inbox": the trigger in long-poll mode (within a second, no public URL) hands each new file,
 * its content downloaded, to a step that files it under /Processed. Publish it to start it.
 */
export function inboxTriggerWorkflow() {
	return example('dbxInboxTrigger1', 'When a file lands in /Inbox', [
		{
			id: 'playground-inbox-trigger',
			name: 'When a file lands in /Inbox',
			type: `${PACKAGE_NAME}.dropboxSuiteTrigger`,
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				authentication: 'appApi',
				mode: 'longPoll',
				path: { __rl: true, mode: 'path', value: '/Inbox' },
				recursive: false,
				events: ['fileCreated'],
				download: true,
			},
			credentials: { dropboxSuiteAppApi: APP_CREDENTIAL },
		},
		suiteNode('File it under /Processed', 220, {
			resource: 'file',
			operation: 'move',
			path: { __rl: true, mode: 'path', value: '={{ $json.path_display }}' },
			toPath: { __rl: true, mode: 'path', value: '/Processed/' },
			options: { autorename: true },
		}),
	]);
}

/** Every example the playground imports, the banner's first. */
export function playgroundWorkflows() {
	return [playgroundWorkflow(), shareFileWorkflow(), inboxTriggerWorkflow()];
}
