/** The emulator's admin interface as seen from outside, trusting the CA the emulator wrote into its data directory. */
import * as fs from 'node:fs';
import { Agent, request } from 'undici';

export interface AdminClient {
	call<T>(method: 'GET' | 'POST', adminPath: string, body?: unknown): Promise<{ status: number; body: T }>;
	close(): Promise<void>;
}

export function adminClient(adminUrl: string, caFile: string): AdminClient {
	const dispatcher = new Agent({ connect: { ca: fs.readFileSync(caFile, 'utf8') } });
	return {
		async call<T>(method: 'GET' | 'POST', adminPath: string, body?: unknown) {
			const answer = await request(`${adminUrl}${adminPath}`, {
				method,
				dispatcher,
				headers: body === undefined ? {} : { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await answer.body.text();
			return { status: answer.statusCode, body: (text === '' ? undefined : JSON.parse(text)) as T };
		},
		close: () => dispatcher.close(),
	};
}
