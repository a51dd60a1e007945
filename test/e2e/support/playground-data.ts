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

export function playgroundWorkflow() {
	const node = (name: string, x: number, parameters: Record<string, unknown>) => ({
		id: `playground-${name.toLowerCase().replace(/\W+/g, '-')}`,
		name,
		type: `${PACKAGE_NAME}.dropboxSuite`,
		typeVersion: 1,
		position: [x, 0],
		parameters: { authentication: 'appApi', ...parameters },
		credentials: { dropboxSuiteAppApi: APP_CREDENTIAL },
	});
	return {
		id: 'dbxPlayground001',
		name: 'Dropbox Suite playground',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: 'playground-start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			node('Who am I', 220, { resource: 'account', operation: 'getCurrent' }),
			node('Get a file', 440, {
				resource: 'file',
				operation: 'get',
				path: { __rl: true, mode: 'path', value: '/Getting Started.txt' },
			}),
		],
		connections: {
			Start: { main: [[{ node: 'Who am I', type: 'main', index: 0 }]] },
			'Who am I': { main: [[{ node: 'Get a file', type: 'main', index: 0 }]] },
		},
	};
}
