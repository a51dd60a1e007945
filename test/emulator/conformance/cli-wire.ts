/**
 * Plain HTTPS to an emulator process from the outside: connect to its address, name the Dropbox host in
 * `Host`, trust its CA. No preload, nothing patched in the test process.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { Agent, request } from 'undici';
import type { EmulatorLine } from '../../support/emulator-cli';

export type DropboxHostName = 'api.dropboxapi.com' | 'content.dropboxapi.com' | 'notify.dropboxapi.com' | 'www.dropbox.com';

export interface WireAnswer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	json<T = any>(): T; // eslint-disable-line @typescript-eslint/no-explicit-any
	/** From sending the request to the end of the body. */
	ms: number;
}

export interface WireRequest {
	method?: 'GET' | 'POST';
	headers?: Record<string, string>;
	body?: string | Buffer;
}

export class DropboxWire {
	private readonly agent: Agent;

	constructor(private readonly line: EmulatorLine) {
		this.agent = new Agent({ connect: { ca: fs.readFileSync(line.ca, 'utf8') } });
	}

	async call(host: DropboxHostName, pathAndQuery: string, options: WireRequest = {}): Promise<WireAnswer> {
		const started = performance.now();
		const res = await request(`${this.line.url}${pathAndQuery}`, {
			method: options.method ?? 'POST',
			headers: { ...options.headers, host },
			body: options.body,
			dispatcher: this.agent,
		});
		const text = await res.body.text();
		return { status: res.statusCode, headers: res.headers, text, json: () => JSON.parse(text), ms: performance.now() - started };
	}

	rpc(route: string, token: string, arg: unknown): Promise<WireAnswer> {
		return this.call('api.dropboxapi.com', `/2/${route}`, {
			headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
			body: arg === undefined ? undefined : JSON.stringify(arg),
		});
	}

	upload(route: string, token: string, arg: unknown, data: Buffer): Promise<WireAnswer> {
		return this.call('content.dropboxapi.com', `/2/${route}`, {
			headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream', 'Dropbox-API-Arg': JSON.stringify(arg) },
			body: data,
		});
	}

	/** A download whose body is read chunk by chunk: how many bytes came, and whether the stream broke. */
	async downloadBytes(token: string, arg: unknown): Promise<{ status: number; expected: number; received: number; broken: boolean }> {
		const res = await request(`${this.line.url}/2/files/download`, {
			method: 'POST',
			headers: { host: 'content.dropboxapi.com', Authorization: `Bearer ${token}`, 'Dropbox-API-Arg': JSON.stringify(arg) },
			dispatcher: this.agent,
		});
		let received = 0;
		let broken = false;
		try {
			for await (const chunk of res.body) received += (chunk as Buffer).length;
		} catch {
			broken = true;
		}
		return { status: res.statusCode, expected: Number(res.headers['content-length']), received, broken };
	}

	close(): Promise<void> {
		return this.agent.close();
	}
}

/** Dropbox's content_hash, computed here independently: SHA-256 of each 4 MiB block, then of the digests. */
export function dropboxContentHash(data: Buffer): string {
	const BLOCK = 4 * 1024 * 1024;
	const digests: Buffer[] = [];
	for (let at = 0; at < data.length; at += BLOCK) digests.push(createHash('sha256').update(data.subarray(at, at + BLOCK)).digest());
	return createHash('sha256').update(Buffer.concat(digests)).digest('hex');
}

export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });
export const basicAuth = (key: string, secret: string): Record<string, string> => ({
	Authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`,
});
export const formBody = (params: Record<string, string>) => ({
	headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
	body: new URLSearchParams(params).toString(),
});
