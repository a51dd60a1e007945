/**
 * The admin interface (`/__admin/…` on any non-Dropbox Host): accounts, seeded files, faults, long-poll
 * backoff, limits, tokens, cursors, the request log and a full reset. JSON in, JSON out; unknown calls are 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccountCredentials } from '../accounts/credentials';
import { ApiError } from '../contract';
import type { ProvisionOptions } from '../accounts/provision';
import { faultProblem, type FaultSpec } from '../dispatch/faults';
import type { Platform } from '../dispatch/platform';
import { sendJson } from '../dispatch/respond';
import { AdminError } from './admin-error';
import { accountFrom, optionalNumber, optionalScopes, optionalString, readJsonObject } from './input';
import { changedLimits, limitsJson } from './limits';

export interface AdminDeps {
	platform: Platform;
	provision(options: ProvisionOptions): Promise<AccountCredentials>;
	/** Back to the start state; answers the (unchanged) demo credentials. */
	reset(): Promise<AccountCredentials>;
}

type AdminCall = (deps: AdminDeps, req: IncomingMessage, url: URL) => Promise<unknown>;

const calls: Record<string, AdminCall> = {
	'POST /accounts': async (deps, req) => {
		const body = await readJsonObject(req);
		if (body.team !== undefined && typeof body.team !== 'boolean') throw new AdminError(400, 'team must be a boolean');
		const plan = optionalString(body, 'plan');
		if (plan !== undefined && plan !== 'basic' && plan !== 'pro') throw new AdminError(400, 'plan must be "basic" or "pro"');
		return deps.provision({
			scopes: optionalScopes(body),
			tokenLifetimeS: optionalNumber(body, 'token_lifetime_s', 1),
			quotaBytes: optionalNumber(body, 'quota_bytes'),
			team: body.team === true,
			displayName: optionalString(body, 'display_name'),
			email: optionalString(body, 'email'),
			plan,
		});
	},
	'POST /files': async ({ platform }, req) => {
		const body = await readJsonObject(req);
		const account = accountFrom(platform.state, body.account_id);
		const path = optionalString(body, 'path');
		if (!path) throw new AdminError(400, 'path is required');
		const base64 = optionalString(body, 'content_base64');
		const size = optionalNumber(body, 'size');
		if (base64 === undefined && size === undefined) throw new AdminError(400, 'content_base64 or size is required');
		const content = base64 !== undefined ? Buffer.from(base64, 'base64') : { size: size! };
		await platform.state.files.seedFile(account, path, content);
		return (await platform.state.files.statFile(account, path)) ?? {};
	},
	'GET /files': async ({ platform }, _req, url) => {
		const account = accountFrom(platform.state, url.searchParams.get('account_id'));
		const path = url.searchParams.get('path');
		if (!path) throw new AdminError(400, 'path is required');
		const stat = await platform.state.files.statFile(account, path);
		if (!stat) throw new AdminError(404, `no file at ${path}`);
		return stat;
	},
	'POST /faults': async ({ platform }, req) => {
		const body = (await readJsonObject(req)) as Partial<FaultSpec>;
		const problem = faultProblem(body);
		if (problem) throw new AdminError(400, problem);
		platform.faults.add(body as FaultSpec);
		return { ok: true };
	},
	'POST /longpoll': async ({ platform }, req) => {
		const body = await readJsonObject(req);
		const backoff = optionalNumber(body, 'backoff');
		if (backoff === undefined) throw new AdminError(400, 'backoff is required');
		const times = optionalNumber(body, 'times', 1);
		if (times !== undefined && !Number.isInteger(times)) throw new AdminError(400, 'times must be a positive integer');
		platform.state.longpoll.setBackoff(backoff, times);
		return { ok: true };
	},
	'POST /tokens/expire': async ({ platform }, req) => {
		const account = accountFrom(platform.state, (await readJsonObject(req)).account_id);
		return { expired: platform.state.tokens.expireAccount(account.accountId) };
	},
	'POST /tokens/revoke': async ({ platform }, req) => {
		const account = accountFrom(platform.state, (await readJsonObject(req)).account_id);
		return { revoked: platform.state.tokens.revokeAccount(account.accountId) };
	},
	'POST /cursors/reset': async ({ platform }, req) => {
		const account = accountFrom(platform.state, (await readJsonObject(req)).account_id);
		platform.state.files.resetCursors(account);
		return { ok: true };
	},
	'GET /limits': async ({ platform }) => limitsJson(platform.state.limits),
	'POST /limits': async ({ platform }, req) => {
		platform.state.limits = changedLimits(platform.state.limits, await readJsonObject(req));
		return limitsJson(platform.state.limits);
	},
	'GET /log': async ({ platform }) => platform.log.all(),
	'POST /reset': async (deps) => ({ demo: await deps.reset() }),
};

export async function handleAdminRequest(deps: AdminDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const url = new URL(req.url ?? '/', 'https://emulator.local');
	const path = url.pathname.replace(/^\/__admin(?=\/|$)/, '');
	const call = url.pathname.startsWith('/__admin') ? calls[`${req.method} ${path}`] : undefined;
	try {
		if (!call) throw new AdminError(404, `no admin call ${req.method} ${url.pathname}`);
		sendJson(res, 200, await call(deps, req, url));
	} catch (error) {
		if (error instanceof AdminError || error instanceof ApiError) {
			sendJson(res, error.status, { error: error.message });
			return;
		}
		process.stderr.write(`[emulator admin] ${(error as Error).stack ?? String(error)}\n`);
		sendJson(res, 500, { error: (error as Error).message });
	}
}
