/**
 * A Chromium command line that makes OAuth2 "Connect" work from a browser on this machine. n8n's Connect opens
 * www.dropbox.com in the browser, and only Node processes are redirected to the emulator (by the preload), so the
 * browser needs telling too: `--host-resolver-rules` sends www.dropbox.com to the emulator's port, and
 * `--ignore-certificate-errors-spki-list` accepts the emulator's server key (its SHA-256 fingerprint) without
 * installing its CA anywhere. Chromium honours that list only with a `--user-data-dir`, and a profile of its own
 * also keeps this browser apart from the user's own. The emulator keeps its port and key across restarts, so the
 * command stays valid. Checked with Debian's Chromium by the end-to-end suite (playground-browser.e2e.test.ts).
 */
import { createHash, X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tls from 'node:tls';

/** The browser hosts n8n's OAuth2 flow visits: the authorize page. Token exchange is n8n's (Node's) business. */
const BROWSER_HOSTS = ['www.dropbox.com'];
const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The SHA-256 of the emulator's server key (SubjectPublicKeyInfo), base64: what Chromium's list names. */
export async function serverKeyFingerprint(emulatorUrl: string, caPem: string): Promise<string> {
	const { hostname, port } = new URL(emulatorUrl);
	const socket = tls.connect({ host: hostname, port: Number(port), servername: BROWSER_HOSTS[0], ca: caPem });
	try {
		await new Promise<void>((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject));
		const key = new X509Certificate(socket.getPeerCertificate().raw).publicKey;
		return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('base64');
	} finally {
		socket.destroy();
	}
}

export interface BrowserCommandOptions {
	emulatorPort: number;
	fingerprint: string;
	profileDir: string;
	/** The page the browser opens first. */
	openUrl: string;
}

/** The flags, in the order printed, then the page to open. */
export function chromiumFlags(options: BrowserCommandOptions): string[] {
	const rules = BROWSER_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${options.emulatorPort}`).join(', ');
	return [
		`--user-data-dir=${options.profileDir}`,
		'--no-first-run',
		`--host-resolver-rules=${rules}`,
		`--ignore-certificate-errors-spki-list=${options.fingerprint}`,
	];
}

/** The command line as a person pastes it into a shell. */
export function chromiumCommandLine(options: BrowserCommandOptions): string {
	return [chromiumBinary(), ...chromiumFlags(options).map(quoteFlag), quote(options.openUrl)].join(' ');
}

/** The first Chromium on PATH, by its usual names; `chromium` where there is none. */
function chromiumBinary(): string {
	const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
	return CHROMIUM_NAMES.find((name) => dirs.some((dir) => fs.existsSync(path.join(dir, name)))) ?? CHROMIUM_NAMES[0];
}

function quoteFlag(flag: string): string {
	const equals = flag.indexOf('=');
	return equals < 0 ? quote(flag) : `${flag.slice(0, equals + 1)}${quote(flag.slice(equals + 1))}`;
}

function quote(word: string): string {
	return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
