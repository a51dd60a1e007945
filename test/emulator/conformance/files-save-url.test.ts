/**
 * files/save_url through the official SDK: the emulator fetches from loopback http and https (self-signed)
 * servers into the file, as an async job; a URL it cannot fetch fails the job with download_failed.
 */
import { once } from 'node:events';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { describeRoute } from './describe-route';
import { expectSpecShape, routeFailure, sdkWorld } from './files-support';

const world = sdkWorld();
const BIG = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
const servers: http.Server[] = [];
let plain: string;
let secure: string;

function serve(req: http.IncomingMessage, res: http.ServerResponse): void {
	if (req.url === '/small.txt') return void res.end('fetched by the emulator');
	if (req.url === '/big.bin') return void res.end(BIG);
	if (req.url === '/moved') return void res.writeHead(302, { Location: '/small.txt' }).end();
	if (req.url === '/cut') {
		res.writeHead(200, { 'Content-Length': 1000 });
		res.write('only part');
		return void res.socket?.destroy();
	}
	res.writeHead(404).end('no');
}

async function listen(server: http.Server): Promise<number> {
	servers.push(server);
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
	plain = `http://127.0.0.1:${await listen(http.createServer(serve))}`;
	const pems = await generate([{ name: 'commonName', value: 'localhost' }], { keyType: 'ec', algorithm: 'sha256' });
	secure = `https://127.0.0.1:${await listen(https.createServer({ key: pems.private, cert: pems.cert }, serve))}`;
});
afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

type Status = { '.tag': string; [field: string]: unknown };

async function saved(path: string, url: string): Promise<Status[]> {
	const launch = (await world.dbx.filesSaveUrl({ path, url })).result;
	expectSpecShape('SaveUrlResult', launch);
	if (launch['.tag'] !== 'async_job_id') throw new Error('expected an async job');
	const seen: Status[] = [];
	for (;;) {
		const status = (await world.dbx.filesSaveUrlCheckJobStatus({ async_job_id: launch.async_job_id })).result as Status;
		expectSpecShape('SaveUrlJobStatus', status);
		seen.push(status);
		if (status['.tag'] !== 'in_progress') return seen;
	}
}

async function text(path: string): Promise<Buffer> {
	return Buffer.from(((await world.dbx.filesDownload({ path })).result as unknown as { fileBinary: Buffer }).fileBinary);
}

describeRoute('files/save_url', () => world.emu, () => {
	describeRoute('files/save_url/check_job_status', () => world.emu, () => {
		it('fetches from a loopback http server into the file: in_progress, then complete with its metadata', async () => {
			const seen = await saved('/Saved/small.txt', `${plain}/small.txt`);
			expect(seen[0]['.tag']).toBe('in_progress');
			expect(seen[seen.length - 1]).toMatchObject({ '.tag': 'complete', path_display: '/Saved/small.txt', size: 23 });
			expect((await text('/Saved/small.txt')).toString()).toBe('fetched by the emulator');
		});

		it('fetches from https with a self-signed certificate, follows redirects, streams a big body', async () => {
			const big = await saved('/Saved/big.bin', `${secure}/big.bin`);
			expect(big[big.length - 1]).toMatchObject({ '.tag': 'complete', size: BIG.length });
			expect((await text('/Saved/big.bin')).equals(BIG)).toBe(true);
			const moved = await saved('/Saved/moved.txt', `${plain}/moved`);
			expect(moved[moved.length - 1]).toMatchObject({ '.tag': 'complete', size: 23 });
		});

		it('fails the job with download_failed for a 404, a refused connection or a body cut off; nothing is written', async () => {
			for (const [name, url] of [['missing', `${plain}/missing`], ['refused', 'http://127.0.0.1:1/x'], ['cut', `${plain}/cut`]]) {
				const seen = await saved(`/Saved/${name}.txt`, url);
				expect(seen[seen.length - 1]).toEqual({ '.tag': 'failed', failed: { '.tag': 'download_failed' } });
				expect(await routeFailure(world.dbx.filesGetMetadata({ path: `/Saved/${name}.txt` }))).toEqual({ '.tag': 'path', path: { '.tag': 'not_found' } });
			}
		});

		it('answers invalid_url at once, and fails the job with the path\'s conflict', async () => {
			expect(await routeFailure(world.dbx.filesSaveUrl({ path: '/Saved/x.txt', url: 'not a url' }))).toEqual({ '.tag': 'invalid_url' });
			expect(await routeFailure(world.dbx.filesSaveUrl({ path: '/Saved/x.txt', url: 'ftp://127.0.0.1/x' }))).toEqual({ '.tag': 'invalid_url' });
			await world.dbx.filesUpload({ path: '/Saved/taken.txt', contents: 'mine' });
			const seen = await saved('/Saved/taken.txt', `${plain}/small.txt`);
			expect(seen[seen.length - 1]).toEqual({ '.tag': 'failed', failed: { '.tag': 'path', path: { '.tag': 'conflict', conflict: { '.tag': 'file' } } } });
		});
	});
});
