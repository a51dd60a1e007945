/**
 * file → getThumbnail through n8n-core against the emulator, which makes real thumbnails from the stored image:
 * each format into a binary named after the image, the size and resize mode honoured, and clear errors for files
 * without thumbnails.
 */
import { PNG } from 'pngjs';

import { assertPairedItems } from '../support/n8n';
import { jsonOf, locator, runSuite, seed, useEmulator } from './file-ops.fixture';

const env = useEmulator();

/** A 300×200 PNG: a gradient, so that scaling has something to average. */
function testImage(width = 300, height = 200): Buffer {
	const png = new PNG({ width, height });
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const at = (y * width + x) * 4;
			png.data[at] = x % 256;
			png.data[at + 1] = y % 256;
			png.data[at + 2] = 128;
			png.data[at + 3] = 255;
		}
	}
	return PNG.sync.write(png);
}

const thumbnail = (path: string, extra: Record<string, unknown> = {}, options = {}) =>
	runSuite(env.emulator, { resource: 'file', operation: 'getThumbnail', path: locator(path), ...extra }, options);

describe('file → getThumbnail', () => {
	beforeAll(async () => {
		await seed(env.emulator, '/Photos/Beach 🏖.png', testImage());
	});

	it('makes a PNG thumbnail that fits the size, named after the image, with the image\'s metadata', async () => {
		const result = await thumbnail('/Photos/Beach 🏖.png', { format: 'png', size: 'w64h64', mode: 'strict' });
		expect(result.error).toBeUndefined();
		const item = result.items[0];
		expect(item.json).toMatchObject({ name: 'Beach 🏖.png', path_display: '/Photos/Beach 🏖.png' });
		const binary = item.binary!.data;
		expect(binary).toMatchObject({ fileName: 'Beach 🏖.png', mimeType: 'image/png' });
		const decoded = PNG.sync.read(await result.readBinary(binary));
		expect([decoded.width, decoded.height]).toEqual([64, 43]);
		assertPairedItems(result.nodeOutput[0]);
	});

	it('honours the resize mode: cover fills the whole box', async () => {
		const result = await thumbnail('/Photos/Beach 🏖.png', { format: 'png', size: 'w128h128', mode: 'fitone_bestfit' });
		const decoded = PNG.sync.read(await result.readBinary(result.items[0].binary!.data));
		expect(Math.min(decoded.width, decoded.height)).toBe(128);
	});

	it.each([
		['jpeg', 'Beach 🏖.jpg', 'image/jpeg', (bytes: Buffer) => bytes[0] === 0xff && bytes[1] === 0xd8],
		['webp', 'Beach 🏖.webp', 'image/webp', (bytes: Buffer) => bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP'],
	])('makes a %s thumbnail into the named field', async (format, fileName, mimeType, looksRight) => {
		const result = await thumbnail('/Photos/Beach 🏖.png', { format, size: 'w32h32', binaryPropertyName: 'thumb' });
		expect(result.error).toBeUndefined();
		const binary = result.items[0].binary!.thumb;
		expect(binary).toMatchObject({ fileName, mimeType });
		expect(looksRight(await result.readBinary(binary))).toBe(true);
	});

	it('fails clearly, item by item: a file type without thumbnails, a broken image, a missing file', async () => {
		await seed(env.emulator, '/Photos/notes.txt', 'not an image');
		await seed(env.emulator, '/Photos/broken.png', 'pretending to be a PNG');
		const result = await thumbnail(
			'={{ $json.path }}',
			{},
			{
				continueOnFail: true,
				inputItems: [{ json: { path: '/Photos/notes.txt' } }, { json: { path: '/Photos/broken.png' } }, { json: { path: '/Photos/none.jpg' } }],
			},
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items.every((item) => item.binary === undefined)).toBe(true);
		const [text, broken, missing] = jsonOf(result.items);
		expect(text).toMatchObject({ error_summary: 'unsupported_extension', description: expect.stringContaining('"/Photos/notes.txt"') });
		expect(text.description).toContain('only of images ending in jpg');
		expect(broken).toMatchObject({ error_summary: 'unsupported_image', description: expect.stringContaining('"/Photos/broken.png"') });
		expect(missing).toMatchObject({ error_summary: 'path/not_found', description: expect.stringContaining('"/Photos/none.jpg"') });
	});
});
