/**
 * A data directory of the caller's keeps the emulator's TLS keys: after a restart with it the server shows the
 * same public key (a browser told to trust that key's fingerprint still trusts it) and the same CA. Without one,
 * every start has keys of its own. Near their end the kept certificates are issued again, with the same keys.
 */
import { createHash, X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { createEmulator, type Emulator } from '../server';
import { createTlsMaterial } from '../tls';
import { TLS_FILE_NAME } from '../tls-store';

let dataDir: string;

beforeEach(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-tls-'));
});

afterEach(() => {
	fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The SHA-256 of the server certificate's public key, as a browser's fingerprint list names it. */
async function serverKeyFingerprint(emulator: Emulator): Promise<string> {
	const socket = tls.connect({ host: '127.0.0.1', port: Number(new URL(emulator.url).port), servername: 'www.dropbox.com', ca: emulator.ca });
	await new Promise<void>((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject));
	const leaf = new X509Certificate(socket.getPeerCertificate().raw);
	socket.destroy();
	return spkiFingerprint(leaf);
}

function spkiFingerprint(cert: X509Certificate): string {
	return createHash('sha256').update(cert.publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
}

async function startedTwice(dir?: string): Promise<Array<{ fingerprint: string; ca: string }>> {
	const seen = [];
	for (let start = 0; start < 2; start++) {
		const emulator = await createEmulator({ port: 0, dataDir: dir });
		seen.push({ fingerprint: await serverKeyFingerprint(emulator), ca: emulator.ca });
		await emulator.close();
	}
	return seen;
}

it('keeps the server key and the CA across a restart with the same data directory, readable by its owner only', async () => {
	const [first, second] = await startedTwice(dataDir);
	expect(second).toEqual(first);
	expect(fs.statSync(path.join(dataDir, TLS_FILE_NAME)).mode & 0o077).toBe(0);
});

it('makes new keys at every start without a data directory', async () => {
	const [first, second] = await startedTwice();
	expect(second.fingerprint).not.toBe(first.fingerprint);
	expect(second.ca).not.toBe(first.ca);
});

it('issues kept certificates again near their end, with the same keys', async () => {
	const first = await createTlsMaterial(dataDir, { keep: true });
	const yearLater = new Date(Date.now() + 350 * 24 * 3600 * 1000);
	const renewed = await createTlsMaterial(dataDir, { keep: true, now: yearLater });
	expect(renewed.cert).not.toBe(first.cert);
	expect(spkiFingerprint(new X509Certificate(renewed.cert))).toBe(spkiFingerprint(new X509Certificate(first.cert)));
	expect(new Date(new X509Certificate(renewed.cert).validTo).getTime()).toBeGreaterThan(yearLater.getTime());
	expect(new X509Certificate(renewed.cert).checkIssued(new X509Certificate(renewed.caPem))).toBe(true);
});
