import { compileFilters, globToRegExp, NO_FILTERS, parseExtensions, type ListedEntry } from '../../../nodes/shared/delta';

const file = (path: string, size = 10): ListedEntry => ({
	'.tag': 'file',
	id: `id:${path}`,
	name: path.split('/').pop()!,
	path_lower: path.toLowerCase(),
	path_display: path,
	rev: '015f00000001',
	size,
	server_modified: '2026-01-01T00:00:00Z',
});
const folder = (path: string): ListedEntry => ({ '.tag': 'folder', id: `id:${path}`, name: path.split('/').pop()!, path_lower: path.toLowerCase(), path_display: path });
const deleted = (path: string): ListedEntry => ({ '.tag': 'deleted', name: path.split('/').pop()!, path_lower: path.toLowerCase(), path_display: path });

describe('trigger filters', () => {
	it('reads extensions however they are typed', () => {
		expect(parseExtensions(' pdf, .JPG ,,docx  tar.gz')).toEqual(['pdf', 'jpg', 'docx', 'tar.gz']);
		expect(parseExtensions('')).toEqual([]);
	});

	it('matches globs: * within a name, ** across folders, ? one character, {a,b}, case ignored', () => {
		expect(globToRegExp('/Inbox/*.pdf').test('/inbox/a.PDF')).toBe(true);
		expect(globToRegExp('/Inbox/*.pdf').test('/Inbox/sub/a.pdf')).toBe(false);
		expect(globToRegExp('/Inbox/**/*.pdf').test('/Inbox/a.pdf')).toBe(true);
		expect(globToRegExp('/Inbox/**/*.pdf').test('/Inbox/x/y/a.pdf')).toBe(true);
		expect(globToRegExp('/a?c.txt').test('/abc.txt')).toBe(true);
		expect(globToRegExp('/a?c.txt').test('/a/c.txt')).toBe(false);
		expect(globToRegExp('/r/*.{jpg,png}').test('/r/x.png')).toBe(true);
		expect(globToRegExp('/r/*.{jpg,png}').test('/r/x.gif')).toBe(false);
		expect(globToRegExp('/a+b (1).txt').test('/a+b (1).txt')).toBe(true);
	});

	it('passes everything without filters', () => {
		const accept = compileFilters(NO_FILTERS);
		expect([file('/a.txt'), folder('/f'), deleted('/gone')].every(accept)).toBe(true);
	});

	it('keeps files of the listed extensions (and deletions of such names), never folders', () => {
		const accept = compileFilters({ ...NO_FILTERS, extensions: ['pdf'] });
		expect(accept(file('/x/Report.PDF'))).toBe(true);
		expect(accept(file('/x/notes.txt'))).toBe(false);
		expect(accept(file('/x/pdf'))).toBe(false);
		expect(accept(folder('/x/archive.pdf'))).toBe(false);
		expect(accept(deleted('/x/old.pdf'))).toBe(true);
		expect(accept(deleted('/x/old.txt'))).toBe(false);
	});

	it('bounds file sizes and lets sizeless entries through', () => {
		const accept = compileFilters({ ...NO_FILTERS, minSize: 100, maxSize: 1000 });
		expect(accept(file('/a', 99))).toBe(false);
		expect(accept(file('/a', 100))).toBe(true);
		expect(accept(file('/a', 1000))).toBe(true);
		expect(accept(file('/a', 1001))).toBe(false);
		expect(accept(folder('/f'))).toBe(true);
		expect(accept(deleted('/d'))).toBe(true);
	});
});
