import { DropboxApiError } from '../../../nodes/shared/transport';
import { fakeSession, recordingPolicy, routeOf } from './session.fixture';

async function failureOf(call: Promise<unknown>): Promise<DropboxApiError> {
	const error = await call.then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(DropboxApiError);
	return error as DropboxApiError;
}

describe('DropboxSession', () => {
	it('sends RPC calls without an argument as JSON null', async () => {
		const { session, sent } = fakeSession({});
		await session.rpc('users/get_current_account');
		expect(sent[0].body).toBe('null');
		expect(sent[0].headers).toMatchObject({ 'Content-Type': 'application/json' });
	});

	it('hands every request the cancellation signal', async () => {
		const controller = new AbortController();
		const { session, sent } = fakeSession({ abortSignal: controller.signal });
		await session.rpc('users/get_current_account');
		expect(sent[0].abortSignal).toBe(controller.signal);
	});

	it('sends nothing once cancelled, and says it was cancelled', async () => {
		const controller = new AbortController();
		const { session, sent } = fakeSession({ abortSignal: controller.signal });
		controller.abort();
		const failure = session.rpc('files/get_metadata', { arg: { path: '/a' } });
		await expect(failure).rejects.toBeInstanceOf(DropboxApiError);
		await expect(failure).rejects.toThrow('The request to Dropbox was cancelled');
		expect(sent).toHaveLength(0);
	});

	it('ends a Retry-After wait when cancelled, without sending again', async () => {
		const controller = new AbortController();
		const policy = recordingPolicy({
			sleep: async (_ms, signal) =>
				await new Promise<void>((_resolve, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted')))),
		});
		const { session, sent } = fakeSession({
			abortSignal: controller.signal,
			retryPolicy: policy,
			answer: () => ({ statusCode: 429, headers: { 'retry-after': '300' }, body: '{"error_summary":"too_many_requests/","error":{"reason":{".tag":"too_many_requests"}}}' }),
		});
		const call = session.rpc('files/get_metadata', { arg: { path: '/a' } });
		await new Promise((resolve) => setImmediate(resolve));
		controller.abort();
		await expect(call).rejects.toThrow('cancelled');
		expect(sent).toHaveLength(1);
	});

	it('says "after N attempts" only for the attempts made', async () => {
		const answer = () => ({ statusCode: 500, body: 'Internal Server Error' });
		const read = fakeSession({ answer });
		const readFailure = await failureOf(read.session.rpc('files/get_metadata', { arg: { path: '/a' } }));
		expect(read.sent).toHaveLength(5);
		expect(readFailure.description).toMatch(/after 5 attempts/);

		const upload = fakeSession({ answer });
		const uploadFailure = await failureOf(
			upload.session.upload('files/upload', { arg: { path: '/a' }, body: Buffer.from('x') }),
		);
		expect(upload.sent.map(routeOf)).toEqual(['files/upload']);
		expect(uploadFailure.description).not.toMatch(/attempts|retries/);
		expect(uploadFailure.description).toMatch(/not re-sent/);
	});
});
