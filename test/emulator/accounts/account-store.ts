/** Every account the emulator knows, each with its own app (app key and secret). */
import type { Account, AccountRegistry } from '../contract';
import type { Plan, PlannedAccount } from '../sharing/plans';
import { newAccountId, newAppKey, newAppSecret, newNamespaceId, newTeamId } from './ids';

export interface NewAccountOptions {
	displayName?: string;
	email?: string;
	team?: boolean;
	quotaBytes?: number;
	tokenLifetimeS?: number;
	/** `basic`: Dropbox Basic's limits on shared links; without a plan an account has the paid features. */
	plan?: Plan;
	/** Fixed identity, so that a reset emulator can bring back the same demo account. */
	accountId?: string;
	appKey?: string;
	appSecret?: string;
}

export const DEFAULT_QUOTA_BYTES = 2 * 1024 ** 3;

/** What survives a restart with the same data directory: every account, and how many were made. */
export interface AccountsSnapshot {
	created: number;
	accounts: Account[];
}

export class AccountStore implements AccountRegistry {
	private readonly accounts = new Map<string, Account>();
	private created = 0;

	constructor(private readonly defaultTokenLifetimeS: number) {}

	create(options: NewAccountOptions = {}): Account {
		this.created++;
		const displayName = options.displayName ?? `Test User ${this.created}`;
		const homeNamespaceId = newNamespaceId();
		const account: PlannedAccount = {
			accountId: options.accountId ?? newAccountId(),
			email: options.email ?? `user${this.created}@example.com`,
			displayName,
			homeNamespaceId,
			rootNamespaceId: options.team ? newNamespaceId() : homeNamespaceId,
			quotaBytes: options.quotaBytes ?? DEFAULT_QUOTA_BYTES,
			tokenLifetimeS: options.tokenLifetimeS ?? this.defaultTokenLifetimeS,
			appKey: options.appKey ?? newAppKey(),
			appSecret: options.appSecret ?? newAppSecret(),
		};
		if (options.plan) account.plan = options.plan;
		if (options.team) {
			account.team = { teamId: newTeamId(), name: `${displayName}'s Team`, memberFolderName: displayName };
		}
		this.accounts.set(account.accountId, account);
		return account;
	}

	byId(accountId: string): Account | undefined {
		return this.accounts.get(accountId);
	}

	byAppKey(appKey: string): Account | undefined {
		return this.all().find((a) => a.appKey === appKey);
	}

	all(): Account[] {
		return [...this.accounts.values()];
	}

	clear(): void {
		this.accounts.clear();
		this.created = 0;
	}

	snapshot(): AccountsSnapshot {
		return { created: this.created, accounts: this.all().map((account) => structuredClone(account)) };
	}

	/** Replaces every account with those of a snapshot. */
	restore(snapshot: AccountsSnapshot): void {
		this.clear();
		this.created = snapshot.created;
		for (const account of snapshot.accounts) this.accounts.set(account.accountId, structuredClone(account));
	}
}
