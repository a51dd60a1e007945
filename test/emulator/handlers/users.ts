/** The users namespace: the caller's account, space usage, other accounts, feature values. */
import { ApiError, type HandlerContext, type HandlerMap, type HandlerResult } from '../contract';
import { basicAccount, fullAccount } from './account-views';

function caller(ctx: HandlerContext) {
	if (!ctx.account) throw new Error(`${ctx.route.key} needs a user`);
	return ctx.account;
}

const json = (body: unknown): HandlerResult => ({ kind: 'json', body });

async function getCurrentAccount(ctx: HandlerContext): Promise<HandlerResult> {
	return json(fullAccount(caller(ctx)));
}

async function getSpaceUsage(ctx: HandlerContext): Promise<HandlerResult> {
	const account = caller(ctx);
	const used = ctx.emulator.files.usedBytes(account);
	if (account.team) {
		return json({
			used,
			allocation: {
				'.tag': 'team',
				used,
				allocated: account.quotaBytes,
				user_within_team_space_allocated: 0,
				user_within_team_space_limit_type: { '.tag': 'off' },
				user_within_team_space_used_cached: used,
			},
		});
	}
	return json({ used, allocation: { '.tag': 'individual', allocated: account.quotaBytes } });
}

async function getAccount(ctx: HandlerContext): Promise<HandlerResult> {
	const { account_id: accountId } = ctx.arg as { account_id: string };
	const found = ctx.emulator.accounts.byId(accountId);
	if (!found) throw new ApiError(409, { '.tag': 'no_account' });
	return json(basicAccount(found, caller(ctx)));
}

async function getAccountBatch(ctx: HandlerContext): Promise<HandlerResult> {
	const { account_ids: accountIds } = ctx.arg as { account_ids: string[] };
	const viewer = caller(ctx);
	const views = accountIds.map((accountId) => {
		const found = ctx.emulator.accounts.byId(accountId);
		if (!found) throw new ApiError(409, { '.tag': 'no_account', no_account: accountId });
		return basicAccount(found, viewer);
	});
	return json(views);
}

/** The emulator's users have Paper as files, no file locking, and one root unless on a team. */
async function getFeatureValues(ctx: HandlerContext): Promise<HandlerResult> {
	const { features } = ctx.arg as { features: Array<string | { '.tag': string }> };
	if (features.length === 0) throw new ApiError(409, { '.tag': 'empty_features_list' });
	const account = caller(ctx);
	const values = features.map((feature) => {
		const tag = typeof feature === 'string' ? feature : feature['.tag'];
		const enabled = tag === 'paper_as_files' || (account.team !== undefined && tag !== 'file_locking');
		return { '.tag': tag, [tag]: { '.tag': 'enabled', enabled } };
	});
	return json({ values });
}

export const usersHandlers: HandlerMap = {
	'users/get_current_account': getCurrentAccount,
	'users/get_space_usage': getSpaceUsage,
	'users/get_account': getAccount,
	'users/get_account_batch': getAccountBatch,
	'users/features/get_values': getFeatureValues,
};
