/**
 * `<data dir>/emulator-tls.json`: the emulator's CA and server keys and certificates, kept for the next start
 * with the same data directory. It holds private keys: readable by its owner only, written to a temporary file
 * first and then renamed (a crash never leaves half a key), and never in the repository (data directories are
 * the caller's, outside it or ignored by git). A file that cannot be used is replaced by new keys.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const TLS_FILE_NAME = 'emulator-tls.json';
const FORMAT_VERSION = 1;

export interface KeyPair {
	/** PKCS#8 PEM. */
	privateKey: string;
	/** SPKI PEM. */
	publicKey: string;
}

export interface KeptTls {
	/** The host names the server certificate was issued for. */
	hostnames: string[];
	ca: { keyPair: KeyPair; cert: string };
	leaf: { keyPair: KeyPair; cert: string };
}

interface TlsFile extends KeptTls {
	version: typeof FORMAT_VERSION;
}

export function readKeptTls(dataDir: string): KeptTls | undefined {
	let text: string;
	try {
		text = fs.readFileSync(path.join(dataDir, TLS_FILE_NAME), 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
	try {
		const file = JSON.parse(text) as Partial<TlsFile>;
		if (file.version !== FORMAT_VERSION || !file.ca?.keyPair || !file.leaf?.keyPair || !Array.isArray(file.hostnames)) {
			return undefined;
		}
		return { hostnames: file.hostnames, ca: file.ca, leaf: file.leaf };
	} catch {
		return undefined;
	}
}

export function writeKeptTls(dataDir: string, tls: KeptTls): void {
	const target = path.join(dataDir, TLS_FILE_NAME);
	const temporary = `${target}.${process.pid}.tmp`;
	const file: TlsFile = { version: FORMAT_VERSION, ...tls };
	fs.writeFileSync(temporary, JSON.stringify(file), { mode: 0o600 });
	fs.renameSync(temporary, target);
}
