import { toHeaderSafeJson } from '../../../nodes/shared/transport/headerSafeJson';

describe('toHeaderSafeJson', () => {
	const roundTrip = (value: unknown) => JSON.parse(toHeaderSafeJson(value)) as unknown;
	const isHeaderSafe = (text: string) => /^[\x20-\x7e]*$/.test(text);

	it.each([
		['accents', { path: '/Café/résumé.txt' }],
		['emoji', { path: '/photos/🎉 party.jpg' }],
		['CJK', { path: '/文件/報告.pdf' }],
		['control characters', { path: '/a\tb\nc\u0001d' }],
		['DEL', { path: '/x\u007fy' }],
		['quotes and backslashes', { path: '/say "hi"\\there' }],
	])('keeps %s printable ASCII and round-trips them', (_name, value) => {
		const encoded = toHeaderSafeJson(value);
		expect(isHeaderSafe(encoded)).toBe(true);
		expect(roundTrip(value)).toEqual(value);
	});

	it('escapes a character above 0x7E as \\uXXXX', () => {
		expect(toHeaderSafeJson('é')).toBe('"\\u00e9"');
	});

	it('writes a character outside the BMP as its two surrogate escapes', () => {
		expect(toHeaderSafeJson('🎉')).toBe('"\\ud83c\\udf89"');
	});

	it('leaves plain ASCII alone and writes null for no argument', () => {
		expect(toHeaderSafeJson({ path: '/a b/c.txt' })).toBe('{"path":"/a b/c.txt"}');
		expect(toHeaderSafeJson(undefined)).toBe('null');
	});
});
