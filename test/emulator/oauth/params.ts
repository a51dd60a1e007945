/** OAuth parameters arrive in the query string, a form body, or both: the body wins on conflict. */
import type { IncomingMessage } from 'node:http';
import { readSmallBody } from '../dispatch/body';

export async function oauthParams(req: IncomingMessage, url: URL): Promise<Map<string, string>> {
	const params = new Map<string, string>(url.searchParams);
	const body = (await readSmallBody(req, 64 * 1024)).toString('utf8').trim();
	if (body === '') return params;
	const contentType = (req.headers['content-type'] ?? '').toLowerCase();
	if (contentType.startsWith('application/json')) {
		try {
			const parsed = JSON.parse(body) as unknown;
			if (parsed && typeof parsed === 'object') {
				for (const [name, value] of Object.entries(parsed)) params.set(name, String(value));
			}
			return params;
		} catch {
			// Not JSON after all: fall through to a form.
		}
	}
	for (const [name, value] of new URLSearchParams(body)) params.set(name, value);
	return params;
}
