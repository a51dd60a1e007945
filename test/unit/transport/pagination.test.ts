import { listAll, pages, type PagedCall } from '../../../nodes/shared/transport';
import { fakeSession } from './session.fixture';

/** A session answering list_folder / list_folder/continue from a fixed sequence of pages. */
function pagedSession(pageCount: number) {
	const { session, sent: requests } = fakeSession({
		answer: (options) => {
			const body = JSON.parse(options.body as string) as { cursor?: string };
			const index = body.cursor === undefined ? 0 : Number(body.cursor.slice(1)) + 1;
			return {
				statusCode: 200,
				body: JSON.stringify({
					entries: [`e${index}a`, `e${index}b`],
					cursor: `c${index}`,
					has_more: index < pageCount - 1,
				}),
			};
		},
	});
	const sent = {
		get all() {
			return requests.map((options) => ({ url: options.url, body: JSON.parse(options.body as string) as unknown }));
		},
		clear: () => requests.splice(0),
	};
	return { session, sent };
}

const listFolder: PagedCall = { route: 'files/list_folder', continueRoute: 'files/list_folder/continue', arg: { path: '' } };

describe('pagination', () => {
	it('follows the cursor through the continue route while has_more', async () => {
		const { session, sent } = pagedSession(3);
		const seen: string[][] = [];
		for await (const page of pages<{ entries: string[]; cursor: string; has_more: boolean }>(session, listFolder)) {
			seen.push(page.entries);
		}
		expect(seen).toEqual([['e0a', 'e0b'], ['e1a', 'e1b'], ['e2a', 'e2b']]);
		expect(sent.all.map((request) => request.url)).toEqual([
			'https://api.dropboxapi.com/2/files/list_folder',
			'https://api.dropboxapi.com/2/files/list_folder/continue',
			'https://api.dropboxapi.com/2/files/list_folder/continue',
		]);
		expect(sent.all[2].body).toEqual({ cursor: 'c1' });
	});

	it('collects items across pages and stops fetching once the limit is held', async () => {
		const { session, sent } = pagedSession(5);
		expect(await listAll<string>(session, listFolder, { itemsKey: 'entries' })).toHaveLength(10);
		sent.clear();
		expect(await listAll<string>(session, listFolder, { itemsKey: 'entries', limit: 3 })).toEqual(['e0a', 'e0b', 'e1a']);
		expect(sent.all).toHaveLength(2);
	});
});
