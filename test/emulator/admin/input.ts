/** Reading and checking the JSON bodies of admin calls. */
import type { IncomingMessage } from 'node:http';
import type { Account } from '../contract';
import { readSmallBody } from '../dispatch/body';
import type { PlatformState } from '../dispatch/platform';
import { allUserScopes } from '../routes';
import { AdminError } from './admin-error';

export type JsonObject = Record<string, unknown>;

export async function readJsonObject(req: IncomingMessage): Promise<JsonObject> {
	// Seeded file contents travel as base64 in here, so allow more than an RPC argument.
	const text = (await readSmallBody(req, 256 * 1024 * 1024)).toString('utf8').trim();
	if (text === '') return {};
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new AdminError(400, 'body is not JSON');
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new AdminError(400, 'body must be a JSON object');
	}
	return value as JsonObject;
}

export function accountFrom(state: PlatformState, accountId: unknown): Account {
	if (typeof accountId !== 'string' || accountId === '') throw new AdminError(400, 'account_id is required');
	const account = state.accounts.byId(accountId);
	if (!account) throw new AdminError(404, `no account ${accountId}`);
	return account;
}

export function optionalNumber(body: JsonObject, field: string, min = 0): number | undefined {
	const value = body[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
		throw new AdminError(400, `${field} must be a number ≥ ${min}`);
	}
	return value;
}

export function optionalString(body: JsonObject, field: string): string | undefined {
	const value = body[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw new AdminError(400, `${field} must be a string`);
	return value;
}

/** `scopes`: what the account's tokens may do (all user scopes unless given), so that `missing_scope` can be shown. */
export function optionalScopes(body: JsonObject): string[] | undefined {
	const value = body.scopes;
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value) || !value.every((scope) => typeof scope === 'string')) {
		throw new AdminError(400, 'scopes must be a list of strings');
	}
	const unknown = value.filter((scope) => !allUserScopes().includes(scope));
	if (unknown.length > 0) throw new AdminError(400, `unknown scopes: ${unknown.join(' ')}`);
	return value;
}
