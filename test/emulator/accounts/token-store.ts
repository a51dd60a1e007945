/**
 * Refresh tokens, access tokens and OAuth authorization codes. Tokens are never deleted, only expired or
 * revoked, so that a client presenting an old token gets Dropbox's precise answer instead of "unknown".
 */
import type { Account } from '../contract';
import { newAccessToken, newAuthorizationCode, newRefreshToken } from './ids';

export interface RefreshGrant {
	token: string;
	accountId: string;
	appKey: string;
	scopes: string[];
	/** Issued to a PKCE client, which may refresh without the app secret. */
	publicClient: boolean;
	revoked: boolean;
}

export interface AccessGrant {
	token: string;
	accountId: string;
	appKey: string;
	scopes: string[];
	/** The refresh token it came from; revoking one revokes its family. */
	refreshToken?: string;
	expiresAt: number;
	revoked: boolean;
}

export interface AuthorizationCode {
	code: string;
	accountId: string;
	appKey: string;
	scopes: string[];
	redirectUri?: string;
	codeChallenge?: string;
	codeChallengeMethod: 'S256' | 'plain';
	tokenAccessType: 'offline' | 'online' | 'legacy';
	expiresAt: number;
}

export type AccessCheck =
	| { kind: 'ok'; grant: AccessGrant }
	| { kind: 'expired'; grant: AccessGrant }
	| { kind: 'invalid' };

/**
 * What survives a restart with the same data directory: refresh and access tokens, so that credentials
 * stored by a client keep working. Authorization codes live minutes and are not kept.
 */
export interface TokensSnapshot {
	refresh: RefreshGrant[];
	access: AccessGrant[];
}

/** Dropbox's authorization codes are short-lived and single-use. */
const CODE_LIFETIME_MS = 10 * 60 * 1000;

export class TokenStore {
	private readonly refreshGrants = new Map<string, RefreshGrant>();
	private readonly accessGrants = new Map<string, AccessGrant>();
	private readonly codes = new Map<string, AuthorizationCode>();

	grantRefresh(
		account: Account,
		options: { scopes: string[]; appKey?: string; fixedToken?: string; publicClient?: boolean },
	): RefreshGrant {
		const grant: RefreshGrant = {
			token: options.fixedToken ?? newRefreshToken(),
			accountId: account.accountId,
			appKey: options.appKey ?? account.appKey,
			scopes: [...options.scopes],
			publicClient: options.publicClient ?? false,
			revoked: false,
		};
		this.refreshGrants.set(grant.token, grant);
		return grant;
	}

	issueAccess(
		account: Account,
		options: { scopes: string[]; appKey?: string; refreshToken?: string; fixedToken?: string; lifetimeS?: number },
	): AccessGrant {
		const lifetimeS = options.lifetimeS ?? account.tokenLifetimeS;
		const grant: AccessGrant = {
			token: options.fixedToken ?? newAccessToken(),
			accountId: account.accountId,
			appKey: options.appKey ?? account.appKey,
			scopes: [...options.scopes],
			refreshToken: options.refreshToken,
			expiresAt: Date.now() + lifetimeS * 1000,
			revoked: false,
		};
		this.accessGrants.set(grant.token, grant);
		return grant;
	}

	checkAccess(token: string): AccessCheck {
		const grant = this.accessGrants.get(token);
		if (!grant || grant.revoked) return { kind: 'invalid' };
		if (Date.now() >= grant.expiresAt) return { kind: 'expired', grant };
		return { kind: 'ok', grant };
	}

	/** A usable (not revoked) refresh grant, or undefined. */
	refreshGrant(token: string): RefreshGrant | undefined {
		const grant = this.refreshGrants.get(token);
		return grant && !grant.revoked ? grant : undefined;
	}

	/** `auth/token/revoke`: the token, the refresh token it came from and every sibling access token. */
	revokeFamily(accessToken: string): void {
		const grant = this.accessGrants.get(accessToken);
		if (!grant) return;
		grant.revoked = true;
		if (!grant.refreshToken) return;
		const refresh = this.refreshGrants.get(grant.refreshToken);
		if (refresh) refresh.revoked = true;
		for (const sibling of this.accessGrants.values()) {
			if (sibling.refreshToken === grant.refreshToken) sibling.revoked = true;
		}
	}

	expireAccount(accountId: string): number {
		let expired = 0;
		const now = Date.now();
		for (const grant of this.accessGrants.values()) {
			if (grant.accountId === accountId && !grant.revoked && grant.expiresAt > now) {
				grant.expiresAt = now;
				expired++;
			}
		}
		return expired;
	}

	revokeAccount(accountId: string): number {
		let revoked = 0;
		for (const grant of [...this.accessGrants.values(), ...this.refreshGrants.values()]) {
			if (grant.accountId === accountId && !grant.revoked) {
				grant.revoked = true;
				revoked++;
			}
		}
		return revoked;
	}

	createCode(fields: Omit<AuthorizationCode, 'code' | 'expiresAt'>): AuthorizationCode {
		const code: AuthorizationCode = { ...fields, code: newAuthorizationCode(), expiresAt: Date.now() + CODE_LIFETIME_MS };
		this.codes.set(code.code, code);
		return code;
	}

	/** Codes are single-use: taking one removes it. */
	takeCode(code: string): AuthorizationCode | undefined {
		const found = this.codes.get(code);
		this.codes.delete(code);
		return found && Date.now() < found.expiresAt ? found : undefined;
	}

	clear(): void {
		this.refreshGrants.clear();
		this.accessGrants.clear();
		this.codes.clear();
	}

	snapshot(): TokensSnapshot {
		return {
			refresh: [...this.refreshGrants.values()].map((grant) => structuredClone(grant)),
			access: [...this.accessGrants.values()].map((grant) => structuredClone(grant)),
		};
	}

	/** Replaces every token with those of a snapshot. */
	restore(snapshot: TokensSnapshot): void {
		this.clear();
		for (const grant of snapshot.refresh) this.refreshGrants.set(grant.token, structuredClone(grant));
		for (const grant of snapshot.access) this.accessGrants.set(grant.token, structuredClone(grant));
	}
}
