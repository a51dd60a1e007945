/**
 * One token renewal per credential, shared by every request that meets the expired token.
 *
 * n8n-core renews an OAuth2 token (or re-runs an app credential's preAuthentication) on any 401,
 * once per request: N parallel items would renew N times, and with Dropbox each renewal can
 * invalidate nothing but still costs a call and races on the stored credential. So requests are sent
 * with HTTP errors returned to us; on a token 401 the first request re-sends letting n8n-core see the
 * 401 (core renews and stores the token), the others wait for it and then re-send: n8n reads the
 * stored credential on every call, so they pick up the new token.
 */
export type TokenRejection = 'expired_access_token' | 'invalid_access_token';

export interface RenewableSend<R> {
	/** Sends with HTTP errors returned as responses, so a 401 reaches the caller. */
	send(): Promise<R>;
	/** Sends letting n8n-core see a 401: it renews and stores the token, then re-sends once. */
	sendAndRenew(): Promise<R>;
	/** Whether a response says the access token is no longer good. */
	tokenRejection(response: R): TokenRejection | undefined;
}

interface RenewalSlot {
	/** Counts finished renewals: a 401 for a request signed before the latest one just re-sends. */
	generation: number;
	inFlight?: Promise<void>;
}

/** Slots by credential; one per process, shared by every execution using that credential. */
export class RenewalRegistry {
	private readonly slots = new Map<string, RenewalSlot>();

	slot(key: string): RenewalSlot {
		let slot = this.slots.get(key);
		if (!slot) {
			slot = { generation: 0 };
			this.slots.set(key, slot);
		}
		return slot;
	}
}

export const renewals = new RenewalRegistry();

/** Rounds of "401 → renew or wait → re-send" one request may go through before its 401 stands. */
const MAX_ROUNDS = 3;

export async function sendWithSharedRenewal<R>(
	registry: RenewalRegistry,
	key: string,
	call: RenewableSend<R>,
): Promise<R> {
	const slot = registry.slot(key);
	let invalidSeen = false;
	let response: R | undefined;
	for (let round = 0; round < MAX_ROUNDS; round++) {
		const signedAt = slot.generation;
		response = await call.send();
		const rejection = call.tokenRejection(response);
		if (rejection === undefined) return response;
		// An invalid (as opposed to expired) token gets one renewal: if the new one is refused too, the
		// credential was revoked and renewing again would only repeat the refusal.
		if (rejection === 'invalid_access_token') {
			if (invalidSeen) return response;
			invalidSeen = true;
		}
		if (slot.generation !== signedAt) continue;
		if (slot.inFlight) {
			// A failed renewal rejects here: every waiting request reports the same refusal.
			await slot.inFlight;
			continue;
		}
		const renewal = call.sendAndRenew();
		slot.inFlight = renewal
			.then(() => undefined)
			.finally(() => {
				slot.generation++;
				slot.inFlight = undefined;
			});
		// Nobody may be waiting: keep an unobserved rejection from crashing n8n.
		slot.inFlight.catch(() => undefined);
		return await renewal;
	}
	return response as R;
}
