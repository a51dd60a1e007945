/** The emulator in its own process, as users and n8n see it, for the end-to-end suite. */
import { startEmulatorCli, type EmulatorLine } from '../../support/emulator-cli';

export type EmulatorInfo = EmulatorLine;

export interface EmulatorProcess extends EmulatorInfo {
	/** A call to the admin interface (`/__admin` + path); throws on a status that is not 2xx. */
	adminCall<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
	stop(): Promise<void>;
}

export async function startEmulatorProcess(args: string[] = []): Promise<EmulatorProcess> {
	const cli = await startEmulatorCli({ via: 'tsx', args: ['--port', '0', ...args] });
	return {
		...cli.line,
		async adminCall<T>(method: 'GET' | 'POST', adminPath: string, body?: unknown) {
			const answer = await cli.admin<T>(method, adminPath, body);
			if (answer.status >= 300) {
				throw new Error(`admin ${method} ${adminPath}: ${answer.status} ${JSON.stringify(answer.body)}`);
			}
			return answer.body;
		},
		async stop() {
			await cli.stop('SIGTERM');
		},
	};
}
