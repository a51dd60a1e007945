import { LongpollPolicy } from '../dispatch/longpoll-policy';
import { type FilesWorld, makeFilesWorld } from './testing/files-world';

describe('list_folder/longpoll', () => {
	let world: FilesWorld;
	beforeEach(async () => {
		world = await makeFilesWorld();
		await world.state.files.seedDemoFiles(world.user);
	});
	afterEach(() => world.close());

	const latest = (path: string) => world.json<{ cursor: string }>('files/list_folder/get_latest_cursor', { path }).then((r) => r.cursor);
	const poll = (cursor: string, signal?: AbortSignal) => world.json('files/list_folder/longpoll', { cursor, timeout: 30 }, { account: null, signal });

	it('wakes as soon as something under the cursor changes', async () => {
		const cursor = await latest('/Photos');
		const waiting = poll(cursor);
		let settled = false;
		void waiting.then(() => (settled = true));
		// A change elsewhere does not wake it.
		await world.state.files.seedFile(world.user, '/Documents/other.txt', Buffer.from('x'));
		await new Promise((resolve) => setImmediate(resolve));
		expect(settled).toBe(false);
		await world.state.files.seedFile(world.user, '/Photos/new.png', Buffer.from('x'));
		await expect(waiting).resolves.toEqual({ changes: true });
	});

	it('answers at once when changes are already waiting', async () => {
		const cursor = await latest('');
		await world.json('files/create_folder_v2', { path: '/fresh' });
		await expect(poll(cursor)).resolves.toEqual({ changes: true });
	});

	it('answers changes:false when its time is up', async () => {
		jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
		try {
			const cursor = await latest('');
			const waiting = poll(cursor);
			await jest.advanceTimersByTimeAsync(30_000);
			await expect(waiting).resolves.toEqual({ changes: false });
		} finally {
			jest.useRealTimers();
		}
	});

	it('waits past its timeout by the platform\'s jitter, as Dropbox does', async () => {
		world.state.longpoll = { extraWaitMs: () => 5_000, takeBackoff: () => undefined };
		jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
		try {
			const cursor = await latest('');
			let settled = false;
			const waiting = poll(cursor);
			void waiting.then(() => (settled = true));
			await jest.advanceTimersByTimeAsync(30_000);
			expect(settled).toBe(false);
			await jest.advanceTimersByTimeAsync(5_000);
			await expect(waiting).resolves.toEqual({ changes: false });
		} finally {
			jest.useRealTimers();
		}
	});

	it('adds the backoff the platform asks for, to changed and unchanged answers alike', async () => {
		const policy = new LongpollPolicy(0);
		world.state.longpoll = policy;
		policy.setBackoff(15, 2);
		const cursor = await latest('');
		await world.json('files/create_folder_v2', { path: '/fresh' });
		await expect(poll(cursor)).resolves.toEqual({ changes: true, backoff: 15 });
		await expect(poll(cursor)).resolves.toEqual({ changes: true, backoff: 15 });
		await expect(poll(cursor)).resolves.toEqual({ changes: true });
	});

	it('stops waiting when the client goes away', async () => {
		const cursor = await latest('');
		const abort = new AbortController();
		const waiting = poll(cursor, abort.signal);
		abort.abort();
		await expect(waiting).resolves.toEqual({ changes: false });
	});

	it('answers reset for a reset or foreign cursor', async () => {
		const cursor = await latest('');
		expect((await world.failure('files/list_folder/longpoll', { cursor: 'nonsense' }, { account: null })).error).toEqual({ '.tag': 'reset' });
		const waiting = poll(cursor);
		world.state.files.resetCursors(world.user);
		await expect(waiting).resolves.toEqual({ changes: true });
		expect((await world.failure('files/list_folder/longpoll', { cursor }, { account: null })).error).toEqual({ '.tag': 'reset' });
	});
});
