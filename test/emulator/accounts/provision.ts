/** Creating an account end to end: identity, storage space, a refresh token and a first access token. */
import type { FileService } from '../contract';
import { allUserScopes } from '../routes';
import type { AccountStore, NewAccountOptions } from './account-store';
import type { AccountCredentials } from './credentials';
import type { TokenStore } from './token-store';

export interface ProvisionOptions extends NewAccountOptions {
	scopes?: string[];
	/** Fixed tokens, so that a reset emulator can bring back the same demo account. */
	refreshToken?: string;
	accessToken?: string;
}

export async function provisionAccount(
	deps: { accounts: AccountStore; tokens: TokenStore; files: FileService },
	options: ProvisionOptions = {},
): Promise<AccountCredentials> {
	const account = deps.accounts.create(options);
	await deps.files.createAccountSpace(account);
	const scopes = options.scopes ?? allUserScopes();
	const refresh = deps.tokens.grantRefresh(account, { scopes, fixedToken: options.refreshToken });
	const access = deps.tokens.issueAccess(account, {
		scopes,
		refreshToken: refresh.token,
		fixedToken: options.accessToken,
	});
	return {
		account_id: account.accountId,
		app_key: account.appKey,
		app_secret: account.appSecret,
		refresh_token: refresh.token,
		access_token: access.token,
	};
}
