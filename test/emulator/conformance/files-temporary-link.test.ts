/**
 * files/get_temporary_link through the official SDK, and the link itself: the file's bytes with its
 * Content-Type and Range on a Dropbox host name, for the link's lifetime, then 410 Gone.
 */
import { request } from 'undici';
import { describeRoute } from './describe-route';
import { expectSpecShape, routeFailure, sdkWorld } from './files-support';

const world = sdkWorld();

async function fetchLink(link: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') {
	const answer = await request(link, { method, headers });
	return { status: answer.statusCode, headers: answer.headers, body: Buffer.from(await answer.body.arrayBuffer()) };
}

describeRoute('files/get_temporary_link', () => world.emu, () => {
	it('answers the metadata and a link that serves the bytes, with Content-Type and Range', async () => {
		const uploaded = (await world.dbx.filesUpload({ path: '/Links/report.json', contents: '{"a":1}' })).result;
		const result = (await world.dbx.filesGetTemporaryLink({ path: '/Links/report.json' })).result;
		expectSpecShape('GetTemporaryLinkResult', result);
		expect(result.metadata).toMatchObject({ id: uploaded.id, rev: uploaded.rev, size: 7 });
		expect(result.link).toMatch(/^https:\/\/content\.dropboxapi\.com\/apitl\/1\/[A-Za-z0-9_-]+$/);
		const whole = await fetchLink(result.link);
		expect([whole.status, whole.headers['content-type'], whole.body.toString()]).toEqual([200, 'application/json', '{"a":1}']);
		const part = await fetchLink(result.link, { Range: 'bytes=1-3' });
		expect([part.status, part.headers['content-range'], part.body.toString()]).toEqual([206, 'bytes 1-3/7', '"a"']);
		const head = await fetchLink(result.link, {}, 'HEAD');
		expect([head.status, head.headers['content-length'], head.body.length]).toEqual([200, '7', 0]);
	});

	it('keeps serving the revision it was made for when the file changes; an unknown token is a 404', async () => {
		await world.dbx.filesUpload({ path: '/Links/v.txt', contents: 'first' });
		const { link } = (await world.dbx.filesGetTemporaryLink({ path: '/Links/v.txt' })).result;
		await world.dbx.filesUpload({ path: '/Links/v.txt', contents: 'second', mode: { '.tag': 'overwrite' } });
		expect((await fetchLink(link)).body.toString()).toBe('first');
		expect((await fetchLink(`${link}x`)).status).toBe(404);
	});

	it('answers 410 Gone once the link has expired', async () => {
		await world.dbx.filesUpload({ path: '/Links/short.txt', contents: 'short' });
		await world.emu.admin('POST', '/limits', { temporary_link_lifetime_s: 1 });
		try {
			const { link } = (await world.dbx.filesGetTemporaryLink({ path: '/Links/short.txt' })).result;
			expect((await fetchLink(link)).status).toBe(200);
			await new Promise((resolve) => setTimeout(resolve, 1100));
			expect((await fetchLink(link)).status).toBe(410);
		} finally {
			await world.emu.admin('POST', '/limits', { temporary_link_lifetime_s: 14_400 });
		}
	});

	it('answers path errors, and unsupported_file for a file that can only be exported', async () => {
		expect(await routeFailure(world.dbx.filesGetTemporaryLink({ path: '/Links/none.txt' }))).toEqual({ '.tag': 'path', path: { '.tag': 'not_found' } });
		await world.dbx.filesCreateFolderV2({ path: '/Links/dir' });
		expect(await routeFailure(world.dbx.filesGetTemporaryLink({ path: '/Links/dir' }))).toEqual({ '.tag': 'path', path: { '.tag': 'not_file' } });
		await world.emu.admin('POST', '/files', { account_id: world.emu.demo.account_id, path: '/Links/Notes.paper', content_base64: Buffer.from('# Notes').toString('base64') });
		expect(await routeFailure(world.dbx.filesGetTemporaryLink({ path: '/Links/Notes.paper' }))).toEqual({ '.tag': 'unsupported_file' });
	});
});
