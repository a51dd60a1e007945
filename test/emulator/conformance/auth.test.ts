import { Dropbox, DropboxAuth } from 'dropbox';
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import { rawCall } from '../../support/raw-http';
import type { AccountCredentials } from '../accounts/credentials';
import { describeRoute } from './describe-route';
import { sdkFailure } from './sdk-support';
import { summary } from './summary';

let emu: TestEmulator;
beforeAll(async () => {
	emu = await startTestEmulator();
});
afterAll(() => emu.stop());

const newAccount = (body: Record<string, unknown> = {}) => emu.admin<AccountCredentials>('POST', '/accounts', body);

/** An SDK client that refreshes with the account's refresh token, and its auth object. */
function refreshingClient(account: AccountCredentials) {
	const auth = new DropboxAuth({ clientId: account.app_key, clientSecret: account.app_secret, refreshToken: account.refresh_token });
	return { auth, dbx: new Dropbox({ auth }) };
}

describeRoute('auth/token/revoke', () => emu, () => {
	it('ends the token, its refresh token and its siblings; other accounts keep working', async () => {
		const account = await newAccount();
		const bystander = await newAccount();
		const { auth, dbx } = refreshingClient(account);
		await dbx.usersGetCurrentAccount(); // the SDK refreshes first: a second token of the same family
		expect((await dbx.authTokenRevoke()).result).toBeNull();

		const afterRevoke = await sdkFailure(dbx.usersGetCurrentAccount());
		expect(afterRevoke.status).toBe(401);
		expect(afterRevoke.error.error_summary).toEqual(summary('invalid_access_token'));
		const sibling = await sdkFailure(new Dropbox({ accessToken: account.access_token }).usersGetCurrentAccount());
		expect(sibling.status).toBe(401);
		// The SDK's types say `void`, but it returns the refresh's promise.
		const refresh = await sdkFailure(auth.refreshAccessToken() as unknown as Promise<unknown>);
		expect(refresh.status).toBe(400);
		expect(refresh.error).toMatchObject({ error: 'invalid_grant' });

		await expect(new Dropbox({ accessToken: bystander.access_token }).usersGetCurrentAccount()).resolves.toBeDefined();
	});
});

describe('access tokens over time', () => {
	it('an expired token gets 401 expired_access_token; the SDK recovers by refreshing', async () => {
		const account = await newAccount();
		const { auth, dbx } = refreshingClient(account);
		await dbx.checkUser({ query: 'before' });
		await emu.admin('POST', '/tokens/expire', { account_id: account.account_id });

		const expired = await sdkFailure(dbx.checkUser({ query: 'x' }));
		expect(expired.status).toBe(401);
		expect(expired.error).toEqual({ error_summary: summary('expired_access_token'), error: { '.tag': 'expired_access_token' } });

		await auth.refreshAccessToken();
		expect((await dbx.checkUser({ query: 'after' })).result).toEqual({ result: 'after' });
	});

	it('with a short token lifetime the SDK refreshes on its own before every call', async () => {
		const account = await newAccount({ token_lifetime_s: 60 });
		const { dbx } = refreshingClient(account);
		const tokenCalls = async () => (await emu.log()).filter((e) => e.route === 'oauth2/token' && e.status === 200).length;
		const before = await tokenCalls();
		await dbx.checkUser({ query: '1' });
		await dbx.checkUser({ query: '2' });
		const refreshes = (await tokenCalls()) - before;
		// The SDK treats a token expiring within 5 minutes as expired: a 60 s token is refreshed every call.
		expect(refreshes).toBe(2);
	});

	it('admin token revocation ends every token of the account, refresh tokens included', async () => {
		const account = await newAccount();
		await emu.admin('POST', '/tokens/revoke', { account_id: account.account_id });
		const answer = await rawCall(
			`https://api.dropboxapi.com/oauth2/token?grant_type=refresh_token&refresh_token=${account.refresh_token}` +
				`&client_id=${account.app_key}&client_secret=${account.app_secret}`,
		);
		expect(answer.status).toBe(400);
		expect(answer.json()).toMatchObject({ error: 'invalid_grant' });
		const error = await sdkFailure(new Dropbox({ accessToken: account.access_token }).checkUser({ query: '' }));
		expect(error.status).toBe(401);
	});
});
