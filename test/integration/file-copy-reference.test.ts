/**
 * file → getCopyReference and file → saveCopyReference through n8n-core against the emulator: a file and a folder
 * copied into a second account without the bytes passing through n8n, and the errors a person can act on.
 */
import type { EmulatorAccount } from './credentials.fixture';
import { assertPairedItems } from '../support/n8n';
import { jsonOf, locator, runSuite, seed, stat, useEmulator } from './file-ops.fixture';

const env = useEmulator();

let other: EmulatorAccount & { account_id: string };

beforeAll(async () => {
	other = await env.emulator.admin('POST', '/accounts', {});
});

const getReference = (path: string, options = {}) =>
	runSuite(env.emulator, { resource: 'file', operation: 'getCopyReference', path: locator(path) }, options);

const saveReference = (copyReference: string, path: string, options = {}) =>
	runSuite(env.emulator, { resource: 'file', operation: 'saveCopyReference', copyReference, path: locator(path) }, options, other);

describe('file → getCopyReference / saveCopyReference', () => {
	it('copies a file into another account from its reference: same bytes, no download', async () => {
		const source = await seed(env.emulator, '/Share/Report – Q1 📊.pdf', '%PDF-1.4 quarterly');
		const got = await getReference('/Share/Report – Q1 📊.pdf');
		expect(got.error).toBeUndefined();
		const json = got.items[0].json as { copy_reference: string; expires: string; metadata: Record<string, unknown> };
		expect(json.copy_reference).toEqual(expect.any(String));
		expect(new Date(json.expires).getTime()).toBeGreaterThan(Date.now());
		expect(json.metadata).toMatchObject({ '.tag': 'file', name: 'Report – Q1 📊.pdf', id: source.id });
		assertPairedItems(got.nodeOutput[0]);

		const before = (await env.emulator.log()).length;
		const saved = await saveReference(json.copy_reference, '/From demo/Report.pdf');
		expect(saved.error).toBeUndefined();
		expect(saved.items[0].json).toMatchObject({ '.tag': 'file', path_display: '/From demo/Report.pdf', content_hash: source.content_hash });
		assertPairedItems(saved.nodeOutput[0]);
		expect((await stat(env.emulator, '/From demo/Report.pdf', other.account_id)).content_hash).toBe(source.content_hash);
		const routes = (await env.emulator.log()).slice(before).map((entry) => entry.route);
		expect(routes.filter((route) => route.includes('download') || route.includes('upload'))).toEqual([]);
	});

	it('copies a folder with what is inside it', async () => {
		await seed(env.emulator, '/Share/Album/one.txt', '1');
		await seed(env.emulator, '/Share/Album/Sub/two.txt', '2');
		const reference = (await getReference('/Share/Album')).items[0].json.copy_reference as string;
		const saved = await saveReference(reference, '/Albums/Album');
		expect(saved.items[0].json).toMatchObject({ '.tag': 'folder', path_display: '/Albums/Album' });
		expect((await stat(env.emulator, '/Albums/Album/Sub/two.txt', other.account_id)).size).toBe(1);
	});

	it('fails clearly, item by item: a taken destination, a reference that is none, a source gone since', async () => {
		await seed(env.emulator, '/Share/gone soon.txt', 'bye');
		await seed(env.emulator, '/Taken.txt', 'mine', other.account_id);
		const reference = (await getReference('/Share/gone soon.txt')).items[0].json.copy_reference as string;
		const { Dropbox } = await import('dropbox');
		const taken = (await getReference('/Share/Album/one.txt')).items[0].json.copy_reference as string;
		await new Dropbox({ accessToken: env.emulator.demo.access_token }).filesDeleteV2({ path: '/Share/gone soon.txt' });

		const result = await runSuite(
			env.emulator,
			{ resource: 'file', operation: 'saveCopyReference', copyReference: '={{ $json.ref }}', path: locator('={{ $json.to }}') },
			{
				continueOnFail: true,
				inputItems: [
					{ json: { ref: taken, to: '/Taken.txt' } },
					{ json: { ref: 'not a reference', to: '/x.txt' } },
					{ json: { ref: reference, to: '/gone.txt' } },
					{ json: { ref: '', to: '/y.txt' } },
				],
			},
			other,
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		const [conflict, invalid, gone, empty] = jsonOf(result.items);
		expect(conflict).toMatchObject({ error_summary: 'path/conflict/file', description: expect.stringContaining('"/Taken.txt"') });
		expect(invalid).toMatchObject({ error_summary: 'invalid_copy_reference', description: expect.stringContaining('Get Copy Reference') });
		expect(gone).toMatchObject({ error_summary: 'not_found', description: expect.stringContaining('Get a new copy reference') });
		expect(empty).toMatchObject({ error: '"Copy Reference" is empty' });
	});

	it('fails clearly for a missing source', async () => {
		const result = await getReference('/Share/nothing.txt', { continueOnFail: true });
		expect(result.items[0].json).toMatchObject({ error_summary: 'path/not_found', description: expect.stringContaining('"/Share/nothing.txt"') });
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});
});
