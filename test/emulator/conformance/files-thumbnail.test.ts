/**
 * Thumbnails through the official SDK: real images scaled from the stored PNG or JPEG, in JPEG, PNG or
 * WebP, at the asked size and mode; the spec's errors for files that have none.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describeRoute } from './describe-route';
import { expectSpecShape, routeFailure, sdkWorld } from './files-support';

const world = sdkWorld();
const FIXTURES = join(__dirname, '../files/thumbnail/fixtures');
const SAMPLE_PNG = readFileSync(join(FIXTURES, 'sample-120x80.png'));
const SAMPLE_JPG = readFileSync(join(FIXTURES, 'sample-120x80.jpg'));

type Format = 'jpeg' | 'png' | 'webp';
type Mode = 'strict' | 'bestfit' | 'fitone_bestfit' | 'original';
type Size = 'w32h32' | 'w64h64' | 'w128h128';

async function thumbnail(path: string, format: Format, size: Size, mode: Mode = 'strict'): Promise<{ bytes: Buffer; result: Record<string, unknown> }> {
	// The SDK's types predate webp and original: the argument goes as the spec has it.
	const arg = { resource: { '.tag': 'path', path }, format: { '.tag': format }, size: { '.tag': size }, mode: { '.tag': mode } } as unknown as Parameters<typeof world.dbx.filesGetThumbnailV2>[0];
	const answer = (await world.dbx.filesGetThumbnailV2(arg)).result as unknown as { fileBinary: Buffer };
	const { fileBinary, ...result } = answer;
	expectSpecShape('PreviewResult', result);
	return { bytes: Buffer.from(fileBinary), result };
}

/** The RGB of a pixel as three numbers. */
function rgbAt(data: Uint8Array, width: number, x: number, y: number): number[] {
	const at = (y * width + x) * 4;
	return [data[at], data[at + 1], data[at + 2]];
}

function expectClose(actual: number[], expected: number[], tolerance: number): void {
	actual.forEach((value, i) => expect(Math.abs(value - expected[i])).toBeLessThanOrEqual(tolerance));
}

beforeAll(async () => {
	await world.dbx.filesUpload({ path: '/Pics/sample.png', contents: SAMPLE_PNG });
	await world.dbx.filesUpload({ path: '/Pics/sample.jpg', contents: SAMPLE_JPG });
});

describeRoute('files/get_thumbnail_v2', () => world.emu, () => {
	it('scales the stored PNG into a PNG that fits the box, keeping the picture', async () => {
		const { bytes, result } = await thumbnail('/Pics/sample.png', 'png', 'w32h32');
		expect(result.file_metadata).toMatchObject({ path_display: '/Pics/sample.png', size: SAMPLE_PNG.length });
		const png = PNG.sync.read(bytes);
		expect([png.width, png.height]).toEqual([32, 21]);
		expectClose(rgbAt(png.data, 32, 16, 1), [0, 200, 0], 2);
		expectClose(rgbAt(png.data, 32, 3, 18), [220, 20, 20], 2);
		expectClose(rgbAt(png.data, 32, 28, 18), [20, 20, 220], 2);
	});

	it('makes JPEG by default sizes and WebP on request, and honours the modes', async () => {
		const jpg = await thumbnail('/Pics/sample.jpg', 'jpeg', 'w64h64');
		const decoded = jpeg.decode(jpg.bytes, { useTArray: true });
		expect([decoded.width, decoded.height]).toEqual([64, 43]);
		expectClose(rgbAt(decoded.data, 64, 8, 35), [220, 20, 20], 24);
		const webp = await thumbnail('/Pics/sample.png', 'webp', 'w32h32', 'fitone_bestfit');
		expect([webp.bytes.toString('latin1', 0, 4), webp.bytes.toString('latin1', 8, 16)]).toEqual(['RIFF', 'WEBPVP8L']);
		// VP8L header: 14 bits of width − 1, then 14 of height − 1, after the 0x2f signature.
		const bits = webp.bytes.readUInt32LE(21);
		expect([(bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1]).toEqual([48, 32]);
		const original = PNG.sync.read((await thumbnail('/Pics/sample.png', 'png', 'w32h32', 'original')).bytes);
		expect([original.width, original.height]).toEqual([120, 80]);
		// Never scaled up.
		const small = PNG.sync.read((await thumbnail('/Pics/sample.png', 'png', 'w128h128')).bytes);
		expect([small.width, small.height]).toEqual([120, 80]);
	});

	it('answers unsupported_extension, unsupported_image, conversion_error and path errors', async () => {
		const fail = (path: string) => routeFailure(world.dbx.filesGetThumbnailV2({ resource: { '.tag': 'path', path } }));
		await world.dbx.filesUpload({ path: '/Pics/notes.txt', contents: 'text' });
		await world.dbx.filesUpload({ path: '/Pics/fake.png', contents: 'not an image at all' });
		await world.dbx.filesUpload({ path: '/Pics/anim.gif', contents: Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1') });
		await world.dbx.filesUpload({ path: '/Pics/broken.png', contents: Buffer.concat([SAMPLE_PNG.subarray(0, 40), Buffer.alloc(20, 9)]) });
		expect(await fail('/Pics/notes.txt')).toEqual({ '.tag': 'unsupported_extension' });
		expect(await fail('/Pics/fake.png')).toEqual({ '.tag': 'unsupported_image' });
		expect(await fail('/Pics/anim.gif')).toEqual({ '.tag': 'unsupported_image' });
		expect(await fail('/Pics/broken.png')).toEqual({ '.tag': 'conversion_error' });
		expect(await fail('/Pics/none.png')).toEqual({ '.tag': 'path', path: { '.tag': 'not_found' } });
		expect(await fail('/Pics')).toEqual({ '.tag': 'path', path: { '.tag': 'not_file' } });
	});
});

describeRoute('files/get_thumbnail', () => world.emu, () => {
	it('answers the file\'s metadata and a thumbnail, as v2 does', async () => {
		const answer = (await world.dbx.filesGetThumbnail({ path: '/Pics/sample.jpg', format: { '.tag': 'png' }, size: { '.tag': 'w32h32' } })).result as unknown as { fileBinary: Buffer; name: string };
		expect(answer.name).toBe('sample.jpg');
		const png = PNG.sync.read(Buffer.from(answer.fileBinary));
		expect([png.width, png.height]).toEqual([32, 21]);
		expect(await routeFailure(world.dbx.filesGetThumbnail({ path: '/Pics/notes.txt' }))).toEqual({ '.tag': 'unsupported_extension' });
	});
});

describeRoute('files/get_thumbnail_batch', () => world.emu, () => {
	it('answers each entry\'s thumbnail in base64 or its error, at its position; more than 25 is too_many_files', async () => {
		const { entries } = (await world.dbx.filesGetThumbnailBatch({
			entries: [
				{ path: '/Pics/sample.png', format: { '.tag': 'png' }, size: { '.tag': 'w32h32' } },
				{ path: '/Pics/notes.txt' },
				{ path: '/Pics/missing.png' },
			],
		})).result;
		expectSpecShape('GetThumbnailBatchResult', { entries });
		const first = entries[0] as unknown as { '.tag': 'success'; metadata: { name: string }; thumbnail: string };
		expect(first.metadata.name).toBe('sample.png');
		expect(PNG.sync.read(Buffer.from(first.thumbnail, 'base64')).width).toBe(32);
		expect(entries.slice(1)).toEqual([
			{ '.tag': 'failure', failure: { '.tag': 'unsupported_extension' } },
			{ '.tag': 'failure', failure: { '.tag': 'path', path: { '.tag': 'not_found' } } },
		]);
		const many = Array.from({ length: 26 }, () => ({ path: '/Pics/sample.png' }));
		expect(await routeFailure(world.dbx.filesGetThumbnailBatch({ entries: many }))).toEqual({ '.tag': 'too_many_files' });
	});
});
