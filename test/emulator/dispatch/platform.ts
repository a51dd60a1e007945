/** Everything the request pipeline works with, built once by createEmulator. */
import type { EmulatorState, FileLimits, HandlerMap } from '../contract';
import type { AccountStore } from '../accounts/account-store';
import type { TokenStore } from '../accounts/token-store';
import type { RouteTable } from '../routes';
import type { FaultStore } from './faults';
import type { LongpollPolicy } from './longpoll-policy';
import type { RequestLog } from './request-log';

/** The shared state, with the platform's own stores next to what handlers see through the contract. */
export interface PlatformState extends EmulatorState {
	accounts: AccountStore;
	tokens: TokenStore;
	/** The signed-in user of the OAuth authorize page. */
	demoAccountId: string;
	/** Long-poll jitter and the backoff the admin interface asks for. */
	longpoll: LongpollPolicy;
	/** The files part's limits in force; the admin interface replaces them (handlers read them per call). */
	limits: FileLimits;
}

export interface Platform {
	state: PlatformState;
	routes: RouteTable;
	handlers: HandlerMap;
	faults: FaultStore;
	log: RequestLog;
	latencyMs: number;
}

/** Handlers receive the contract's EmulatorState; the platform's own handlers know it is more. */
export function platformStateOf(state: EmulatorState): PlatformState {
	const candidate = state as Partial<PlatformState>;
	if (!candidate.tokens) throw new Error('platform handler called without platform state');
	return state as PlatformState;
}
