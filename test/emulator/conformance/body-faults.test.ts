/**
 * `reset` faults in the middle of a body, on the wire (plain HTTP: the official SDK never settles a
 * download whose connection drops mid-body — it waits on `res.buffer()` without a rejection handler):
 * a download's answer stops after `after_bytes` and the connection drops; an upload's request body is
 * cut after `after_bytes`, the connection drops, and nothing is committed or appended. An upload whose
 * body fits in `after_bytes` is carried out and only its answer is lost.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import { bearer } from '../../support/raw-http';
import { contentHashOf } from '../files/content-hash';
import { client, sdkFailure } from './sdk-support';

let emu: TestEmulator;
beforeAll(async () => {
	emu = await startTestEmulator();
});
afterAll(() => emu.stop());

const CONTENT = 'https://content.dropboxapi.com/2';
const data = Buffer.alloc(1024 * 1024);
for (let i = 0; i < data.length; i++) data[i] = (i * 13 + 5) & 0xff;

const fault = (route: string, after_bytes: number) => emu.admin('POST', '/faults', { route, kind: 'reset', after_bytes });
const headerArg = (arg: unknown) => JSON.stringify(arg).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A download call: its status and headers, then how many body bytes came before the body failed (or ended). */
async function download(route: string, arg: unknown, headers: Record<string, string> = {}) {
	const answer = await request(`${CONTENT}/${route}`, { method: 'POST', headers: { ...bearer(emu.demo.access_token), 'Dropbox-API-Arg': headerArg(arg), ...headers } });
	let received = 0;
	let failed = false;
	try {
		for await (const chunk of answer.body) received += (chunk as Buffer).length;
	} catch {
		failed = true;
	}
	return { status: answer.statusCode, headers: answer.headers, received, failed };
}

/** An upload call; undefined when the connection dropped before an answer. */
async function upload(route: string, arg: unknown, body: Buffer): Promise<number | undefined> {
	try {
		const answer = await request(`${CONTENT}/${route}`, {
			method: 'POST',
			headers: { ...bearer(emu.demo.access_token), 'Dropbox-API-Arg': headerArg(arg), 'Content-Type': 'application/octet-stream' },
			body,
		});
		await answer.body.dump();
		return answer.statusCode;
	} catch {
		return undefined;
	}
}

function blobCount(): number {
	return readdirSync(join(emu.state.dataDir, 'blobs')).length;
}

describe('reset in the middle of a download', () => {
	beforeAll(async () => {
		await client(emu).filesUpload({ path: '/Faults/data.bin', contents: data });
		await client(emu).filesUpload({ path: '/Faults/Folder/data.bin', contents: data });
	});

	it('files/download: the status and headers, exactly `after_bytes` of the body, then the line drops', async () => {
		await fault('files/download', 300_000);
		const cut = await download('files/download', { path: '/Faults/data.bin' });
		expect([cut.status, cut.headers['content-length'], cut.received, cut.failed]).toEqual([200, String(data.length), 300_000, true]);
		const whole = await download('files/download', { path: '/Faults/data.bin' });
		expect([whole.received, whole.failed]).toEqual([data.length, false]);
	});

	it('files/download with Range: the cut counts from the range\'s first byte', async () => {
		await fault('files/download', 10);
		const cut = await download('files/download', { path: '/Faults/data.bin' }, { Range: 'bytes=1000-1999' });
		expect([cut.status, cut.headers['content-range'], cut.received, cut.failed]).toEqual([206, `bytes 1000-1999/${data.length}`, 10, true]);
	});

	it('after_bytes 0: the headers arrive, then no body at all', async () => {
		await fault('files/download', 0);
		const cut = await download('files/download', { path: '/Faults/data.bin' });
		expect([cut.status, cut.received, cut.failed]).toEqual([200, 0, true]);
	});

	it('files/download_zip: the archive stops after `after_bytes`, with its result header sent', async () => {
		await fault('files/download_zip', 100_000);
		const cut = await download('files/download_zip', { path: '/Faults/Folder' });
		expect([cut.status, cut.received, cut.failed]).toEqual([200, 100_000, true]);
		expect(JSON.parse(String(cut.headers['dropbox-api-result']))).toMatchObject({ metadata: { name: 'Folder' } });
		const whole = await download('files/download_zip', { path: '/Faults/Folder' });
		expect(whole.failed).toBe(false);
		expect(whole.received).toBeGreaterThan(data.length);
	});

	it('a refused download under a reset fault gets no answer either', async () => {
		await fault('files/download', 100);
		const refused = await download('files/download', { path: '/Faults/missing.bin' }).catch(() => 'dropped');
		expect(refused).toBe('dropped');
	});
});

describe('reset in the middle of an upload', () => {
	it('files/upload: the body is cut, nothing is stored, no data is left behind', async () => {
		const blobs = blobCount();
		await fault('files/upload', 1000);
		expect(await upload('files/upload', { path: '/Faults/cut.bin' }, data)).toBeUndefined();
		const stat = `/files?account_id=${encodeURIComponent(emu.demo.account_id)}&path=/Faults/cut.bin`;
		await expect(emu.admin('GET', stat)).rejects.toThrow(/404/);
		expect(blobCount()).toBe(blobs);
		expect(await upload('files/upload', { path: '/Faults/cut.bin' }, data)).toBe(200);
		await expect(emu.admin('GET', stat)).resolves.toMatchObject({ size: data.length, content_hash: contentHashOf(data) });
	});

	it('files/upload_session/append_v2: nothing of the cut chunk is appended; the same chunk again goes on at the same offset', async () => {
		const dbx = client(emu);
		const { session_id } = (await dbx.filesUploadSessionStart({ contents: data.subarray(0, 4096) })).result;
		await fault('files/upload_session/append_v2', 5000);
		expect(await upload('files/upload_session/append_v2', { cursor: { session_id, offset: 4096 } }, data.subarray(4096, 500_000))).toBeUndefined();
		await dbx.filesUploadSessionAppendV2({ cursor: { session_id, offset: 4096 }, contents: data.subarray(4096, 500_000) });
		const { result } = await dbx.filesUploadSessionFinish({ cursor: { session_id, offset: 500_000 }, commit: { path: '/Faults/appended.bin' }, contents: data.subarray(500_000) });
		expect(result).toMatchObject({ size: data.length, content_hash: contentHashOf(data) });
	});

	it('files/upload_session/finish with data: the cut finish commits nothing and leaves the session open', async () => {
		const dbx = client(emu);
		const { session_id } = (await dbx.filesUploadSessionStart({ contents: data.subarray(0, 100) })).result;
		await fault('files/upload_session/finish', 50);
		const finishArg = { cursor: { session_id, offset: 100 }, commit: { path: '/Faults/finished.bin' } };
		expect(await upload('files/upload_session/finish', finishArg, data.subarray(100, 10_000))).toBeUndefined();
		const stat = `/files?account_id=${encodeURIComponent(emu.demo.account_id)}&path=/Faults/finished.bin`;
		await expect(emu.admin('GET', stat)).rejects.toThrow(/404/);
		const { result } = await dbx.filesUploadSessionFinish({ ...finishArg, contents: data.subarray(100, 10_000) });
		expect(result).toMatchObject({ size: 10_000, content_hash: contentHashOf(data.subarray(0, 10_000)) });
	});

	it('a body that fits in after_bytes is carried out and only its answer is lost: the retry learns the new offset', async () => {
		const dbx = client(emu);
		const { session_id } = (await dbx.filesUploadSessionStart({ contents: 'abc' })).result;
		await fault('files/upload_session/append_v2', 1000);
		expect(await upload('files/upload_session/append_v2', { cursor: { session_id, offset: 3 } }, Buffer.from('defg'))).toBeUndefined();
		const retry = await sdkFailure(dbx.filesUploadSessionAppendV2({ cursor: { session_id, offset: 3 }, contents: 'defg' }));
		expect(retry.error.error).toEqual({ '.tag': 'incorrect_offset', correct_offset: 7 });
	});
});
