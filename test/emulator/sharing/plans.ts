/**
 * What an account's plan allows of shared links. Dropbox Basic cannot protect links with a password, make
 * them expire or forbid downloads; paid plans can. The admin interface makes a Basic account with
 * `"plan": "basic"`; accounts made without a plan (the demo account among them) have the paid features.
 */
import type { Account } from '../contract';

export type Plan = 'basic' | 'pro';

/** An account as the account store keeps it: the contract's fields plus the plan it was made with. */
export type PlannedAccount = Account & { plan?: Plan };

export function hasPaidSharing(account: Account): boolean {
	return (account as PlannedAccount).plan !== 'basic';
}

export function sameTeam(a: Account, b: Account): boolean {
	return a.team !== undefined && a.team.teamId === b.team?.teamId;
}
