/**
 * What the tests of the single-route file operations and Paper docs share: the node run through n8n-core against an
 * in-process emulator, seeding files through the admin interface, and reading them back.
 */
import type { IDataObject } from 'n8n-workflow';

import { DropboxSuite } from '../../nodes/DropboxSuite/DropboxSuite.node';
import { startTestEmulator, type TestEmulator } from '../support/emulator-harness';
import { runNode } from '../support/n8n';
import { credentialFor, credentialTypes } from './credentials.fixture';

export interface Stat {
	size: number;
	content_hash: string;
	rev: string;
	id: string;
}

export type RunOptions = Partial<Parameters<typeof runNode>[0]>;

/** Starts the emulator before the file's tests and stops it after them. */
export function useEmulator(): { readonly emulator: TestEmulator } {
	const holder: { emulator?: TestEmulator } = {};
	beforeAll(async () => {
		holder.emulator = await startTestEmulator();
	});
	afterAll(async () => await holder.emulator?.stop());
	return {
		get emulator() {
			if (!holder.emulator) throw new Error('The emulator is not started yet');
			return holder.emulator;
		},
	};
}

/** A path resource locator as the editor saves it. */
export const locator = (value: string) => ({ __rl: true, mode: 'path', value });

export async function seed(emulator: TestEmulator, path: string, content: Buffer | string, accountId = emulator.demo.account_id): Promise<Stat> {
	const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
	await emulator.admin('POST', '/files', { account_id: accountId, path, content_base64: bytes.toString('base64') });
	return await stat(emulator, path, accountId);
}

export async function stat(emulator: TestEmulator, path: string, accountId = emulator.demo.account_id): Promise<Stat> {
	const query = new URLSearchParams({ account_id: accountId, path });
	return await emulator.admin<Stat>('GET', `/files?${query}`);
}

/** Runs the Dropbox Suite node with the demo account's app credential (or the given account's). */
export async function runSuite(
	emulator: TestEmulator,
	parameters: Record<string, unknown>,
	extra: RunOptions = {},
	account: Parameters<typeof credentialFor>[1] = emulator.demo,
) {
	return await runNode({
		nodeType: new DropboxSuite(),
		parameters: { authentication: 'appApi', ...parameters } as never,
		credentials: credentialFor('appApi', account),
		credentialTypes,
		...extra,
	});
}

/** The JSON of each output item. */
export const jsonOf = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json);

/** The emulator's request log, read as the tests use it: how long it is now, and the routes called since then. */
export function requestLog(env: { readonly emulator: TestEmulator }) {
	return {
		logLength: async () => (await env.emulator.log()).length,
		routesSince: async (before: number) => (await env.emulator.log()).slice(before).map((entry) => entry.route),
	};
}
