/**
 * The emulator's own certificate authority and server certificate, made fresh at every start-up so that
 * no key is ever committed. Clients trust the CA through the written PEM file (NODE_EXTRA_CA_CERTS).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generate } from 'selfsigned';

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

export async function createTlsMaterial(dataDir: string): Promise<TlsMaterial> {
	const notBeforeDate = new Date(Date.now() - 24 * 3600 * 1000);
	const notAfterDate = new Date(Date.now() + 365 * 24 * 3600 * 1000);
	const ca = await generate([{ name: 'commonName', value: 'Dropbox emulator test CA' }], {
		keyType: 'ec',
		algorithm: 'sha256',
		notBeforeDate,
		notAfterDate,
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
	const caPath = path.join(dataDir, 'emulator-ca.pem');
	fs.writeFileSync(caPath, ca.cert);
	return { key: leaf.private, cert: leaf.cert, caPem: ca.cert, caPath };
}
