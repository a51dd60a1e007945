import { MalformedPath, isDisallowedName, parsePath, withNameSuffix } from './paths';

describe('parsePath', () => {
	it('reads the path forms Dropbox accepts', () => {
		expect(parsePath('')).toEqual({ kind: 'path', components: [] });
		expect(parsePath('/A/b.txt')).toEqual({ kind: 'path', components: ['A', 'b.txt'] });
		expect(parsePath('id:abcdefghijklmnopqrstuv')).toEqual({ kind: 'id', id: 'id:abcdefghijklmnopqrstuv', components: [] });
		expect(parsePath('id:abc/sub/x')).toEqual({ kind: 'id', id: 'id:abc', components: ['sub', 'x'] });
		expect(parsePath('rev:0123456789abc')).toEqual({ kind: 'rev', rev: '0123456789abc' });
		expect(parsePath('ns:123/Docs')).toEqual({ kind: 'path', namespaceId: '123', components: ['Docs'] });
		expect(parsePath('ns:123')).toEqual({ kind: 'path', namespaceId: '123', components: [] });
		// Whitespace is refused only at the end of a name.
		expect(parsePath('/ a b/ c.txt')).toEqual({ kind: 'path', components: [' a b', ' c.txt'] });
	});

	it.each(['/', '/a/', '//a', '/a//b', '/./a', '/a/..', 'a/b', 'ns:x/a', 'rev:12', '/a\u0001b', '/a ', '/a\t', '/a /b', 'id:abc/x\u00a0'])('refuses %j', (raw) => {
		expect(() => parsePath(raw)).toThrow(MalformedPath);
	});

	it('normalises names to NFC so composed and decomposed accents are one name', () => {
		const decomposed = '/Cafe\u0301';
		expect(parsePath(decomposed)).toEqual({ kind: 'path', components: ['Café'] });
	});
});

describe('names', () => {
	it('knows the names Dropbox will not store', () => {
		expect(isDisallowedName('desktop.ini')).toBe(true);
		expect(isDisallowedName('Thumbs.db')).toBe(true);
		expect(isDisallowedName('report.txt')).toBe(false);
	});

	it('puts autorename suffixes before the extension of files', () => {
		expect(withNameSuffix('report.txt', ' (1)', true)).toBe('report (1).txt');
		expect(withNameSuffix('.bashrc', ' (1)', true)).toBe('.bashrc (1)');
		expect(withNameSuffix('my.folder', ' (1)', false)).toBe('my.folder (1)');
	});
});
