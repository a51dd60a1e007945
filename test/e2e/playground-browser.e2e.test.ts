/**
 * OAuth2 "Connect" from a real browser on this machine, started with exactly the flags the playground's banner
 * prints: Debian's Chromium (driven by playwright-core, which downloads no browser of its own), signed in to n8n as
 * the banner says, opens n8n's authorize URL for the OAuth2 credential, gets the emulator's approve page at
 * www.dropbox.com, approves, and lands on n8n's callback, which exchanges the code for tokens at the emulator.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { adminClient } from './support/admin-client';
import { freePort } from './support/free-port';
import { OWNER, signIn } from './support/n8n-server';
import { OAUTH2_CREDENTIAL } from './support/playground-data';
import { withPlayground } from './support/playground-process';

const CHROMIUM = '/usr/bin/chromium';

let folder: string;

beforeAll(() => {
	folder = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-browser-'));
});

afterAll(() => {
	fs.rmSync(folder, { recursive: true, force: true });
});

/** The words of a command line, as the shell a person pastes it into splits them. */
function shellWords(commandLine: string): string[] {
	return execFileSync('bash', ['-c', `printf '%s\\0' ${commandLine}`], { encoding: 'utf8' }).split('\0').slice(0, -1);
}

it('connects the OAuth2 credential from Chromium started with the printed command line', async () => {
	await withPlayground({ folder, port: await freePort() }, async ({ banner }) => {
		const [, ...words] = shellWords(banner.browserCommand);
		const openUrl = words.pop();
		expect(openUrl).toBe(banner.workflowUrl);
		// Playwright takes the profile as a parameter of its own; every other flag goes to Chromium as printed.
		const profile = words.find((word) => word.startsWith('--user-data-dir='));
		const flags = words.filter((word) => word !== profile);
		expect(profile).toBeDefined();
		const context = await chromium.launchPersistentContext(profile!.slice('--user-data-dir='.length), {
			executablePath: CHROMIUM,
			headless: true,
			args: flags,
		});
		try {
			const login = await context.request.post(`${banner.n8nUrl}/rest/login`, {
				data: { emailOrLdapLoginId: OWNER.email, password: OWNER.password },
			});
			expect(login.ok()).toBe(true);
			const auth = await context.request.get(`${banner.n8nUrl}/rest/oauth2-credential/auth?id=${OAUTH2_CREDENTIAL.id}`);
			const authorizeUrl = ((await auth.json()) as { data: string }).data;
			expect(new URL(authorizeUrl).origin).toBe('https://www.dropbox.com');

			const page = await context.newPage();
			const approvePage = await page.goto(authorizeUrl);
			expect(approvePage?.status()).toBe(200);
			expect(page.url()).toBe(authorizeUrl);
			expect(await page.title()).toBe('Dropbox emulator: authorize app');
			await Promise.all([page.waitForURL(`${banner.n8nUrl}/rest/oauth2-credential/callback?**`), page.click('button[value="allow"]')]);
			expect(await page.locator('h1').textContent()).toBe('Connection successful');
		} finally {
			await context.close();
		}

		const emulator = adminClient(banner.emulatorAdmin, path.join(folder, 'emulator/emulator-ca.pem'));
		const log = await emulator.call<Array<{ host: string; route: string; status: number }>>('GET', '/log');
		await emulator.close();
		// The browser's visits (the approve page and its form) and n8n's code exchange, all at the emulator.
		expect(log.body.filter((entry) => entry.host === 'www.dropbox.com').length).toBeGreaterThanOrEqual(2);
		expect(log.body.filter((entry) => entry.route === 'oauth2/token').map((entry) => entry.status)).toEqual([200]);
		const owner = await signIn(banner.n8nUrl, 10_000);
		const credential = await owner.rest<{ data: { oauthTokenData?: unknown } }>('GET', `/credentials/${OAUTH2_CREDENTIAL.id}?includeData=true`);
		expect(credential.data.oauthTokenData).toBeTruthy();
	});
});
