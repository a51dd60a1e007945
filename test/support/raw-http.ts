/**
 * Plain HTTP calls to production Dropbox URLs (redirected to the emulator by the harness), for wire
 * details the official SDK hides: status lines, text bodies, headers.
 */
import { request, type Dispatcher } from 'undici';

export interface RawAnswer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	/** The body parsed as JSON (throws if it is not JSON). */
	json<T = unknown>(): T;
}

export async function rawCall(
	url: string,
	options: {
		method?: 'GET' | 'POST' | 'PUT';
		headers?: Record<string, string>;
		body?: string | Buffer;
		/** A connection pool of its own (the default pool may hold connections to an earlier emulator). */
		dispatcher?: Dispatcher;
	} = {},
): Promise<RawAnswer> {
	const { method = 'POST', headers, body, dispatcher } = options;
	const res = await request(url, { method, headers, body, dispatcher });
	const text = await res.body.text();
	return {
		status: res.statusCode,
		headers: res.headers,
		text,
		json: <T>() => JSON.parse(text) as T,
	};
}

export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });
export const basic = (key: string, secret: string): Record<string, string> => ({
	Authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`,
});
