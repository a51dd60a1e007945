/**
 * `error_summary` ends in "/" and a number of dots that changes from answer to answer, as Dropbox's does:
 * a client must read the `.tag` path of `error`, never the summary's exact text.
 */
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import { bearer, rawCall } from '../../support/raw-http';
import { summaryPattern } from './summary';

let emu: TestEmulator;
beforeAll(async () => {
	emu = await startTestEmulator();
});
afterAll(() => emu.stop());

it('the same error comes back with different numbers of dots', async () => {
	const summaries = new Set<string>();
	for (let i = 0; i < 40; i++) {
		const answer = await rawCall('https://api.dropboxapi.com/2/files/get_metadata', {
			headers: { ...bearer(emu.demo.access_token), 'Content-Type': 'application/json' },
			body: '{"path":"/no/such/file"}',
		});
		expect(answer.json()).toMatchObject({ error: { '.tag': 'path', path: { '.tag': 'not_found' } } });
		summaries.add(answer.json<{ error_summary: string }>().error_summary);
	}
	for (const summary of summaries) expect(summary).toMatch(summaryPattern('path/not_found'));
	expect(summaries.size).toBeGreaterThan(1);
});

it('401s vary the same way', async () => {
	const summaries = new Set<string>();
	for (let i = 0; i < 40; i++) {
		const answer = await rawCall('https://api.dropboxapi.com/2/check/user', {
			headers: { ...bearer('sl.bogus'), 'Content-Type': 'application/json' },
			body: '{}',
		});
		summaries.add(answer.json<{ error_summary: string }>().error_summary);
	}
	for (const summary of summaries) expect(summary).toMatch(summaryPattern('invalid_access_token'));
	expect(summaries.size).toBeGreaterThan(1);
});
