/**
 * file → getTemporaryLink through n8n-core against the emulator: the link serves the file's bytes, the output
 * says when it expires (4 hours), an expired link is gone, and the errors a person can act on.
 */
import { assertPairedItems } from '../support/n8n';
import { jsonOf, locator, runSuite, seed, useEmulator } from './file-ops.fixture';

const env = useEmulator();
const FOUR_HOURS_MS = 4 * 3600 * 1000;

const getLink = (path: string, options = {}) =>
	runSuite(env.emulator, { resource: 'file', operation: 'getTemporaryLink', path: locator(path) }, options);

describe('file → getTemporaryLink', () => {
	it('outputs a link that serves the file, its metadata, and when it expires (in four hours)', async () => {
		const content = Buffer.from('streamed through a link 🔗\n'.repeat(100));
		const path = '/Links/Zoë 🔗.txt';
		const seeded = await seed(env.emulator, path, content);

		const before = Date.now();
		const result = await getLink(path);
		const after = Date.now();
		expect(result.error).toBeUndefined();
		const json = result.items[0].json as { link: string; expires: string; metadata: Record<string, unknown> };
		expect(json.metadata).toMatchObject({ name: 'Zoë 🔗.txt', path_display: path, rev: seeded.rev, size: content.length });
		expect(json.link).toMatch(/^https:\/\//);
		expect(json.expires).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		const expires = new Date(json.expires).getTime();
		expect(expires).toBeGreaterThanOrEqual(before + FOUR_HOURS_MS);
		expect(expires).toBeLessThanOrEqual(after + FOUR_HOURS_MS);
		assertPairedItems(result.nodeOutput[0]);

		const served = await fetch(json.link);
		expect(served.status).toBe(200);
		expect(Buffer.from(await served.arrayBuffer()).equals(content)).toBe(true);
	});

	it('gives a link that stops serving once Dropbox lets it expire', async () => {
		await seed(env.emulator, '/Links/short.txt', 'short-lived');
		const state = env.emulator.state as { limits?: Record<string, number> };
		const limits = state.limits;
		let link: string;
		try {
			state.limits = { ...limits, temporaryLinkLifetimeS: 1 };
			link = (await getLink('/Links/short.txt')).items[0].json.link as string;
		} finally {
			state.limits = limits;
		}
		await new Promise((resolve) => setTimeout(resolve, 1200));
		expect((await fetch(link)).status).toBe(410);
	});

	it('fails clearly for a Paper doc (pointing to Export), a folder and a missing file, item by item', async () => {
		await seed(env.emulator, '/Links/Plan.paper', '# Plan');
		await seed(env.emulator, '/Links/Folder/inside.txt', 'x');
		const result = await runSuite(
			env.emulator,
			{ resource: 'file', operation: 'getTemporaryLink', path: locator('={{ $json.path }}') },
			{
				continueOnFail: true,
				inputItems: [{ json: { path: '/Links/Plan.paper' } }, { json: { path: '/Links/Folder' } }, { json: { path: '/Links/gone.txt' } }],
			},
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const [paper, folder, missing] = jsonOf(result.items);
		expect(paper).toMatchObject({ error_summary: 'unsupported_file', description: expect.stringContaining('File → Export') });
		expect(paper.description).toContain('"/Links/Plan.paper"');
		expect(folder).toMatchObject({ error_summary: 'path/not_file', description: expect.stringContaining('"/Links/Folder"') });
		expect(missing).toMatchObject({ error_summary: 'path/not_found', description: expect.stringContaining('"/Links/gone.txt"') });
	});
});
