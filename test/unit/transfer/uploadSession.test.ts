import type { IHttpRequestOptions } from 'n8n-workflow';

import { OWN_SPACE } from '../../../nodes/shared/transport';
import { ContentHasher } from '../../../nodes/shared/transfer/contentHash';
import { stageInSession } from '../../../nodes/shared/transfer/uploadSession';
import { sourceFromBuffer } from '../../../nodes/shared/transfer/uploadSource';
import { fakeSession, routeOf, type FakeAnswer } from '../transport/session.fixture';

const KIB = 1024;

/**
 * A fake upload-session server that keeps each session's bytes. `applyButLose(n)` applies the n-th append and
 * then answers 503, as when the answer is lost on the way back; `forget()` drops every session.
 */
function sessionServer() {
	const sessions = new Map<string, Buffer>();
	let appends = 0;
	let lose = new Set<number>();
	const argOf = (request: IHttpRequestOptions) =>
		JSON.parse(String((request.headers as Record<string, string>)['Dropbox-API-Arg'])) as {
			cursor?: { session_id: string; offset: number };
		};
	const conflict = (error: unknown): FakeAnswer => ({
		statusCode: 409,
		body: JSON.stringify({ error_summary: 'x/', error }),
	});
	const answer = (request: IHttpRequestOptions): FakeAnswer => {
		const body = request.body as Buffer;
		const route = routeOf(request);
		if (route === 'files/upload_session/start') {
			const id = `s${sessions.size + 1}`;
			sessions.set(id, Buffer.from(body));
			return { statusCode: 200, body: JSON.stringify({ session_id: id }) };
		}
		const { cursor } = argOf(request);
		const held = sessions.get(cursor!.session_id);
		if (!held) return conflict({ '.tag': 'not_found' });
		if (cursor!.offset !== held.length) {
			return conflict({ '.tag': 'incorrect_offset', correct_offset: held.length });
		}
		sessions.set(cursor!.session_id, Buffer.concat([held, body]));
		appends++;
		if (lose.has(appends)) return { statusCode: 503, body: 'lost' };
		return { statusCode: 200, body: 'null' };
	};
	return {
		answer,
		bytes: (id: string) => sessions.get(id),
		applyButLose: (...numbers: number[]) => (lose = new Set(numbers)),
		forget: () => sessions.clear(),
	};
}

const hashOf = (bytes: Buffer) => {
	const hasher = new ContentHasher();
	hasher.update(bytes);
	return hasher.digest();
};

describe('stageInSession', () => {
	const content = Buffer.from(Array.from({ length: 40 * KIB }, (_, index) => index % 251));
	const options = { chunkBytes: 8 * KIB, space: OWN_SPACE, close: false };

	it('sends the file in chunks, each with its own content hash', async () => {
		const server = sessionServer();
		const { session, sent } = fakeSession({ answer: server.answer });
		const staged = await stageInSession(session, sourceFromBuffer(content), options);
		expect(staged).toEqual({ sessionId: 's1', size: content.length, contentHash: hashOf(content) });
		expect(server.bytes('s1')?.equals(content)).toBe(true);
		expect(sent.map(routeOf)).toEqual(['files/upload_session/start', ...Array(4).fill('files/upload_session/append_v2')]);
		const firstArg = JSON.parse(String((sent[0].headers as Record<string, string>)['Dropbox-API-Arg']));
		expect(firstArg.content_hash).toBe(hashOf(content.subarray(0, 8 * KIB)));
	});

	it('moves on when a re-sent chunk finds Dropbox already holds it (its answer was lost)', async () => {
		const server = sessionServer();
		server.applyButLose(2);
		const { session, sent } = fakeSession({ answer: server.answer });
		const staged = await stageInSession(session, sourceFromBuffer(content), options);
		expect(server.bytes(staged.sessionId)?.equals(content)).toBe(true);
		// The lost append is re-sent once and answered incorrect_offset: no byte is stored twice.
		expect(sent.filter((request) => routeOf(request) === 'files/upload_session/append_v2')).toHaveLength(5);
	});

	it('starts a new session when Dropbox no longer knows the old one', async () => {
		const server = sessionServer();
		let appendsSeen = 0;
		const { session, sent } = fakeSession({
			answer: (request) => {
				if (routeOf(request) === 'files/upload_session/append_v2' && ++appendsSeen === 2) server.forget();
				return server.answer(request);
			},
		});
		const staged = await stageInSession(session, sourceFromBuffer(content), options);
		expect(sent.filter((request) => routeOf(request) === 'files/upload_session/start')).toHaveLength(2);
		expect(server.bytes(staged.sessionId)?.equals(content)).toBe(true);
	});

	it('closes the session after the last chunk when asked, for a batch commit', async () => {
		const server = sessionServer();
		const { session, sent } = fakeSession({ answer: server.answer });
		await stageInSession(session, sourceFromBuffer(content), { ...options, close: true });
		const args = sent.map((request) => JSON.parse(String((request.headers as Record<string, string>)['Dropbox-API-Arg'])));
		expect(args.map((arg) => arg.close)).toEqual([false, false, false, false, true]);
	});
});

