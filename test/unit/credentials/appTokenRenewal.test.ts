import { obtainAccessToken, type TokenRequester } from '../../../credentials/shared/appTokens';
import { tokenEndpointError } from '../../../credentials/shared/tokenErrors';

let sequence = 0;
/** Distinct app per test: the cache is process-wide, keyed by app and refresh token. */
const freshApp = () => ({ appKey: `key-${++sequence}`, appSecret: 'secret', refreshToken: 'refresh' });

function fakeTokenEndpoint(expiresIn = 14400) {
	let issued = 0;
	const requester: TokenRequester = async () => {
		issued++;
		await new Promise((resolve) => setImmediate(resolve));
		return { access_token: `token-${issued}`, expires_in: expiresIn };
	};
	return { requester, issued: () => issued };
}

describe('the app credential\'s token renewal', () => {
	it('shares one renewal among concurrent calls', async () => {
		const app = freshApp();
		const endpoint = fakeTokenEndpoint();
		const tokens = await Promise.all(
			Array.from({ length: 10 }, async () => await obtainAccessToken({ ...app, heldToken: '' }, endpoint.requester)),
		);
		expect(new Set(tokens)).toEqual(new Set(['token-1']));
		expect(endpoint.issued()).toBe(1);
	});

	it('hands a caller holding an older token the one obtained moments ago', async () => {
		const app = freshApp();
		const endpoint = fakeTokenEndpoint();
		await obtainAccessToken({ ...app, heldToken: 'token-0' }, endpoint.requester);
		const late = await obtainAccessToken({ ...app, heldToken: 'token-0' }, endpoint.requester);
		expect(late).toBe('token-1');
		expect(endpoint.issued()).toBe(1);
	});

	it('renews when the refused token is the newest one', async () => {
		const app = freshApp();
		const endpoint = fakeTokenEndpoint();
		const first = await obtainAccessToken({ ...app, heldToken: '' }, endpoint.requester);
		const second = await obtainAccessToken({ ...app, heldToken: first }, endpoint.requester);
		expect(second).toBe('token-2');
	});

	it('does not hand out a token near the end of its life', async () => {
		const app = freshApp();
		const endpoint = fakeTokenEndpoint(2);
		let now = 1_000_000;
		const clock = () => now;
		await obtainAccessToken({ ...app, heldToken: '' }, endpoint.requester, clock);
		now += 1600; // past 2 s minus the kept-back quarter
		expect(await obtainAccessToken({ ...app, heldToken: 'old' }, endpoint.requester, clock)).toBe('token-2');
	});

	it('keeps apps (and secrets) apart', async () => {
		const endpoint = fakeTokenEndpoint();
		const app = freshApp();
		await obtainAccessToken({ ...app, heldToken: '' }, endpoint.requester);
		await obtainAccessToken({ ...app, appSecret: 'other', heldToken: '' }, endpoint.requester);
		expect(endpoint.issued()).toBe(2);
	});

	it('lets a failed renewal be tried again', async () => {
		const app = freshApp();
		let calls = 0;
		const flaky: TokenRequester = async () => {
			calls++;
			if (calls === 1) throw tokenEndpointError(undefined, undefined);
			return { access_token: 'good', expires_in: 100 };
		};
		await expect(obtainAccessToken({ ...app, heldToken: '' }, flaky)).rejects.toThrow(/Could not reach/);
		expect(await obtainAccessToken({ ...app, heldToken: '' }, flaky)).toBe('good');
	});

	it('tells a wrong secret from a revoked refresh token from an unreachable host', () => {
		const wrongSecret = tokenEndpointError(400, { error: 'invalid_client', error_description: 'Invalid client_id or client_secret' });
		const revoked = tokenEndpointError(400, '{"error":"invalid_grant","error_description":"refresh token is invalid or revoked"}');
		const unreachable = tokenEndpointError(undefined, undefined);
		expect(wrongSecret.message).toMatch(/app key or app secret/);
		expect(wrongSecret.errorCode).toBe('invalid_client');
		expect(revoked.message).toMatch(/refresh token/);
		expect(revoked.errorCode).toBe('invalid_grant');
		expect(unreachable.message).toMatch(/Could not reach api\.dropboxapi\.com/);
		expect(unreachable.errorCode).toBe('token_endpoint_unreachable');
		for (const error of [wrongSecret, revoked, unreachable]) expect(error.description).toBeTruthy();
	});
});
