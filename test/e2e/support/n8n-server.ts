/** `n8n start` for the playground and for tests that need n8n's REST API (the OAuth2 connect flow). */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
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

export interface SpawnOptions {
	stdio: StdioOptions;
	/** More environment, over the instance's own. */
	env?: NodeJS.ProcessEnv;
	/** A process group of its own: a Ctrl-C in the terminal then reaches only whoever started it. */
	detached?: boolean;
}

export function spawnN8nServer(n8n: N8nInstance, port: number, options: SpawnOptions): ChildProcess {
	const [program, ...args] = n8n.command(['start']);
	return spawn(program, args, {
		env: { ...n8n.env(), ...ownerEnv(), N8N_PORT: String(port), ...options.env },
		stdio: options.stdio,
		detached: options.detached,
	});
}

export type RestMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** n8n's REST API as the signed-in owner. */
export interface N8nClient {
	url: string;
	/** A REST call as the signed-in owner. */
	rest<T>(method: RestMethod, restPath: string, body?: unknown): Promise<T>;
	/** A page the owner's browser opens (it carries the sign-in cookie), e.g. the OAuth callback. */
	visit(pathAndQuery: string): Promise<{ status: number; text: string }>;
}

export interface N8nServer extends N8nClient {
	stop(): Promise<void>;
}

/**
 * Signs in as the owner once n8n answers: the REST routes register some seconds after the port opens, and until
 * then login answers 404 (or nothing at all). `gone` tells that the server has ended, so there is no use waiting.
 */
export async function signIn(url: string, timeoutMs: number, gone: () => string | undefined = () => undefined): Promise<N8nClient> {
	const deadline = Date.now() + timeoutMs;
	let cookie: string | undefined;
	while (!cookie) {
		const ended = gone();
		if (ended) throw new Error(ended);
		if (Date.now() > deadline) throw new Error(`n8n at ${url} did not sign the owner in within ${timeoutMs / 1000} s`);
		const login = await fetch(`${url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		}).catch(() => undefined);
		if (login?.ok) cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
		else await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return {
		url,
		async rest<T>(method: RestMethod, restPath: string, body?: unknown) {
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
	};
}

/** Starts n8n, waits until its REST API answers, and signs in as the owner. */
export async function startN8nServer(n8n: N8nInstance, port: number, timeoutMs = 120_000): Promise<N8nServer> {
	const child = spawnN8nServer(n8n, port, { stdio: 'ignore' });
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGTERM');
		await once(child, 'exit');
	};
	try {
		const client = await signIn(`http://127.0.0.1:${port}`, timeoutMs, () =>
			child.exitCode !== null ? `n8n exited with ${child.exitCode} while starting` : undefined,
		);
		return { ...client, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
