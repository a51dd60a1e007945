import type { SharedLink } from './link-store';
import { linkUrl, parseLinkUrl } from './link-url';

const link = (isFolder: boolean): SharedLink => ({
	key: 'abc123',
	rlkey: 'xyz789',
	owner: 'dbid:owner',
	namespaceId: '1',
	nodeId: 'id:x',
	isFolder,
	settings: { audience: 'public', access: 'viewer', allowDownload: true },
});

describe('shared link URLs', () => {
	it('are shaped like Dropbox links, names escaped', () => {
		expect(linkUrl(link(false), 'Q1 report #2.pdf')).toBe('https://www.dropbox.com/scl/fi/abc123/Q1%20report%20%232.pdf?rlkey=xyz789&dl=0');
		expect(linkUrl(link(true), 'Any')).toBe('https://www.dropbox.com/scl/fo/abc123/h?rlkey=xyz789&dl=0');
	});

	it('are read back from what a user may paste', () => {
		const made = linkUrl(link(false), 'a.txt');
		expect(parseLinkUrl(made)).toEqual({ kind: 'link', key: 'abc123', rlkey: 'xyz789' });
		expect(parseLinkUrl(made.replace('dl=0', 'dl=1'))).toEqual({ kind: 'link', key: 'abc123', rlkey: 'xyz789' });
		expect(parseLinkUrl('https://dropbox.com/scl/fo/abc123/h?rlkey=xyz789&raw=1')).toEqual({ kind: 'link', key: 'abc123', rlkey: 'xyz789' });
		expect(parseLinkUrl('https://www.dropbox.com/scl/fi/abc123/other-name.txt')).toEqual({ kind: 'link', key: 'abc123', rlkey: null });
	});

	it('refuse anything else', () => {
		for (const text of ['not a url', 'http://www.dropbox.com/scl/fi/abc123/a.txt', 'https://evil.example/scl/fi/abc123/a.txt', 'https://www.dropbox.com/s/abc123/a.txt', 'https://www.dropbox.com/scl/fi/']) {
			expect(parseLinkUrl(text)).toEqual({ kind: 'malformed' });
		}
	});
});
