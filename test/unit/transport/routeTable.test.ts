import * as fs from 'node:fs';

import { ROUTES } from '../../../nodes/shared/transport/routes.generated';
import { isReadRoute, type DownloadRoute, type RpcRoute, type UploadRoute } from '../../../nodes/shared/transport/routes';
import { TABLE_FILE, renderRouteTable } from '../../tools/route-table';
import { fakeSession } from './session.fixture';

describe('the route table (nodes/shared/transport/routes.generated.ts)', () => {
	it('is what the generator writes from the specification', () => {
		if (fs.readFileSync(TABLE_FILE, 'utf8') !== renderRouteTable()) {
			throw new Error('routes.generated.ts is out of date: run `npm run routes:generate` and commit the result');
		}
	});

	it.each([
		'file_requests/get',
		'file_requests/count',
		'files/tags/get',
		'check/user',
		'sharing/get_file_metadata/batch',
		'sharing/list_file_members/batch',
		'files/list_folder/longpoll',
		'files/copy_batch/check_v2',
		'sharing/check_job_status',
	] as const)('%s only reads: it may be re-sent', (route) => {
		expect(isReadRoute(route)).toBe(true);
	});

	it.each(['files/upload', 'files/upload_session/append_v2', 'files/copy_v2', 'sharing/create_shared_link_with_settings'] as const)(
		'%s writes: it is re-sent only when its caller says so',
		(route) => {
			expect(isReadRoute(route)).toBe(false);
		},
	);

	it('leaves out team routes, which need a team token', () => {
		expect(Object.keys(ROUTES).some((route) => route.startsWith('team/'))).toBe(false);
		expect(ROUTES['files/download']).toEqual({ host: 'content', style: 'download', scope: 'files.content.read', access: 'read' });
	});

	it('types routes by style, so that a route cannot be called in the wrong style', () => {
		const rpc: RpcRoute = 'files/get_metadata';
		const upload: UploadRoute = 'files/upload_session/append_v2';
		const download: DownloadRoute = 'files/download_zip';
		// @ts-expect-error an upload route is not an RPC route
		const wrongStyle: RpcRoute = 'files/upload';
		// @ts-expect-error the long-poll is served on the notify host only
		const wrongHost: RpcRoute = 'files/list_folder/longpoll';
		// @ts-expect-error a typo is not a route
		const typo: RpcRoute = 'files/get_metdata';
		expect([rpc, upload, download, wrongStyle, wrongHost, typo]).toHaveLength(6);
	});

	it('retries a 5xx on a read route the old name-based guess got wrong, and not on a write', async () => {
		const answers = [{ statusCode: 503, body: 'busy' }, { statusCode: 200, body: '{"file_requests":[]}' }];
		const read = fakeSession({ answer: (_request, index) => answers[Math.min(index, 1)] });
		await read.session.rpc('file_requests/count');
		expect(read.sent).toHaveLength(2);

		const write = fakeSession({ answer: () => ({ statusCode: 503, body: 'busy' }) });
		await expect(write.session.rpc('file_requests/create', { arg: { title: 't', destination: '/d' } })).rejects.toThrow();
		expect(write.sent).toHaveLength(1);
	});
});
