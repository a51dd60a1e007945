import { MAX_CONCURRENT_WRITES } from './store/write-gate';
import { type FilesWorld, makeFilesWorld } from './testing/files-world';

/** A body that sends one chunk and then waits until released: an upload still in flight. */
function heldBody(): { body: AsyncIterable<Buffer>; release: () => void } {
	let release!: () => void;
	const gate = new Promise<void>((resolve) => (release = resolve));
	return {
		body: (async function* () {
			yield Buffer.from('part');
			await gate;
		})(),
		release: () => release(),
	};
}

describe('write contention', () => {
	let world: FilesWorld;
	beforeEach(async () => {
		world = await makeFilesWorld();
	});
	afterEach(() => world.close());

	it('overlapping writes beyond the limit are refused, then succeed once the others finish', async () => {
		const held = Array.from({ length: MAX_CONCURRENT_WRITES }, heldBody);
		const inFlight = held.map((h, i) => world.json('files/upload', { path: `/slow${i}.txt` }, { body: h.body }));
		await new Promise((resolve) => setImmediate(resolve));

		const upload = await world.failure('files/upload', { path: '/third.txt' }, { body: Buffer.from('x') });
		expect(upload.status).toBe(409);
		expect(upload.error).toMatchObject({ '.tag': 'path', reason: { '.tag': 'too_many_write_operations' } });
		expect(upload.options.summary).toBe('path/too_many_write_operations');

		const folder = await world.failure('files/create_folder_v2', { path: '/f' });
		expect(folder.status).toBe(429);
		expect(folder.error).toEqual({ reason: { '.tag': 'too_many_write_operations' }, retry_after: 1 });
		expect(folder.options.retryAfter).toBe(1);

		const session = (await world.json('files/upload_session/start', { close: true }, { body: Buffer.from('s') })).session_id;
		const finish = await world.failure('files/upload_session/finish', { cursor: { session_id: session, offset: 1 }, commit: { path: '/s' } });
		expect(finish.status).toBe(429);
		// finish_batch_v2 commits as one write and is not refused.
		const batch = await world.json('files/upload_session/finish_batch_v2', { entries: [{ cursor: { session_id: session, offset: 1 }, commit: { path: '/s' } }] });
		expect(batch.entries[0]['.tag']).toBe('success');

		held.forEach((h) => h.release());
		await Promise.all(inFlight);
		await world.json('files/create_folder_v2', { path: '/f' });
	});

	it('other accounts are not held up', async () => {
		const held = Array.from({ length: MAX_CONCURRENT_WRITES }, heldBody);
		const inFlight = held.map((h, i) => world.json('files/upload', { path: `/slow${i}.txt` }, { body: h.body }));
		await new Promise((resolve) => setImmediate(resolve));
		await world.json('files/create_folder_v2', { path: '/free' }, { account: world.teamMember });
		held.forEach((h) => h.release());
		await Promise.all(inFlight);
	});
});
