/**
 * Stopping an execution in n8n stops the node at once: no request goes out after the cancellation, and a
 * wait Dropbox asked for (Retry-After) does not hold the cancelled execution.
 */
import { DropboxSuite } from '../../nodes/DropboxSuite/DropboxSuite.node';
import { startTestEmulator, type TestEmulator } from '../support/emulator-harness';
import { runNode } from '../support/n8n';
import { credentialFor, credentialTypes } from './credentials.fixture';

const LATENCY_MS = 200;
const ITEMS = 10;

const pause = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

describe('a cancelled execution', () => {
	let emulator: TestEmulator;

	beforeAll(async () => {
		emulator = await startTestEmulator({ latencyMs: LATENCY_MS });
	});
	afterAll(async () => await emulator.stop());

	const metadataCalls = async () =>
		(await emulator.log()).filter((entry) => entry.route === 'files/get_metadata').length;

	/** The node, recording when its execute() has returned or thrown. */
	function observedNode() {
		const node = new DropboxSuite();
		const execute = node.execute;
		const observed = { node, settledAt: undefined as number | undefined };
		node.execute = async function (this: ThisParameterType<typeof execute>) {
			try {
				return await execute.call(this);
			} finally {
				observed.settledAt = Date.now();
			}
		};
		return observed;
	}

	const getFile = (cancelWhen: Promise<unknown>, continueOnFail = false, nodeType = new DropboxSuite()) =>
		runNode({
			nodeType,
			parameters: {
				authentication: 'appApi',
				resource: 'file',
				operation: 'get',
				path: { __rl: true, mode: 'path', value: '/Documents/report.txt' },
			},
			credentials: credentialFor('appApi', emulator.demo),
			credentialTypes,
			inputItems: Array.from({ length: ITEMS }, (_, index) => ({ json: { index } })),
			continueOnFail,
			cancelWhen,
		});

	it.each([false, true])('sends no further request, Continue On Fail %s', async (continueOnFail) => {
		const before = await metadataCalls();
		// Cancel while the second item's request is under way.
		const result = await getFile(pause(LATENCY_MS * 1.5), continueOnFail);
		expect(result.status).toBe('canceled');
		// Long enough for every remaining item to have been sent, had the node gone on.
		await pause(LATENCY_MS * ITEMS);
		expect((await metadataCalls()) - before).toBeLessThanOrEqual(2);
	});

	it('ends a Retry-After wait at once', async () => {
		await emulator.admin('POST', '/faults', {
			route: 'files/get_metadata',
			kind: 'status',
			status: 429,
			retry_after: 120,
			times: 1,
		});
		const observed = observedNode();
		let cancelledAt = 0;
		const cancelled = pause(LATENCY_MS * 3).then(() => (cancelledAt = Date.now()));
		const result = await getFile(cancelled, false, observed.node);
		expect(result.status).toBe('canceled');
		const before = await metadataCalls();
		// The node itself must return, not just n8n's bookkeeping: poll for a while, far less than 120 s.
		for (let waited = 0; observed.settledAt === undefined && waited < 5000; waited += 50) await pause(50);
		expect(observed.settledAt).toBeDefined();
		console.log(`cancelled during a 120 s Retry-After wait: the node returned ${observed.settledAt! - cancelledAt} ms later`);
		expect(await metadataCalls()).toBe(before);
	});
});
