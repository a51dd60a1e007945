/**
 * The playground's folder (`.playground/` in the clone unless PLAYGROUND_DIR names another): n8n's user folder, the
 * emulator's data directory (files, accounts, tokens, TLS keys), the browser profile and the emulator's port, all
 * kept across restarts; logs. `--reset` removes what is kept, and nothing else: the folder may be one of the user's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** What a restart finds again. `.cache` holds n8n's unpacked editor files. */
const KEPT = ['.n8n', '.cache', 'emulator', 'emulator-port', 'chromium-profile'];
/** Import files with secrets that earlier versions of the playground left behind at every start. */
const LEFTOVER = /^(credentials|workflow)-\d+\.json$/;

export class PlaygroundFolder {
	readonly emulatorDataDir: string;
	readonly browserProfile: string;
	readonly logsDir: string;
	readonly n8nLog: string;
	private readonly portFile: string;

	constructor(readonly root: string) {
		this.emulatorDataDir = path.join(root, 'emulator');
		this.browserProfile = path.join(root, 'chromium-profile');
		this.logsDir = path.join(root, 'logs');
		this.n8nLog = path.join(this.logsDir, 'n8n.log');
		this.portFile = path.join(root, 'emulator-port');
		fs.mkdirSync(this.logsDir, { recursive: true });
	}

	reset(): void {
		for (const entry of KEPT) fs.rmSync(path.join(this.root, entry), { recursive: true, force: true });
	}

	removeLeftovers(): string[] {
		const leftovers = fs.readdirSync(this.root).filter((name) => LEFTOVER.test(name));
		for (const name of leftovers) fs.rmSync(path.join(this.root, name), { force: true });
		return leftovers;
	}

	/** The port the emulator had last time: the browser command line printed then names it. */
	savedEmulatorPort(): number | undefined {
		try {
			const port = Number(fs.readFileSync(this.portFile, 'utf8').trim());
			return Number.isInteger(port) && port > 0 ? port : undefined;
		} catch {
			return undefined;
		}
	}

	saveEmulatorPort(port: number): void {
		fs.writeFileSync(this.portFile, `${port}\n`);
	}
}
