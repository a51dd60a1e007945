/**
 * Connecting the OAuth2 credential in the real n8n, the way a person does it, with the emulator as Dropbox: n8n
 * builds the authorize URL from the credential, the approve page redirects to n8n's callback with a code, n8n
 * exchanges it at the token endpoint and stores the tokens. The connected credential then runs the slice and
 * renews its token after it expires (so n8n stored the refresh token that `token_access_type=offline` asked for).
 */
import * as fs from 'node:fs';
import { createServer } from 'node:net';
import { Agent, request } from 'undici';
import { startEmulatorProcess, type EmulatorProcess } from './support/emulator-process';
import { N8nInstance } from './support/n8n-instance';
import { startN8nServer } from './support/n8n-server';
import { outputOf, sliceWorkflow } from './support/workflows';

const CREDENTIAL = { id: 'dbxConnectOAuth2', name: 'Dropbox OAuth2 (connected in n8n)' };
const APP_CREDENTIAL = { id: 'dbxConnectAppKey', name: 'Dropbox app key (tested in n8n)' };
const WORKFLOW_ID = 'e2eOAuthConnect1';

let emulator: EmulatorProcess;
let n8n: N8nInstance;

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/** A browser's visit to www.dropbox.com, which only the emulator plays here. */
async function visitDropbox(dispatcher: Agent, url: string, form?: URLSearchParams) {
	const target = new URL(url);
	const answer = await request(`${emulator.url}${target.pathname}${target.search}`, {
		method: form ? 'POST' : 'GET',
		dispatcher,
		headers: { host: target.host, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
		body: form?.toString(),
	});
	return { status: answer.statusCode, location: answer.headers.location as string | undefined, html: await answer.body.text() };
}

function approveForm(html: string): URLSearchParams {
	const form = new URLSearchParams();
	for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
		form.append(name, value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
	}
	form.append('decision', 'allow');
	return form;
}

beforeAll(async () => {
	emulator = await startEmulatorProcess();
	n8n = new N8nInstance(emulator);
	await n8n.importJson('credentials', [
		{
			...CREDENTIAL,
			type: 'dropboxSuiteOAuth2Api',
			data: { clientId: emulator.demo.app_key, clientSecret: emulator.demo.app_secret, accessType: 'full' },
		},
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
	]);
	await n8n.importJson('workflow', sliceWorkflow(WORKFLOW_ID, 'oAuth2', CREDENTIAL));
	await emulator.adminCall('POST', '/files', {
		account_id: emulator.demo.account_id,
		path: '/E2E/Réport – 日本.txt',
		content_base64: Buffer.from('hello from the emulator').toString('base64'),
	});
});

afterAll(async () => {
	n8n?.cleanUp();
	await emulator?.stop();
});

it('connects through the authorize page, then runs and renews with the stored tokens', async () => {
	const server = await startN8nServer(n8n, await freePort());
	const dispatcher = new Agent({ connect: { ca: fs.readFileSync(emulator.ca, 'utf8') } });
	try {
		const authorizeUrl = await server.rest<string>('GET', `/oauth2-credential/auth?id=${CREDENTIAL.id}`);
		const authorize = new URL(authorizeUrl);
		expect(authorize.origin).toBe('https://www.dropbox.com');
		expect(authorize.searchParams.get('token_access_type')).toBe('offline');
		expect(authorize.searchParams.get('scope')).toContain('files.content.write');

		const page = await visitDropbox(dispatcher, authorizeUrl);
		expect(page.status).toBe(200);
		const approved = await visitDropbox(dispatcher, 'https://www.dropbox.com/oauth2/authorize', approveForm(page.html));
		expect(approved.status).toBe(302);
		const callback = new URL(approved.location!);
		expect(callback.searchParams.get('code')).toBeTruthy();

		const landing = await server.visit(`${callback.pathname}${callback.search}`);
		expect(landing.status).toBe(200);
		const log = await emulator.adminCall<Array<{ route: string; status: number }>>('GET', '/log');
		expect(log.filter((entry) => entry.route === 'oauth2/token').map((entry) => entry.status)).toEqual([200]);

		// The editor shows a connected OAuth2 credential as tested (it holds a token); any other credential it tests
		// by sending its data, secrets redacted, to n8n, which runs the credential's test request. That request must
		// be one Dropbox accepts: an RPC with no argument has a JSON null body, or none and no Content-Type.
		const connected = await server.rest<{ data: Record<string, unknown> }>('GET', `/credentials/${CREDENTIAL.id}?includeData=true`);
		expect(connected.data.oauthTokenData).toBeTruthy();
		const shown = await server.rest<{ data: Record<string, unknown> }>('GET', `/credentials/${APP_CREDENTIAL.id}?includeData=true`);
		const tested = await server.rest<{ status: string; message: string }>('POST', '/credentials/test', {
			credentials: { ...APP_CREDENTIAL, type: 'dropboxSuiteAppApi', data: shown.data },
		});
		expect(tested).toMatchObject({ status: 'OK' });
		const lookups = (await emulator.adminCall<Array<{ route: string; status: number }>>('GET', '/log')).filter(
			(entry) => entry.route === 'users/get_current_account',
		);
		expect(lookups.map((entry) => entry.status)).toEqual([200]);
	} finally {
		await dispatcher.close();
		await server.stop();
	}

	await emulator.adminCall('POST', '/tokens/expire', { account_id: emulator.demo.account_id });
	const { run } = await n8n.execute(WORKFLOW_ID);
	expect(run.data.resultData.error).toBeUndefined();
	expect(outputOf(run, 'Account')[0].json.account_id).toBe(emulator.demo.account_id);
	expect(outputOf(run, 'Report')[0].json).toMatchObject({ name: 'Réport – 日本.txt' });
});
