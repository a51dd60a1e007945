/**
 * `describeRoute('files/upload', () => emu, () => { it(…) })`: a describe block for one route whose
 * afterAll fails unless the emulator's log shows at least one request to that route — a route cannot be
 * counted as conformance-tested without being called. The coverage matrix finds these calls by text.
 */
import type { TestEmulator } from '../../support/emulator-harness';

export function describeRoute(routeKey: string, emulator: () => TestEmulator, body: () => void): void {
	describe(routeKey, () => {
		body();
		afterAll(async () => {
			const log = await emulator().log();
			const calls = log.filter((entry) => entry.route === routeKey);
			if (calls.length === 0) {
				throw new Error(`describeRoute('${routeKey}'): no request to ${routeKey} reached the emulator`);
			}
		});
	});
}
