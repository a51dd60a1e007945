import { dropboxUrlToPath, locatorToPath, pathToDropboxUrl } from '../../../nodes/shared/parameters';
import { folderAndNameFilter } from '../../../nodes/DropboxSuite/methods/listSearch';

describe('dropbox.com URL → path', () => {
	it.each([
		['https://www.dropbox.com/home/Reports/2024', '/Reports/2024'],
		['https://www.dropbox.com/home/Reports?preview=q1.pdf', '/Reports/q1.pdf'],
		['https://dropbox.com/home/My%20Folder/', '/My Folder'],
		['https://www.dropbox.com/home/Caf%C3%A9?preview=na%C3%AFve+%E2%80%93+%E6%97%A5%E6%9C%AC.txt', '/Café/naïve – 日本.txt'],
		['https://www.dropbox.com/home', ''],
	])('%s → %s', (url, path) => {
		expect(dropboxUrlToPath(url)).toBe(path);
	});

	it.each([
		'https://evil.example.com/home/x',
		'https://www.dropbox.com/s/abc123/shared.pdf',
		'not a url',
		'https://www.dropbox.com/home/%E0%A4%A',
	])('refuses %s', (url) => {
		expect(dropboxUrlToPath(url)).toBeUndefined();
	});

	it('builds the web address of a path and reads it back', () => {
		const url = pathToDropboxUrl('/Café/a b#c.txt');
		expect(url).toBe('https://www.dropbox.com/home/Caf%C3%A9/a%20b%23c.txt');
		expect(dropboxUrlToPath(url)).toBe('/Café/a b#c.txt');
	});
});

describe('resource locator → path', () => {
	it('takes typed and listed paths, dropping the trailing slash folders are listed with', () => {
		expect(locatorToPath('path', ' /Reports/q1.pdf ')).toBe('/Reports/q1.pdf');
		expect(locatorToPath('list', '/Reports/')).toBe('/Reports');
		expect(locatorToPath('path', '/')).toBe('');
		expect(locatorToPath('path', 'Reports/q1.pdf')).toBeUndefined();
	});

	it('takes IDs only in id form', () => {
		expect(locatorToPath('id', 'id:a4ayc_80_OEAAAAAAAAAXw')).toBe('id:a4ayc_80_OEAAAAAAAAAXw');
		expect(locatorToPath('id', '/Reports')).toBeUndefined();
	});

	it('reads URLs', () => {
		expect(locatorToPath('url', 'https://www.dropbox.com/home/A?preview=b.txt')).toBe('/A/b.txt');
	});
});

describe('list search filter', () => {
	it('lists the typed folder and filters by the rest', () => {
		expect(folderAndNameFilter('/Reports/Q')).toEqual({ folder: '/Reports', nameFilter: 'q' });
		expect(folderAndNameFilter('/Reports/')).toEqual({ folder: '/Reports', nameFilter: '' });
		expect(folderAndNameFilter('/rep')).toEqual({ folder: '', nameFilter: 'rep' });
		expect(folderAndNameFilter('rep')).toEqual({ folder: '', nameFilter: 'rep' });
		expect(folderAndNameFilter(undefined)).toEqual({ folder: '', nameFilter: '' });
	});
});
