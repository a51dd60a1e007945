/** Drives the Dropbox Suite Trigger through the n8n-core harness against the in-process emulator. */
import { Dropbox } from 'dropbox';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DropboxSuiteTrigger } from '../../nodes/DropboxSuiteTrigger/DropboxSuiteTrigger.node';
import { startTestEmulator, type TestEmulator } from '../support/emulator-harness';
import { activateTrigger, TriggerInstance, type ActivateTriggerOptions, type ActiveTrigger } from '../support/n8n';
import { credentialFor, credentialTypes } from './credentials.fixture';

export const folder = (value: string) => ({ __rl: true, mode: 'path', value });

export class TriggerWorld {
	readonly dbx: Dropbox;

	readonly credentials;

	constructor(readonly emulator: TestEmulator) {
		this.dbx = new Dropbox({ accessToken: emulator.demo.access_token });
		this.credentials = credentialFor('appApi', emulator.demo);
	}

	async write(path: string, content: string | Buffer = 'x'): Promise<void> {
		const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
		await this.emulator.admin('POST', '/files', { account_id: this.emulator.demo.account_id, path, content_base64: bytes.toString('base64') });
	}

	async remove(path: string): Promise<void> {
		await this.dbx.filesDeleteV2({ path });
	}

	async mkdir(path: string): Promise<void> {
		await this.dbx.filesCreateFolderV2({ path });
	}

	async move(from: string, to: string): Promise<void> {
		await this.dbx.filesMoveV2({ from_path: from, to_path: to });
	}

	async fault(spec: Record<string, unknown>): Promise<void> {
		await this.emulator.admin('POST', '/faults', spec);
	}

	async activate(
		parameters: INodeParameters,
		instance = new TriggerInstance(),
		extra: Partial<ActivateTriggerOptions> = {},
	): Promise<{ instance: TriggerInstance; active: ActiveTrigger }> {
		const active = await activateTrigger({
			instance,
			nodeType: new DropboxSuiteTrigger(),
			parameters: { authentication: 'appApi', ...parameters },
			credentials: this.credentials,
			credentialTypes,
			...extra,
		});
		return { instance, active };
	}
}

/** `event path` of each execution, in order. */
export function eventsOf(instance: TriggerInstance): string[] {
	return instance.emittedJson().map((json: IDataObject) => `${String(json.event)} ${String(json.path_display)}`);
}

/** Lets the trigger reach its long-poll wait (or finish what it is doing) before the test goes on. */
export async function settle(ms = 300): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, ms));
}

/** The emulator's log of calls to a route since the start. */
export async function callsTo(emulator: TestEmulator, route: string): Promise<number> {
	const log = await emulator.log();
	return log.filter((entry) => entry.route === route || entry.route === `/2/${route}`).length;
}

/** One emulator for the test file (long-polls answer right at their timeout), and the world that drives it. */
export function useTriggerWorld(): { readonly emulator: TestEmulator; readonly world: TriggerWorld } {
	const env = {} as { emulator: TestEmulator; world: TriggerWorld };
	beforeAll(async () => {
		env.emulator = await startTestEmulator({ longpollJitterMs: 0 });
		env.world = new TriggerWorld(env.emulator);
	});
	afterAll(async () => await env.emulator.stop());
	return env;
}
