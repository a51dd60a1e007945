import type { IHttpRequestOptions } from 'n8n-workflow';

import { listAll, pages, type DropboxContext } from '../../../nodes/Dropbox/transport';
import { dropboxNode } from './node.fixture';

/** A context answering list_folder / list_folder/continue from a fixed sequence of pages. */
function pagedContext(pageCount: number) {
	const sent: Array<{ url: string; body: unknown }> = [];
	const ctx = {
		getNode: () => dropboxNode({ authentication: 'appApi' }, { dropboxToolkitAppApi: { id: 'c1', name: 'app' } }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				const body = JSON.parse(options.body as string) as { cursor?: string };
				sent.push({ url: options.url, body });
				const index = body.cursor === undefined ? 0 : Number(body.cursor.slice(1)) + 1;
				return {
					statusCode: 200,
					headers: {},
					body: JSON.stringify({
						entries: [`e${index}a`, `e${index}b`],
						cursor: `c${index}`,
						has_more: index < pageCount - 1,
					}),
				};
			},
		},
	} as unknown as DropboxContext;
	return { ctx, sent };
}

describe('pagination', () => {
	it('follows the cursor through the continue route while has_more', async () => {
		const { ctx, sent } = pagedContext(3);
		const seen: string[][] = [];
		for await (const page of pages<{ entries: string[]; cursor: string; has_more: boolean }>(ctx, {
			route: 'files/list_folder',
			arg: { path: '' },
		})) {
			seen.push(page.entries);
		}
		expect(seen).toEqual([['e0a', 'e0b'], ['e1a', 'e1b'], ['e2a', 'e2b']]);
		expect(sent.map((request) => request.url)).toEqual([
			'https://api.dropboxapi.com/2/files/list_folder',
			'https://api.dropboxapi.com/2/files/list_folder/continue',
			'https://api.dropboxapi.com/2/files/list_folder/continue',
		]);
		expect(sent[2].body).toEqual({ cursor: 'c1' });
	});

	it('collects items across pages and stops fetching once the limit is held', async () => {
		const { ctx, sent } = pagedContext(5);
		const first = { route: 'files/list_folder', arg: { path: '' } };
		expect(await listAll<string>(ctx, first, { itemsKey: 'entries' })).toHaveLength(10);
		sent.length = 0;
		expect(await listAll<string>(ctx, first, { itemsKey: 'entries', limit: 3 })).toEqual(['e0a', 'e0b', 'e1a']);
		expect(sent).toHaveLength(2);
	});
});
