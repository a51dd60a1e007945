/**
 * Shared by the files-*.test.ts conformance tests: one emulator and SDK client per test file, the route
 * error a call fails with, and a check of an answer against its type in the API specification.
 */
import type { Dropbox } from 'dropbox';
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import { typeOf, validateValue } from '../stone';
import { client } from './sdk-support';

export interface SdkWorld {
	emu: TestEmulator;
	/** The demo account's client. */
	dbx: Dropbox;
}

/** Starts an emulator before the file's tests and stops it after them; read the fields inside tests. */
export function sdkWorld(): SdkWorld {
	const world = {} as SdkWorld;
	beforeAll(async () => {
		world.emu = await startTestEmulator();
		world.dbx = client(world.emu);
	});
	afterAll(() => world.emu.stop());
	return world;
}

/** The route error (the union value) a call fails with; undefined when it succeeds. */
export function routeFailure(call: Promise<unknown>): Promise<unknown> {
	return call.then(
		() => undefined,
		(e: { error: { error: unknown } }) => e.error.error,
	);
}

export function expectSpecShape(typeName: string, value: unknown): void {
	const [namespace, name] = typeName.includes('.') ? typeName.split('.') : ['files', typeName];
	const outcome = validateValue(typeOf(namespace, name), value);
	if (!outcome.ok) throw new Error(`${typeName}: ${outcome.message}\n${JSON.stringify(value, null, 1)}`);
}
