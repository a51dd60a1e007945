import { AccountStore } from './account-store';
import { TokenStore } from './token-store';

function setup() {
	const accounts = new AccountStore(3600);
	const tokens = new TokenStore();
	const account = accounts.create();
	return { accounts, tokens, account };
}

describe('TokenStore', () => {
	it('accepts a fresh token, then says expired once the account tokens are expired', () => {
		const { tokens, account } = setup();
		const access = tokens.issueAccess(account, { scopes: ['files.content.read'] });
		expect(tokens.checkAccess(access.token).kind).toBe('ok');
		expect(tokens.expireAccount(account.accountId)).toBe(1);
		expect(tokens.checkAccess(access.token).kind).toBe('expired');
		expect(tokens.checkAccess('sl.unknown').kind).toBe('invalid');
	});

	it('revoking an access token revokes its refresh token and every sibling, nothing else', () => {
		const { tokens, account } = setup();
		const refresh = tokens.grantRefresh(account, { scopes: [] });
		const a = tokens.issueAccess(account, { scopes: [], refreshToken: refresh.token });
		const b = tokens.issueAccess(account, { scopes: [], refreshToken: refresh.token });
		const other = tokens.issueAccess(account, { scopes: [] });
		tokens.revokeFamily(a.token);
		expect(tokens.checkAccess(a.token).kind).toBe('invalid');
		expect(tokens.checkAccess(b.token).kind).toBe('invalid');
		expect(tokens.refreshGrant(refresh.token)).toBeUndefined();
		expect(tokens.checkAccess(other.token).kind).toBe('ok');
	});

	it('revokes every token of one account only', () => {
		const { accounts, tokens, account } = setup();
		const stranger = accounts.create();
		const refresh = tokens.grantRefresh(account, { scopes: [] });
		const mine = tokens.issueAccess(account, { scopes: [] });
		const theirs = tokens.issueAccess(stranger, { scopes: [] });
		expect(tokens.revokeAccount(account.accountId)).toBe(2);
		expect(tokens.refreshGrant(refresh.token)).toBeUndefined();
		expect(tokens.checkAccess(mine.token).kind).toBe('invalid');
		expect(tokens.checkAccess(theirs.token).kind).toBe('ok');
	});

	it('authorization codes are single-use', () => {
		const { tokens, account } = setup();
		const code = tokens.createCode({
			accountId: account.accountId,
			appKey: account.appKey,
			scopes: [],
			codeChallengeMethod: 'S256',
			tokenAccessType: 'offline',
		});
		expect(tokens.takeCode(code.code)?.accountId).toBe(account.accountId);
		expect(tokens.takeCode(code.code)).toBeUndefined();
	});

	it('keeps fixed credentials, so a reset can bring back the same demo tokens', () => {
		const { tokens, account } = setup();
		tokens.grantRefresh(account, { scopes: ['a'], fixedToken: 'refresh-1' });
		tokens.issueAccess(account, { scopes: ['a'], fixedToken: 'access-1' });
		expect(tokens.refreshGrant('refresh-1')?.scopes).toEqual(['a']);
		expect(tokens.checkAccess('access-1').kind).toBe('ok');
	});
});

describe('AccountStore', () => {
	it('gives a team account its own root namespace and a member folder named after the user', () => {
		const accounts = new AccountStore(14400);
		const personal = accounts.create({ displayName: 'Ann Example' });
		const member = accounts.create({ displayName: 'Bob Example', team: true });
		expect(personal.rootNamespaceId).toBe(personal.homeNamespaceId);
		expect(member.rootNamespaceId).not.toBe(member.homeNamespaceId);
		expect(member.team?.memberFolderName).toBe('Bob Example');
		expect(personal.accountId).toMatch(/^dbid:[A-Za-z0-9_-]{35}$/);
		expect(accounts.byAppKey(member.appKey)).toBe(member);
		expect(personal.tokenLifetimeS).toBe(14400);
	});
});
