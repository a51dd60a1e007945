import { DropboxApiError } from '../../../nodes/shared/transport/errors';
import { ERROR_HINTS, hintKeys } from '../../../nodes/shared/transport/errorHints';
import { failureFromResponse, failureKind, readTagChain } from '../../../nodes/shared/transport/failure';
import { failureFromThrown } from '../../../nodes/shared/transport/thrownFailure';
import { dropboxNode } from './node.fixture';

const node = dropboxNode();

const routeError = (summary: string, error: unknown) => failureFromResponse(409, {}, { error_summary: summary, error });

describe('readTagChain', () => {
	it('walks nested unions and collects their fields', () => {
		expect(
			readTagChain({ '.tag': 'path', path: { '.tag': 'not_found' } }),
		).toEqual({ tags: ['path', 'not_found'], fields: {} });
		expect(readTagChain({ '.tag': 'missing_scope', required_scope: 'files.content.write' })).toEqual({
			tags: ['missing_scope'],
			fields: { required_scope: 'files.content.write' },
		});
	});

	it('goes on through a struct that holds the next union in `reason` (an upload\'s write failure)', () => {
		const chain = readTagChain({
			'.tag': 'path',
			reason: { '.tag': 'conflict', conflict: { '.tag': 'file' } },
			upload_session_id: 'pid_1',
		});
		expect(chain.tags).toEqual(['path', 'conflict', 'file']);
		expect(chain.fields.upload_session_id).toBe('pid_1');
	});

	it('reads a rate-limit body from its reason', () => {
		const chain = readTagChain({ reason: { '.tag': 'too_many_write_operations' }, retry_after: 2 });
		expect(chain.tags).toEqual(['too_many_write_operations']);
		expect(chain.fields.retry_after).toBe(2);
	});
});

describe('hintKeys', () => {
	it('tries the most specific run of tags first', () => {
		expect(hintKeys(['to', 'conflict', 'file'])).toEqual([
			'to/conflict/file',
			'to/conflict',
			'to',
			'conflict/file',
			'conflict',
			'file',
		]);
	});
});

describe('DropboxApiError (one mapping of every failure)', () => {
	const cases: Array<[string, ReturnType<typeof failureFromResponse>, { path?: string; toPath?: string }, RegExp]> = [
		[
			'path/not_found',
			routeError('path/not_found/..', { '.tag': 'path', path: { '.tag': 'not_found' } }),
			{ path: '/Reports/q1.pdf' },
			/No file or folder at "\/Reports\/q1\.pdf"/,
		],
		[
			'path/conflict',
			routeError('path/conflict/folder/.', { '.tag': 'path', path: { '.tag': 'conflict', conflict: { '.tag': 'folder' } } }),
			{ path: '/A' },
			/already exists at "\/A"/,
		],
		[
			'to/conflict',
			routeError('to/conflict/file/..', { '.tag': 'to', to: { '.tag': 'conflict', conflict: { '.tag': 'file' } } }),
			{ toPath: '/B' },
			/destination at "\/B" already exists/,
		],
		[
			'to/malformed_path names the destination, not the source',
			routeError('to/malformed_path/...', { '.tag': 'to', to: { '.tag': 'malformed_path' } }),
			{ path: '/Source.txt', toPath: 'Dest' },
			/"Dest" is not a valid Dropbox path/,
		],
		[
			'to/no_write_permission names the destination',
			routeError('to/no_write_permission/.', { '.tag': 'to', to: { '.tag': 'no_write_permission' } }),
			{ path: '/Source.txt', toPath: '/Shared/Read only' },
			/may not write at "\/Shared\/Read only"/,
		],
		[
			'insufficient_space',
			routeError('path/insufficient_space/..', { '.tag': 'path', path: { '.tag': 'insufficient_space' } }),
			{},
			/account is full/,
		],
		[
			'too_many_write_operations',
			routeError('too_many_write_operations/..', { '.tag': 'too_many_write_operations' }),
			{},
			/busy with other writes/,
		],
		[
			'malformed_path',
			routeError('path/malformed_path/..', { '.tag': 'path', path: { '.tag': 'malformed_path' } }),
			{ path: 'Reports' },
			/"Reports" is not a valid Dropbox path/,
		],
		[
			'restricted_content',
			routeError('path/restricted_content/.', { '.tag': 'path', path: { '.tag': 'restricted_content' } }),
			{ path: '/x' },
			/restricts the content/,
		],
		[
			'invalid_root',
			failureFromResponse(422, {}, { error_summary: 'invalid_root/..', error: { '.tag': 'invalid_root' } }),
			{},
			/Space does not exist/,
		],
		[
			'expired_access_token',
			failureFromResponse(401, {}, { error_summary: 'expired_access_token/..', error: { '.tag': 'expired_access_token' } }),
			{},
			/expired.*Reconnect the credential/,
		],
		[
			'invalid_access_token',
			failureFromResponse(401, {}, { error_summary: 'invalid_access_token/..', error: { '.tag': 'invalid_access_token' } }),
			{},
			/revoked.*Reconnect the credential/,
		],
		[
			'missing_scope',
			failureFromResponse(401, {}, {
				error_summary: 'missing_scope/..',
				error: { '.tag': 'missing_scope', required_scope: 'sharing.write' },
			}),
			{},
			/"sharing\.write".*App Console.*reconnect/,
		],
	];

	it.each(cases)('%s → Dropbox summary as message, an actionable hint as description', (_tag, failure, context, hint) => {
		const error = new DropboxApiError(node, failure, { ...context, itemIndex: 3 });
		expect(error.message).toContain(failure.summary);
		// Dropbox's trailing slash and dots are not part of the tag path: never shown.
		expect(error.message).not.toMatch(/\/?\.+$/);
		if (context.toPath) expect(error.description).not.toContain(context.path ?? '\0');
		expect(error.description).toMatch(hint);
		expect(error.httpCode).toBe(String(failure.status));
		expect(error.errorSummary).toBe(failure.summary);
		expect(error.context.itemIndex).toBe(3);
	});

	it('shows the text of a 400 answer and keeps the raw body', () => {
		const text = 'Error in call to API function "files/get_metadata": request body: path: missing field';
		const error = new DropboxApiError(node, failureFromResponse(400, { 'content-type': 'text/plain' }, text));
		expect(error.message).toContain(text);
		expect(error.description).toContain(text);
		expect(error.httpCode).toBe('400');
		expect((error.errorResponse as { body?: unknown }).body).toBe(text);
	});

	it('explains a 429 that outlasted the retries', () => {
		const failure = failureFromResponse(
			429,
			{ 'retry-after': '3' },
			{ error_summary: 'too_many_requests/..', error: { reason: { '.tag': 'too_many_requests' }, retry_after: 3 } },
		);
		expect(failure.retryAfterS).toBe(3);
		const error = new DropboxApiError(node, failure);
		expect(error.description).toMatch(/rate-limited/);
		expect(error.httpCode).toBe('429');
		expect(new DropboxApiError(node, failure, { attempts: 5 }).description).toMatch(/after 5 attempts/);
	});

	it('explains a 5xx, counting attempts only when there were several', () => {
		const error = new DropboxApiError(node, failureFromResponse(503, {}, 'Service Unavailable'));
		expect(failureKind(error.failure)).toBe('server');
		expect(error.description).toMatch(/server problem/);
		expect(error.description).not.toMatch(/attempts|retries/);
		const retried = new DropboxApiError(node, failureFromResponse(503, {}, 'Service Unavailable'), { attempts: 5 });
		expect(retried.description).toMatch(/server problem after 5 attempts/);
	});

	it('says that a failed write was not re-sent, and why', () => {
		const error = new DropboxApiError(node, failureFromResponse(500, {}, 'Internal Server Error'), {
			attempts: 1,
			resendable: false,
		});
		expect(error.description).toMatch(/not re-sent.*may have taken effect/);
		expect(error.description).not.toMatch(/attempts|several retries/);
	});

	it('never shows the dots Dropbox appends to error_summary, however many', () => {
		for (const dots of ['', '.', '..', '...', '....']) {
			const failure = routeError(`path/not_found/${dots}`, { '.tag': 'path', path: { '.tag': 'not_found' } });
			expect(failure.summary).toBe('path/not_found');
			expect(new DropboxApiError(node, failure).message).toBe('Dropbox error: path/not_found');
		}
	});

	it('explains a dropped connection without letting n8n replace the message', () => {
		const failure = failureFromThrown(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		expect(failure.networkCode).toBe('ECONNRESET');
		const error = new DropboxApiError(node, failure);
		expect(error.message).toBe('Could not reach Dropbox: the connection failed');
		expect(error.description).toMatch(/ECONNRESET.*dropboxapi\.com/);
	});

	it('explains a refused token renewal', () => {
		const authError = Object.assign(new Error('The provided authorization grant is invalid'), {
			code: 'EAUTH',
			body: { error: 'invalid_grant', error_description: 'refresh token is invalid or revoked' },
		});
		const wrapped = Object.assign(new Error('wrapper'), { cause: authError });
		const error = new DropboxApiError(node, failureFromThrown(wrapped));
		expect(error.message).toContain('invalid_grant');
		expect(error.description).toMatch(/refresh token.*Reconnect/);
	});

	it('has a hint for every tag a user commonly meets', () => {
		for (const key of [
			'path/not_found',
			'path/conflict',
			'to/conflict',
			'insufficient_space',
			'too_many_write_operations',
			'expired_access_token',
			'invalid_access_token',
			'missing_scope',
			'malformed_path',
			'restricted_content',
			'invalid_root',
		]) {
			expect(ERROR_HINTS[key]).toBeDefined();
		}
	});
});

describe('errors n8n-core wrapped in NodeApiError (which drops the original)', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { NodeApiError } = require('n8n-workflow') as typeof import('n8n-workflow');
	const wrap = (error: Error) => new NodeApiError(node, error as never);

	it('recovers the status and JSON body of an HTTP answer', () => {
		const axiosLike = Object.assign(new Error('Request failed with status code 409'), {
			name: 'AxiosError',
			response: {
				status: 409,
				headers: {},
				data: { error_summary: 'path/not_found/.', error: { '.tag': 'path', path: { '.tag': 'not_found' } } },
			},
		});
		Object.defineProperty(axiosLike, 'constructor', { value: { name: 'AxiosError' } });
		const failure = failureFromThrown(wrap(axiosLike));
		expect(failure.status).toBe(409);
		expect(failure.tags).toEqual(['path', 'not_found']);
	});

	it('recognises a refused OAuth2 renewal (EAUTH) and a dropped connection', () => {
		const refused = failureFromThrown(
			wrap(Object.assign(new Error('The provided authorization grant ... or refresh token is invalid'), { code: 'EAUTH' })),
		);
		expect(refused.tokenError).toBe('invalid_grant');
		const dropped = failureFromThrown(wrap(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })));
		expect(dropped.networkCode).toBe('ECONNRESET');
	});

	it('recognises the app credential\'s own token errors by their code', () => {
		const error = Object.assign(new Error('Dropbox refused the app key or app secret'), { errorCode: 'invalid_client' });
		expect(failureFromThrown(wrap(error)).tokenError).toBe('invalid_client');
	});

	it('treats anything else as a local failure that keeps its message', () => {
		const failure = failureFromThrown(new Error('Node does not have any credentials set'));
		expect(failure.local).toBe(true);
		expect(new DropboxApiError(node, failure).message).toBe('Node does not have any credentials set');
	});
});
