/** Shared by the files conformance tests: SDK clients and error capture. */
import { Dropbox, DropboxResponseError } from 'dropbox';
import type { TestEmulator } from '../../support/emulator-harness';

export type SdkError = DropboxResponseError<{ error_summary: string; error: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function client(emu: TestEmulator, accessToken = emu.demo.access_token, pathRoot?: string): Dropbox {
	return new Dropbox({ accessToken, ...(pathRoot ? { pathRoot } : {}) });
}

/** The DropboxResponseError a call fails with. */
export async function sdkFailure(call: Promise<unknown>): Promise<SdkError> {
	const error = await call.then(
		() => undefined,
		(e: unknown) => e,
	);
	if (!(error instanceof DropboxResponseError)) throw new Error(`expected a DropboxResponseError, got ${String(error)}`);
	return error as SdkError;
}
