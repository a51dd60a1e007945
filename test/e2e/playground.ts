/**
 * npm run playground: the real n8n with this package installed as a community package, talking to the emulator
 * with its production URLs. Credentials for the demo account and an example workflow are imported and the owner
 * account is set up; open the printed address, sign in, and run "Dropbox Toolkit playground". Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startEmulatorProcess } from './support/emulator-process';
import { N8nInstance, runtimeDir } from './support/n8n-instance';
import { demoCredentials, playgroundWorkflow } from './support/playground-data';

/** A local playground's owner: n8n 2.x sets it up from the environment, so nobody fills in a sign-up form. */
const OWNER = { email: 'playground@example.com', password: 'Playground-1' };

function ownerFromEnv(): NodeJS.ProcessEnv {
	// bcryptjs ships with n8n, which compares the password against this hash.
	const bcrypt = require(path.join(runtimeDir(), 'node_modules/bcryptjs')) as { hashSync(text: string, rounds: number): string };
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(OWNER.password, 10),
	};
}

async function main(): Promise<void> {
	const port = process.env.N8N_PORT ?? '5678';
	const userFolder = path.resolve(__dirname, '../../.playground');
	fs.mkdirSync(userFolder, { recursive: true });

	const emulator = await startEmulatorProcess(['--data-dir', path.join(userFolder, 'emulator')]);
	const n8n = new N8nInstance(emulator, userFolder);
	await n8n.importJson('credentials', demoCredentials(emulator));
	await n8n.importJson('workflow', playgroundWorkflow());

	const [program, ...args] = n8n.command(['start']);
	const server = spawn(program, args, {
		env: { ...n8n.env(), ...ownerFromEnv(), N8N_PORT: port, N8N_LOG_LEVEL: 'info' },
		stdio: 'inherit',
	});
	console.log(
		[
			'',
			`n8n:      http://localhost:${port}  sign in as ${OWNER.email} / ${OWNER.password}`,
			'          workflow "Dropbox Toolkit playground"; credentials "Dropbox demo (app key)" and "Dropbox demo (OAuth2)"',
			`emulator: ${emulator.url}  admin ${emulator.admin}  (demo account ${emulator.demo.account_id})`,
			'',
		].join('\n'),
	);
	const stop = async () => {
		server.kill('SIGTERM');
		await emulator.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	server.on('exit', async (code) => {
		await emulator.stop();
		process.exit(code ?? 0);
	});
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
