import { type CursorState, decodeCursor, encodeCursor } from './cursors';

describe('cursors', () => {
	const state: CursorState = {
		epoch: 'e1',
		generation: 2,
		namespaceId: '12345',
		folder: ['photos', 'café'],
		recursive: true,
		includeDeleted: false,
		limit: 10,
		seq: 42,
		after: '/photos/café/b.png',
	};

	it('round-trip through an opaque, URL-safe string', () => {
		const cursor = encodeCursor(state);
		expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(decodeCursor(cursor)).toEqual(state);
	});

	it('without a pending listing carry no position key', () => {
		const { after: _after, ...latest } = state;
		expect(decodeCursor(encodeCursor(latest))).toEqual(latest);
	});

	it.each(['', 'garbage', 'AAE!!!', 'AAE' + Buffer.from('{"e":1}').toString('base64url')])('reject %j', (text) => {
		expect(decodeCursor(text)).toBeUndefined();
	});
});
