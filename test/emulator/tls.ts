/**
 * The emulator's own certificate authority and server certificate, made by the emulator itself so that no key
 * is ever committed. Clients trust the CA through the written PEM file (NODE_EXTRA_CA_CERTS). Without a kept data
 * directory every start makes new keys; with one (`keep`), the keys stay in it (tls-store.ts), so that a browser
 * told to trust the server key's fingerprint, or a client holding the CA file, still trusts a restarted emulator.
 */
import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generate } from 'selfsigned';
import { readKeptTls, writeKeptTls, type KeyPair, type KeptTls } from './tls-store';

export interface TlsMaterial {
	key: string;
	cert: string;
	caPem: string;
	caPath: string;
}

export const DROPBOX_HOSTNAMES = [
	'api.dropboxapi.com',
	'content.dropboxapi.com',
	'notify.dropboxapi.com',
	'*.dropboxapi.com',
	'www.dropbox.com',
	'dropbox.com',
	'localhost',
];

const DAY_MS = 24 * 3600 * 1000;
const VALIDITY_DAYS = 365;
/** Kept certificates are issued again, with the same keys, once they have less than this left. */
const RENEW_BEFORE_DAYS = 30;

export interface TlsOptions {
	/** Keep the keys and certificates in `dataDir` and use them again on the next start. */
	keep?: boolean;
	/** The clock, for tests of renewal. */
	now?: Date;
}

export async function createTlsMaterial(dataDir: string, options: TlsOptions = {}): Promise<TlsMaterial> {
	const now = options.now ?? new Date();
	const kept = options.keep ? readKeptTls(dataDir) : undefined;
	const tls = kept && usable(kept, now) ? kept : await issue(now, kept);
	if (options.keep && tls !== kept) writeKeptTls(dataDir, tls);
	const caPath = path.join(dataDir, 'emulator-ca.pem');
	fs.writeFileSync(caPath, tls.ca.cert);
	return { key: tls.leaf.keyPair.privateKey, cert: tls.leaf.cert, caPem: tls.ca.cert, caPath };
}

/** Certificates for our host names that stay valid for a while yet. */
function usable(kept: KeptTls, now: Date): boolean {
	const until = now.getTime() + RENEW_BEFORE_DAYS * DAY_MS;
	return (
		kept.hostnames.join(',') === DROPBOX_HOSTNAMES.join(',') &&
		[kept.ca.cert, kept.leaf.cert].every((cert) => new Date(new X509Certificate(cert).validTo).getTime() > until)
	);
}

/** New certificates; for the key pairs of `previous` where there is one, so that their fingerprints stay. */
async function issue(now: Date, previous?: KeptTls): Promise<KeptTls> {
	const notBeforeDate = new Date(now.getTime() - DAY_MS);
	const notAfterDate = new Date(now.getTime() + VALIDITY_DAYS * DAY_MS);
	const ca = await generate([{ name: 'commonName', value: 'Dropbox emulator test CA' }], {
		keyType: 'ec',
		algorithm: 'sha256',
		notBeforeDate,
		notAfterDate,
		keyPair: previous?.ca.keyPair,
		extensions: [
			{ name: 'basicConstraints', cA: true, critical: true },
			{ name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
		],
	});
	const leaf = await generate([{ name: 'commonName', value: 'api.dropboxapi.com' }], {
		keyType: 'ec',
		algorithm: 'sha256',
		notBeforeDate,
		notAfterDate,
		keyPair: previous?.leaf.keyPair,
		ca: { key: ca.private, cert: ca.cert },
		extensions: [
			{ name: 'basicConstraints', cA: false },
			{ name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
			{ name: 'extKeyUsage', serverAuth: true },
			{
				name: 'subjectAltName',
				altNames: [
					...DROPBOX_HOSTNAMES.map((value) => ({ type: 2 as const, value })),
					{ type: 7 as const, ip: '127.0.0.1' },
				],
			},
		],
	});
	const pair = (generated: { private: string; public: string }): KeyPair => ({
		privateKey: generated.private,
		publicKey: generated.public,
	});
	return {
		hostnames: [...DROPBOX_HOSTNAMES],
		ca: { keyPair: pair(ca), cert: ca.cert },
		leaf: { keyPair: pair(leaf), cert: leaf.cert },
	};
}
