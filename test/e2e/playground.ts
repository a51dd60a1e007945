/**
 * npm run playground: the real n8n with this package installed as a community package, talking to the emulator
 * with its production URLs. Credentials for the demo account and an example workflow are imported and the owner
 * account is set up; open the printed address, sign in, and run "Dropbox Suite playground". Ctrl-C stops both.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startEmulatorProcess } from './support/emulator-process';
import { N8nInstance } from './support/n8n-instance';
import { OWNER, spawnN8nServer } from './support/n8n-server';
import { demoCredentials, playgroundWorkflow } from './support/playground-data';

async function main(): Promise<void> {
	const port = Number(process.env.N8N_PORT ?? 5678);
	const userFolder = path.resolve(__dirname, '../../.playground');
	fs.mkdirSync(userFolder, { recursive: true });

	const emulator = await startEmulatorProcess(['--data-dir', path.join(userFolder, 'emulator')]);
	const n8n = new N8nInstance(emulator, userFolder);
	await n8n.importJson('credentials', demoCredentials(emulator));
	await n8n.importJson('workflow', playgroundWorkflow());

	const server = spawnN8nServer(n8n, port, 'inherit');
	console.log(
		[
			'',
			`n8n:      http://localhost:${port}  sign in as ${OWNER.email} / ${OWNER.password}`,
			'          workflow "Dropbox Suite playground"; credentials "Dropbox demo (app key)" and "Dropbox demo (OAuth2)"',
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
