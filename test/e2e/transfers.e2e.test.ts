/**
 * File transfers in the real n8n 2.41, as a workflow runs them: a 300 MiB file read from disk by n8n's Read/Write
 * Files from Disk node, uploaded by our node, downloaded back and written to disk again, in n8n's `filesystem`
 * binary data mode (its default) and in its `database` mode (the default in queue mode); and a backup of 500 small
 * files while Dropbox answers 429s. n8n's peak memory (GNU time) is compared with a no-op run of the same workflow,
 * a 1 KiB file instead of 300 MiB, so that n8n's own start-up does not count.
 *
 * The round trip uploads in 8 MiB chunks: our upload's memory is a fixed number of chunks, whatever the file's
 * size, and with small chunks a 300 MiB file shows it. `npm run bench` measures the default 48 MiB chunks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { contentHashOf } from '../emulator/files/content-hash';
import { generatedFile } from '../support/files/generated-file';
import { startEmulatorProcess, type EmulatorProcess } from './support/emulator-process';
import type { N8nRun } from './support/n8n-instance';
import {
	TunableN8n,
	chainWorkflow,
	downloadNode,
	nodeRun,
	readFromDisk,
	transferCredentials,
	uploadNode,
	writeToDisk,
} from './support/transfer-workflows';

const MIB = 1024 * 1024;
const BIG_BYTES = 300 * MIB;
const CHUNK_MIB = 8;
const BACKUP_FILES = 500;

let emulator: EmulatorProcess;
let n8n: TunableN8n;
let files: string;
let big: { path: string; contentHash: string };

/** The round trip of `source` through Dropbox, to `target` on disk. */
function roundTrip(id: string, source: string, target: string) {
	const remote = `/E2E/Transfers/${path.basename(source)}`;
	return chainWorkflow(id, `Round trip of ${path.basename(source)}`, [
		readFromDisk('Read', path.join(files, source)),
		uploadNode('suite', 'Upload', remote, { chunkSizeMiB: CHUNK_MIB }),
		downloadNode('suite', 'Download', remote),
		writeToDisk('Write', path.join(files, target)),
	]);
}

beforeAll(async () => {
	emulator = await startEmulatorProcess();
	n8n = new TunableN8n(emulator);
	// Under the user folder: n8n reads and writes files only below N8N_RESTRICT_FILE_ACCESS_TO.
	files = path.join(n8n.userFolder, 'files');
	fs.mkdirSync(path.join(files, 'backup'), { recursive: true });
	const generated = await generatedFile(BIG_BYTES);
	fs.renameSync(generated.path, path.join(files, 'big.bin'));
	generated.remove();
	big = { path: path.join(files, 'big.bin'), contentHash: generated.contentHash };
	fs.writeFileSync(path.join(files, 'tiny.bin'), Buffer.alloc(1024, 7));

	await n8n.importJson('credentials', transferCredentials(emulator));
	await n8n.importJson('workflow', roundTrip('e2eTransferBig01', 'big.bin', 'big-back.bin'));
	await n8n.importJson('workflow', roundTrip('e2eTransferNoop1', 'tiny.bin', 'tiny-back.bin'));
	await n8n.importJson(
		'workflow',
		chainWorkflow('e2eTransferDisk1', 'Disk to disk', [
			readFromDisk('Read', big.path),
			writeToDisk('Write', path.join(files, 'big-copy.bin')),
		]),
	);
	await n8n.importJson(
		'workflow',
		chainWorkflow('e2eTransferBkup1', 'Backup', [
			readFromDisk('Read', path.join(files, 'backup', '*.bin')),
			uploadNode('suite', 'Upload', '/E2E/Backup/'),
		]),
	);
}, 600_000);

afterAll(async () => {
	n8n?.cleanUp();
	await emulator?.stop();
});

async function execute(workflowId: string) {
	const started = Date.now();
	const { run, raw } = await n8n.execute(workflowId);
	return { run, raw, seconds: (Date.now() - started) / 1000 };
}

const mib = (run: N8nRun) => (run.peakRssKiB === undefined ? undefined : run.peakRssKiB / 1024);

describe.each([
	['filesystem', true],
	['database', false],
])('a 300 MiB file from disk to Dropbox and back, binary data mode %s', (mode, streamed) => {
	beforeAll(() => {
		n8n.extraEnv = { N8N_DEFAULT_BINARY_DATA_MODE: mode };
	});
	afterAll(() => {
		n8n.extraEnv = {};
		fs.rmSync(path.join(files, 'big-back.bin'), { force: true });
		fs.rmSync(path.join(files, 'big-copy.bin'), { force: true });
	});

	it("arrives with the same bytes; n8n's peak memory is measured against a no-op run", async () => {
		const noop = await execute('e2eTransferNoop1');
		expect(noop.run.data.resultData.error).toBeUndefined();
		const disk = await execute('e2eTransferDisk1');
		expect(disk.run.data.resultData.error).toBeUndefined();
		const trip = await execute('e2eTransferBig01');
		expect(trip.run.data.resultData.error).toBeUndefined();

		const uploaded = nodeRun(trip.run, 'Upload').items[0].json;
		expect(uploaded).toMatchObject({ size: BIG_BYTES, content_hash: big.contentHash });
		const stored = await emulator.adminCall<{ size: number; content_hash: string }>(
			'GET',
			`/files?account_id=${encodeURIComponent(emulator.demo.account_id)}&path=${encodeURIComponent('/E2E/Transfers/big.bin')}`,
		);
		expect(stored).toMatchObject({ size: BIG_BYTES, content_hash: big.contentHash });
		expect(nodeRun(trip.run, 'Download').items[0].json).toMatchObject({ size: BIG_BYTES, content_hash: big.contentHash });
		expect(await sameBytes(big.path, path.join(files, 'big-back.bin'))).toBe(true);

		const times = ['Read', 'Upload', 'Download', 'Write']
			.map((node) => `${node} ${((nodeRun(trip.run, node).executionTimeMs ?? 0) / 1000).toFixed(1)} s`)
			.join(', ');
		const growth = (mib(trip.raw) ?? NaN) - (mib(noop.raw) ?? NaN);
		const diskGrowth = (mib(disk.raw) ?? NaN) - (mib(noop.raw) ?? NaN);
		console.log(
			`[${mode}] 300 MiB round trip (${CHUNK_MIB} MiB chunks) in ${trip.seconds.toFixed(1)} s (${times}); ` +
				`n8n peak RSS ${mib(trip.raw)?.toFixed(0)} MiB, no-op run ${mib(noop.raw)?.toFixed(0)} MiB: ` +
				`growth ${growth.toFixed(0)} MiB; n8n alone, disk to disk: growth ${diskGrowth.toFixed(0)} MiB`,
		);
		if (streamed && trip.raw.peakRssKiB !== undefined) {
			// Holding the file even once would cost at least its 300 MiB.
			expect(growth).toBeLessThan(BIG_BYTES / MIB / 2);
		}
	});
});

describe('a backup of 500 small files while Dropbox answers 429', () => {
	const expected = new Map<string, { size: number; contentHash: string }>();

	beforeAll(() => {
		for (let index = 0; index < BACKUP_FILES; index++) {
			const name = `file-${String(index).padStart(3, '0')}.bin`;
			const bytes = smallFile(index);
			fs.writeFileSync(path.join(files, 'backup', name), bytes);
			expected.set(name, { size: bytes.length, contentHash: contentHashOf(bytes) });
		}
	});

	it('lands every file with its content hash, waiting out the 429s', async () => {
		const logBefore = (await emulator.adminCall<unknown[]>('GET', '/log')).length;
		await emulator.adminCall('POST', '/faults', {
			route: 'files/upload_session/start',
			kind: 'status',
			status: 429,
			retry_after: 1,
			times: 20,
		});
		await emulator.adminCall('POST', '/faults', {
			route: 'files/upload_session/finish_batch_v2',
			kind: 'status',
			status: 429,
			retry_after: 1,
			times: 2,
		});
		const { run, seconds } = await execute('e2eTransferBkup1');
		expect(run.data.resultData.error).toBeUndefined();

		const items = nodeRun(run, 'Upload').items as Array<{ json: Record<string, unknown>; pairedItem?: unknown }>;
		expect(items).toHaveLength(BACKUP_FILES);
		expect(items.filter((item) => item.json.error !== undefined)).toEqual([]);
		items.forEach((item, index) => expect(item.pairedItem).toEqual({ item: index }));
		const reported = new Map(items.map((item) => [String(item.json.name), item.json]));
		for (const [name, file] of expected) {
			expect(reported.get(name)).toMatchObject({ size: file.size, content_hash: file.contentHash });
			const stored = await emulator.adminCall<{ size: number; content_hash: string }>(
				'GET',
				`/files?account_id=${encodeURIComponent(emulator.demo.account_id)}&path=${encodeURIComponent(`/E2E/Backup/${name}`)}`,
			);
			expect(stored).toEqual(expect.objectContaining({ size: file.size, content_hash: file.contentHash }));
		}

		const calls = (await emulator.adminCall<Array<{ route: string; status: number }>>('GET', '/log')).slice(logBefore);
		const count = (route: string, status: number) => calls.filter((call) => call.route === route && call.status === status).length;
		// Every fault was met and waited out; one batch commit carries all 500 files.
		expect(count('files/upload_session/start', 429)).toBe(20);
		expect(count('files/upload_session/start', 200)).toBe(BACKUP_FILES);
		expect(count('files/upload_session/finish_batch_v2', 429)).toBe(2);
		expect(count('files/upload_session/finish_batch_v2', 200)).toBe(1);
		expect(count('files/upload', 200)).toBe(0);
		console.log(
			`backup of ${BACKUP_FILES} files with 22 injected 429s (Retry-After: 1): ${seconds.toFixed(1)} s in n8n, ` +
				`the upload node ${((nodeRun(run, 'Upload').executionTimeMs ?? 0) / 1000).toFixed(1)} s`,
		);
	});
});

/** 1 byte to 40 KiB of deterministic bytes, different from file to file. */
function smallFile(index: number): Buffer {
	const bytes = Buffer.alloc(1 + ((index * 7919) % (40 * 1024)));
	let state = index + 1;
	for (let offset = 0; offset < bytes.length; offset++) {
		state = (Math.imul(state, 1103515245) + 12345) >>> 0;
		bytes[offset] = state >>> 24;
	}
	return bytes;
}

/** Compares two files block by block, never holding either whole. */
async function sameBytes(a: string, b: string): Promise<boolean> {
	if (fs.statSync(a).size !== fs.statSync(b).size) return false;
	const [left, right] = await Promise.all([fs.promises.open(a), fs.promises.open(b)]);
	try {
		const bufferA = Buffer.alloc(4 * MIB);
		const bufferB = Buffer.alloc(4 * MIB);
		for (let position = 0; ; position += bufferA.length) {
			const [readA, readB] = await Promise.all([left.read(bufferA, 0, bufferA.length, position), right.read(bufferB, 0, bufferB.length, position)]);
			if (readA.bytesRead !== readB.bytesRead) return false;
			if (readA.bytesRead === 0) return true;
			if (!bufferA.subarray(0, readA.bytesRead).equals(bufferB.subarray(0, readB.bytesRead))) return false;
		}
	} finally {
		await Promise.all([left.close(), right.close()]);
	}
}
