/**
 * `npm run emulator -- --port <n> [--latency-ms <ms>] [--token-lifetime-s <s>] [--data-dir <dir>]
 * [--longpoll-jitter-ms <ms>]`: prints exactly one JSON line (address, CA, admin URL, demo credentials) on
 * stdout, then serves until SIGINT/SIGTERM (or until the process that launched it is gone). Everything
 * else goes to stderr. `--data-dir` keeps accounts and files across restarts; `--longpoll-jitter-ms` is
 * the most a long-poll waits past its timeout (90 000 unless given, as Dropbox's jitter; tests set 0).
 */
import { watchLaunchers } from './launcher-watch';
import { createEmulator, type EmulatorOptions } from './server';

function parseArgs(argv: string[]): EmulatorOptions {
	const options: EmulatorOptions = { port: 0 };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = argv[i + 1];
		const number = (): number => {
			const parsed = Number(value);
			if (value === undefined || !Number.isFinite(parsed) || parsed < 0) throw new Error(`${flag} needs a number ≥ 0`);
			i++;
			return parsed;
		};
		switch (flag) {
			case '--port':
				options.port = number();
				break;
			case '--latency-ms':
				options.latencyMs = number();
				break;
			case '--token-lifetime-s':
				options.tokenLifetimeS = number();
				break;
			case '--longpoll-jitter-ms':
				options.longpollJitterMs = number();
				break;
			case '--data-dir':
				if (!value) throw new Error('--data-dir needs a directory');
				options.dataDir = value;
				i++;
				break;
			default:
				throw new Error(`unknown argument ${flag}`);
		}
	}
	return options;
}

async function main(): Promise<void> {
	const emulator = await createEmulator(parseArgs(process.argv.slice(2)));
	const { url, caPath, admin, demo } = emulator;
	const { app_key, app_secret, refresh_token, access_token, account_id } = demo;
	const line = { url, ca: caPath, admin, demo: { app_key, app_secret, refresh_token, access_token, account_id } };
	process.stdout.write(`${JSON.stringify(line)}\n`);
	let stopping = false;
	const stop = (signal: string): void => {
		if (stopping) return;
		stopping = true;
		process.stderr.write(`[emulator] ${signal}: stopping\n`);
		emulator.close().then(
			() => process.exit(0),
			(error: unknown) => {
				process.stderr.write(`[emulator] close failed: ${String(error)}\n`);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
	watchLaunchers(() => stop('launcher gone'));
}

main().catch((error: unknown) => {
	process.stderr.write(`[emulator] ${(error as Error).message ?? String(error)}\n`);
	process.exit(2);
});
