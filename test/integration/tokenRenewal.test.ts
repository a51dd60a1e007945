import { DropboxSuite } from '../../nodes/DropboxSuite/DropboxSuite.node';
import { startTestEmulator, type TestEmulator } from '../support/emulator-harness';
import { CredentialTypeRegistry, HarnessCredentialsHelper, runNode } from '../support/n8n';
import { CREDENTIAL_TYPE, credentialFor, credentialTypes, type AuthenticationChoice } from './credentials.fixture';

const TOKEN_LIFETIME_S = 2;
const BATCHES = 20;
const BATCH_SIZE = 10;
const BATCH_INTERVAL_MS = 500;

const pause = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

describe.each<AuthenticationChoice>(['oAuth2', 'appApi'])('token renewal under load (%s)', (authentication) => {
	let emulator: TestEmulator;

	beforeAll(async () => {
		emulator = await startTestEmulator({ tokenLifetimeS: TOKEN_LIFETIME_S });
	});
	afterAll(async () => await emulator.stop());

	const getCurrent = async (store: HarnessCredentialsHelper, credentials: ReturnType<typeof credentialFor>) =>
		await runNode({
			nodeType: new DropboxSuite(),
			parameters: { authentication, resource: 'account', operation: 'getCurrent' },
			credentials,
			credentialsHelper: store,
			credentialTypes,
		});

	it(`200 requests over ~10 s with tokens expiring every ${TOKEN_LIFETIME_S} s: no failure, about one renewal per expiry`, async () => {
		const store = new HarnessCredentialsHelper(new CredentialTypeRegistry(credentialTypes));
		const credentials = credentialFor(authentication, emulator.demo, { withAccessToken: false });
		const tokenCallsBefore = (await emulator.log()).filter((entry) => entry.route === 'oauth2/token').length;
		const started = Date.now();

		const batches: Array<Promise<Awaited<ReturnType<typeof getCurrent>>[]>> = [];
		for (let batch = 0; batch < BATCHES; batch++) {
			batches.push(Promise.all(Array.from({ length: BATCH_SIZE }, async () => await getCurrent(store, credentials))));
			await pause(BATCH_INTERVAL_MS);
		}
		const results = (await Promise.all(batches)).flat();
		const elapsedS = (Date.now() - started) / 1000;

		const failures = results.filter((result) => result.error !== undefined);
		expect(failures.map((result) => result.error?.message)).toEqual([]);
		expect(results).toHaveLength(BATCHES * BATCH_SIZE);
		expect(results.every((result) => result.items[0]?.json.account_id === emulator.demo.account_id)).toBe(true);

		const tokenCalls = (await emulator.log()).filter((entry) => entry.route === 'oauth2/token').slice(tokenCallsBefore);
		const expiries = Math.ceil(elapsedS / TOKEN_LIFETIME_S);
		console.log(
			`${authentication}: ${results.length} requests in ${elapsedS.toFixed(1)} s, ${expiries} token lifetimes, ${tokenCalls.length} token calls`,
		);
		// At most one renewal per token lifetime (plus the app credential's first token): ten parallel
		// requests meeting one expired token share its renewal. Requests keep coming for the whole run, so
		// all but the last lifetime or two end in a renewal.
		// A little slack for a busy machine: a token can expire between a renewal and its use.
		expect(tokenCalls.length).toBeGreaterThanOrEqual(Math.max(1, expiries - 3));
		expect(tokenCalls.length).toBeLessThanOrEqual(expiries + 2);
		expect(tokenCalls.every((entry) => entry.status === 200)).toBe(true);
		if (authentication === 'oAuth2') {
			// n8n-core stores each OAuth2 renewal once. (An app credential is also written whenever n8n
			// finds its token empty, as at the start; what matters there is the token calls above.)
			expect(store.updateCount(CREDENTIAL_TYPE.oAuth2)).toBe(tokenCalls.length);
		}
	});

	it('a revoked credential fails with a clear error, and is not renewed again and again', async () => {
		const store = new HarnessCredentialsHelper(new CredentialTypeRegistry(credentialTypes));
		const account = await emulator.admin<{
			account_id: string;
			app_key: string;
			app_secret: string;
			refresh_token: string;
			access_token: string;
		}>('POST', '/accounts', {});
		const credentials = credentialFor(authentication, account);
		expect((await getCurrent(store, credentials)).error).toBeUndefined();

		await emulator.admin('POST', '/tokens/revoke', { account_id: account.account_id });
		const tokenCallsBefore = (await emulator.log()).filter((entry) => entry.route === 'oauth2/token').length;
		const results = await Promise.all(Array.from({ length: 5 }, async () => await getCurrent(store, credentials)));
		for (const result of results) {
			expect(result.status).toBe('error');
			expect(`${result.error?.message} ${result.error?.description}`).toMatch(/revoked|refused/i);
			expect(result.error?.description).toMatch(/[Rr]econnect|new refresh token/);
		}
		const tokenCalls = (await emulator.log()).filter((entry) => entry.route === 'oauth2/token').slice(tokenCallsBefore);
		// Five parallel requests meet the revoked token: one renewal is tried, and its refusal is shared.
		expect(tokenCalls.length).toBe(1);
	});
});
