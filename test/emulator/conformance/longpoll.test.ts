/**
 * The notify host's long-poll as Dropbox runs it: no Authorization header allowed, `backoff` in answers
 * when Dropbox asks clients to slow down, and changes that still wake a waiting poll at once even though
 * an idle poll is held past its timeout (Dropbox's jitter; its timing is tested in files/longpoll.test.ts).
 */
import { Dropbox } from 'dropbox';
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import { bearer, rawCall } from '../../support/raw-http';

let emu: TestEmulator;
beforeAll(async () => {
	// Dropbox's own jitter (up to 90 s): nothing here waits for a timeout, changes answer at once.
	emu = await startTestEmulator();
});
afterAll(() => emu.stop());

const LONGPOLL = 'https://notify.dropboxapi.com/2/files/list_folder/longpoll';

async function latestCursor(): Promise<string> {
	const dbx = new Dropbox({ accessToken: emu.demo.access_token });
	return (await dbx.filesListFolderGetLatestCursor({ path: '', recursive: true })).result.cursor;
}

function poll(cursor: string, headers: Record<string, string> = {}) {
	return rawCall(LONGPOLL, { headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ cursor, timeout: 30 }) });
}

async function seed(path: string): Promise<void> {
	await emu.admin('POST', '/files', { account_id: emu.demo.account_id, path, content_base64: 'eA==' });
}

describe('the notify host', () => {
	it('refuses a request that carries an Authorization header, with Dropbox\'s 400 text', async () => {
		const answer = await poll(await latestCursor(), bearer(emu.demo.access_token));
		expect(answer.status).toBe(400);
		expect(answer.headers['content-type']).toMatch(/^text\/plain/);
		expect(answer.text).toBe(
			'Error in call to API function "files/list_folder/longpoll": Your request includes an Authorization header, but this function does not use it.',
		);
	});

	it('answers the official SDK, which sends no token there', async () => {
		const cursor = await latestCursor();
		const waiting = new Dropbox({ accessToken: emu.demo.access_token }).filesListFolderLongpoll({ cursor, timeout: 30 });
		await seed('/longpoll/sdk.txt');
		expect((await waiting).result).toEqual({ changes: true });
	});
});

describe('changes and backoff', () => {
	it('a change wakes a waiting poll at once, though an idle one would wait past its timeout', async () => {
		const cursor = await latestCursor();
		const started = Date.now();
		const waiting = poll(cursor);
		await new Promise((resolve) => setTimeout(resolve, 100));
		await seed('/longpoll/wake.txt');
		const answer = await waiting;
		expect(answer.json()).toEqual({ changes: true });
		expect(Date.now() - started).toBeLessThan(5_000);
	});

	it('`POST /__admin/longpoll` puts `backoff` in the next `times` answers', async () => {
		await emu.admin('POST', '/longpoll', { backoff: 45, times: 2 });
		const cursor = await latestCursor();
		await seed('/longpoll/backoff.txt');
		const answers = [await poll(cursor), await poll(cursor), await poll(cursor)];
		expect(answers.map((answer) => answer.json())).toEqual([
			{ changes: true, backoff: 45 },
			{ changes: true, backoff: 45 },
			{ changes: true },
		]);
	});

	it('the SDK reads the backoff', async () => {
		await emu.admin('POST', '/longpoll', { backoff: 7 });
		const cursor = await latestCursor();
		await seed('/longpoll/sdk-backoff.txt');
		const { result } = await new Dropbox({ accessToken: emu.demo.access_token }).filesListFolderLongpoll({ cursor, timeout: 30 });
		expect(result).toEqual({ changes: true, backoff: 7 });
	});

	it('refuses a backoff call without a backoff, or with a bad count', async () => {
		await expect(emu.admin('POST', '/longpoll', {})).rejects.toThrow(/400/);
		await expect(emu.admin('POST', '/longpoll', { backoff: 5, times: 0 })).rejects.toThrow(/400/);
		await expect(emu.admin('POST', '/longpoll', { backoff: 5, times: 1.5 })).rejects.toThrow(/400/);
	});
});
