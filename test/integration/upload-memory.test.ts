/**
 * A file far larger than a chunk uploads with memory bounded by the chunk size: the process's peak RSS while
 * uploading is sampled. Measured here: about 40 MiB plus 5 chunks (8 MiB chunks: +80 MiB; 16: +120; 32: +171),
 * the emulator in the same process and buffers awaiting collection included, flat in the file's size (more on a
 * busy machine, where collection lags). The bound is three quarters of the file: holding the file would exceed it.
 */
import * as fs from 'node:fs';

import { DropboxSuite } from '../../nodes/DropboxSuite/DropboxSuite.node';
import { generatedFile, type GeneratedFile } from '../support/files/generated-file';
import { startTestEmulator, type TestEmulator } from '../support/emulator-harness';
import { runNode, storedBinaryInput } from '../support/n8n';
import { credentialFor, credentialTypes } from './credentials.fixture';

const MIB = 1024 * 1024;
const FILE_BYTES = 300 * MIB;
const CHUNK_MIB = 8;

describe('a 300 MiB upload', () => {
	let emulator: TestEmulator;
	let file: GeneratedFile;

	beforeAll(async () => {
		emulator = await startTestEmulator();
		file = await generatedFile(FILE_BYTES);
	});
	afterAll(async () => {
		file?.remove();
		await emulator?.stop();
	});

	it('streams in chunks: the stored file has the same hash, and peak memory stays far below the file size', async () => {
		const input = await storedBinaryInput(fs.createReadStream(file.path), 'big.bin');
		global.gc?.();
		const baseline = process.memoryUsage().rss;
		let peak = baseline;
		const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
		const started = Date.now();
		const result = await runNode({
			nodeType: new DropboxSuite(),
			parameters: {
				authentication: 'appApi',
				resource: 'file',
				operation: 'upload',
				path: { __rl: true, mode: 'path', value: '/Memory/big.bin' },
				options: { chunkSizeMiB: CHUNK_MIB },
			} as never,
			credentials: credentialFor('appApi', emulator.demo),
			credentialTypes,
			inputItems: [{ json: {}, binary: { data: input } }],
		});
		clearInterval(sampler);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ size: FILE_BYTES, content_hash: file.contentHash });
		const stored = await emulator.admin<{ content_hash: string }>(
			'GET',
			`/files?account_id=${encodeURIComponent(emulator.demo.account_id)}&path=${encodeURIComponent('/Memory/big.bin')}`,
		);
		expect(stored.content_hash).toBe(file.contentHash);
		const growthMiB = (peak - baseline) / MIB;
		console.log(
			`upload of ${FILE_BYTES / MIB} MiB in ${CHUNK_MIB} MiB chunks: ${((Date.now() - started) / 1000).toFixed(1)} s, peak RSS growth ${growthMiB.toFixed(0)} MiB`,
		);
		expect(growthMiB).toBeLessThan((FILE_BYTES / MIB) * 0.75);
	});
});
