/** `n8n start` for the playground and for tests that need n8n's REST API (the OAuth2 connect flow). */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as path from 'node:path';
import { runtimeDir, type N8nInstance } from './n8n-instance';

/** The local owner account: n8n 2.x sets it up from the environment, so nobody fills in a sign-up form. */
export const OWNER = { email: 'playground@example.com', password: 'Playground-1' };

export function ownerEnv(): NodeJS.ProcessEnv {
	// bcryptjs ships with n8n, which compares the password against this hash.
	const bcrypt = require(path.join(runtimeDir(), 'node_modules/bcryptjs')) as {
		hashSync(text: string, rounds: number): string;
	};
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(OWNER.password, 10),
	};
}

export function spawnN8nServer(n8n: N8nInstance, port: number, stdio: 'inherit' | 'ignore'): ChildProcess {
	const [program, ...args] = n8n.command(['start']);
	return spawn(program, args, { env: { ...n8n.env(), ...ownerEnv(), N8N_PORT: String(port) }, stdio });
}

export interface N8nServer {
	url: string;
	/** A REST call as the signed-in owner. */
	rest<T>(method: 'GET' | 'POST', restPath: string, body?: unknown): Promise<T>;
	/** A page the owner's browser opens (it carries the sign-in cookie), e.g. the OAuth callback. */
	visit(pathAndQuery: string): Promise<{ status: number; text: string }>;
	stop(): Promise<void>;
}

/** Starts n8n, waits until its REST API answers, and signs in as the owner. */
export async function startN8nServer(n8n: N8nInstance, port: number, timeoutMs = 120_000): Promise<N8nServer> {
	const child = spawnN8nServer(n8n, port, 'ignore');
	const url = `http://127.0.0.1:${port}`;
	const stop = async () => {
		if (child.exitCode !== null) return;
		child.kill('SIGTERM');
		await once(child, 'exit');
	};
	const deadline = Date.now() + timeoutMs;
	let cookie: string | undefined;
	while (!cookie) {
		if (child.exitCode !== null) throw new Error(`n8n exited with ${child.exitCode} while starting`);
		if (Date.now() > deadline) {
			await stop();
			throw new Error('n8n did not sign the owner in before the deadline');
		}
		// The REST routes register some seconds after the port opens: until then login answers 404.
		const login = await fetch(`${url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		}).catch(() => undefined);
		if (login?.ok) cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
		else await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	return {
		url,
		async rest<T>(method: 'GET' | 'POST', restPath: string, body?: unknown) {
			const response = await fetch(`${url}/rest${restPath}`, {
				method,
				headers: { cookie: cookie!, 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await response.text();
			if (!response.ok) throw new Error(`n8n ${method} ${restPath}: ${response.status} ${text}`);
			return (JSON.parse(text) as { data: T }).data;
		},
		async visit(pathAndQuery: string) {
			const response = await fetch(`${url}${pathAndQuery}`, { headers: { cookie: cookie! } });
			return { status: response.status, text: await response.text() };
		},
		stop,
	};
}
