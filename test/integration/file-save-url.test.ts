/**
 * file → saveUrl through n8n-core against the emulator, which fetches from a loopback server: the saved file's
 * metadata once Dropbox's job completes, a URL Dropbox cannot fetch or read, the time limit, and cancellation
 * ending the wait at once.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { DropboxSuite } from '../../nodes/DropboxSuite/DropboxSuite.node';
import { assertPairedItems } from '../support/n8n';
import { jsonOf, locator, runSuite, seed, stat, useEmulator } from './file-ops.fixture';

const env = useEmulator();
const CONTENT = Buffer.from('fetched by Dropbox itself 🌐\n'.repeat(2000));

let server: http.Server;
let base: string;
/** Answers held back by /slow, released at the end. */
const held: http.ServerResponse[] = [];

beforeAll(async () => {
	server = http.createServer((req, res) => {
		if (req.url === '/report.txt') {
			res.writeHead(200, { 'Content-Type': 'text/plain' });
			res.end(CONTENT);
		} else if (req.url === '/slow') {
			held.push(res);
		} else {
			res.writeHead(404).end('not here');
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	for (const res of held) res.destroy();
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

const pause = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

const saveUrl = (url: string, path: string, extra: Record<string, unknown> = {}, options = {}) =>
	runSuite(env.emulator, { resource: 'file', operation: 'saveUrl', url, path: locator(path), ...extra }, options);

const checks = async () => (await env.emulator.log()).filter((entry) => entry.route === 'files/save_url/check_job_status').length;

describe('file → saveUrl', () => {
	it('waits for Dropbox to save the URL and outputs the saved file\'s metadata', async () => {
		const before = await checks();
		const result = await saveUrl(`${base}/report.txt`, '/Saved/report 🌐.txt');
		expect(result.error).toBeUndefined();
		const saved = await stat(env.emulator, '/Saved/report 🌐.txt');
		expect(result.items[0].json).toMatchObject({ name: 'report 🌐.txt', path_display: '/Saved/report 🌐.txt', size: CONTENT.length, rev: saved.rev });
		expect(result.items[0].json['.tag']).toBeUndefined();
		expect(await checks()).toBeGreaterThan(before);
		assertPairedItems(result.nodeOutput[0]);
	});

	it('fails clearly, item by item: a URL that answers 404, one that is no URL, a taken destination, an empty one', async () => {
		await seed(env.emulator, '/Saved/taken.txt', 'something else');
		const result = await runSuite(
			env.emulator,
			{ resource: 'file', operation: 'saveUrl', url: '={{ $json.url }}', path: locator('={{ $json.path }}') },
			{
				continueOnFail: true,
				inputItems: [
					{ json: { url: `${base}/missing.pdf`, path: '/Saved/missing.pdf' } },
					{ json: { url: 'not a url', path: '/Saved/bad.pdf' } },
					{ json: { url: `${base}/report.txt`, path: '/Saved/taken.txt' } },
					{ json: { url: ' ', path: '/Saved/empty.pdf' } },
				],
			},
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		const [notFetched, invalid, taken, empty] = jsonOf(result.items);
		expect(notFetched).toMatchObject({ error: 'Dropbox error: download_failed', error_summary: 'download_failed' });
		expect(notFetched.description).toContain('could not download the URL into "/Saved/missing.pdf"');
		expect(invalid).toMatchObject({ error_summary: 'invalid_url', description: expect.stringContaining('https://') });
		expect(taken).toMatchObject({ error_summary: expect.stringMatching(/^path\/conflict/), description: expect.stringContaining('"/Saved/taken.txt"') });
		expect(empty).toMatchObject({ error: '"URL" is empty' });
	});

	it('gives up waiting at the time limit, saying the file may still appear', async () => {
		const started = Date.now();
		const result = await saveUrl(`${base}/slow`, '/Saved/slow.bin', { options: { timeLimit: 2 } }, { continueOnFail: true });
		const took = Date.now() - started;
		expect(result.items[0].json).toMatchObject({
			error: `Dropbox was still saving "${base}/slow" to "/Saved/slow.bin" after 2 s`,
			description: expect.stringContaining('may still appear at "/Saved/slow.bin"'),
		});
		expect(took).toBeGreaterThanOrEqual(2000);
		expect(took).toBeLessThan(6000);
	});

	it('stops waiting at once when the execution is cancelled', async () => {
		const node = new DropboxSuite();
		const execute = node.execute;
		let settledAt: number | undefined;
		node.execute = async function (this: ThisParameterType<typeof execute>) {
			try {
				return await execute.call(this);
			} finally {
				settledAt = Date.now();
			}
		};
		let cancelledAt = 0;
		const result = await runSuite(
			env.emulator,
			{ resource: 'file', operation: 'saveUrl', url: `${base}/slow`, path: locator('/Saved/cancelled.bin'), options: { timeLimit: 600 } },
			{ nodeType: node, cancelWhen: pause(1500).then(() => (cancelledAt = Date.now())) },
		);
		expect(result.status).toBe('canceled');
		for (let waited = 0; settledAt === undefined && waited < 5000; waited += 50) await pause(50);
		expect(settledAt).toBeDefined();
		expect(settledAt! - cancelledAt).toBeLessThan(1000);
		const after = await checks();
		await pause(2500);
		expect(await checks()).toBe(after);
	});
});
