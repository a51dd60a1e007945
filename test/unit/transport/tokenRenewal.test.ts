import {
	RenewalRegistry,
	sendWithSharedRenewal,
	type RenewableSend,
	type TokenRejection,
} from '../../../nodes/shared/transport/tokenRenewal';

/**
 * A fake server + credential store: the stored token has a generation; a request signed with an older
 * generation is answered 401 expired. Renewing takes a tick and bumps the generation.
 */
function fakeService(options: { renewalFails?: boolean; revoked?: boolean } = {}) {
	let storedGeneration = 0;
	let renewals = 0;
	let sends = 0;
	const tick = async () => await new Promise((resolve) => setImmediate(resolve));
	const answer = async (signedWith: number): Promise<number> => {
		await tick();
		if (options.revoked) return 401.2;
		return signedWith === expiredBelow() ? 200 : 401.1;
	};
	let validGeneration = 1;
	const expiredBelow = () => validGeneration;
	const call = (): RenewableSend<number> => ({
		send: async () => {
			sends++;
			return await answer(storedGeneration);
		},
		sendAndRenew: async () => {
			sends++;
			const first = await answer(storedGeneration);
			if (first === 200) return first;
			renewals++;
			await tick();
			if (options.renewalFails) throw new Error('invalid_grant');
			storedGeneration = validGeneration;
			return await answer(storedGeneration);
		},
		tokenRejection: (status: number): TokenRejection | undefined =>
			status === 401.1 ? 'expired_access_token' : status === 401.2 ? 'invalid_access_token' : undefined,
	});
	return {
		call,
		expireTokens: () => {
			validGeneration++;
		},
		renewals: () => renewals,
		sends: () => sends,
	};
}

describe('token renewal shared across parallel requests', () => {
	it('renews once for 20 parallel requests that meet an expired token', async () => {
		const service = fakeService();
		const registry = new RenewalRegistry();
		const results = await Promise.all(
			Array.from({ length: 20 }, async () => await sendWithSharedRenewal(registry, 'cred:1', service.call())),
		);
		expect(results.every((status) => status === 200)).toBe(true);
		expect(service.renewals()).toBe(1);
	});

	it('renews again when the token expires again later', async () => {
		const service = fakeService();
		const registry = new RenewalRegistry();
		await Promise.all(Array.from({ length: 5 }, async () => await sendWithSharedRenewal(registry, 'c', service.call())));
		service.expireTokens();
		await Promise.all(Array.from({ length: 5 }, async () => await sendWithSharedRenewal(registry, 'c', service.call())));
		expect(service.renewals()).toBe(2);
	});

	it('keeps credentials apart: each renews its own token', async () => {
		const first = fakeService();
		const second = fakeService();
		const registry = new RenewalRegistry();
		await Promise.all([
			sendWithSharedRenewal(registry, 'a', first.call()),
			sendWithSharedRenewal(registry, 'b', second.call()),
		]);
		expect(first.renewals()).toBe(1);
		expect(second.renewals()).toBe(1);
	});

	it('a request answered 401 after a renewal it did not wait for just re-sends', async () => {
		const registry = new RenewalRegistry();
		let generation = 0;
		let renewed = 0;
		const slowStale: RenewableSend<string> = {
			send: async () => {
				const signedWith = generation;
				// Answered only after another request renewed.
				await new Promise((resolve) => setTimeout(resolve, 20));
				return signedWith === 1 ? 'ok' : '401';
			},
			sendAndRenew: async () => {
				renewed++;
				generation = 1;
				return 'ok';
			},
			tokenRejection: (r) => (r === '401' ? 'expired_access_token' : undefined),
		};
		const fast: RenewableSend<string> = {
			send: async () => (generation === 1 ? 'ok' : '401'),
			sendAndRenew: async () => {
				renewed++;
				generation = 1;
				return 'ok';
			},
			tokenRejection: (r) => (r === '401' ? 'expired_access_token' : undefined),
		};
		const [slowResult, fastResult] = await Promise.all([
			sendWithSharedRenewal(registry, 'k', slowStale),
			sendWithSharedRenewal(registry, 'k', fast),
		]);
		expect([slowResult, fastResult]).toEqual(['ok', 'ok']);
		expect(renewed).toBe(1);
	});

	it('every waiting request reports a failed renewal, and only one renewal is tried', async () => {
		const service = fakeService({ renewalFails: true });
		const registry = new RenewalRegistry();
		const outcomes = await Promise.allSettled(
			Array.from({ length: 10 }, async () => await sendWithSharedRenewal(registry, 'x', service.call())),
		);
		expect(outcomes.every((outcome) => outcome.status === 'rejected')).toBe(true);
		expect(service.renewals()).toBe(1);
	});

	it('an invalid (revoked) token is renewed at most once per request, then the 401 stands', async () => {
		const service = fakeService({ revoked: true });
		const registry = new RenewalRegistry();
		const result = await sendWithSharedRenewal(registry, 'r', service.call());
		expect(result).toBe(401.2);
		expect(service.sends()).toBe(2);
		expect(service.renewals()).toBe(1);
	});

	it('does not renew on other answers (missing_scope, 409, …)', async () => {
		const registry = new RenewalRegistry();
		let renewed = false;
		const result = await sendWithSharedRenewal(registry, 'm', {
			send: async () => 'missing_scope',
			sendAndRenew: async () => {
				renewed = true;
				return 'x';
			},
			tokenRejection: () => undefined,
		});
		expect(result).toBe('missing_scope');
		expect(renewed).toBe(false);
	});
});
