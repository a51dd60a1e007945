import { errorSummary } from './error-summary';
import { headerSafeJson } from './header-safe-json';
import { parseRange } from './range';

describe('errorSummary', () => {
	it('joins nested union tags and ends with "/.."', () => {
		expect(errorSummary({ '.tag': 'path', path: { '.tag': 'not_found' } })).toBe('path/not_found/..');
	});
	it('stops at a struct member (fields inline next to the tag)', () => {
		expect(errorSummary({ '.tag': 'incorrect_offset', correct_offset: 8 })).toBe('incorrect_offset/..');
	});
	it('reads a RateLimitError through its reason', () => {
		expect(errorSummary({ reason: { '.tag': 'too_many_write_operations' }, retry_after: 1 })).toBe(
			'too_many_write_operations/..',
		);
	});
});

describe('headerSafeJson', () => {
	it('escapes every character above 0x7E and keeps ASCII', () => {
		const text = headerSafeJson({ path: '/Café/naïve – 日本 😀.txt', n: 1 });
		expect(text).toMatch(/^[\x20-\x7e]*$/);
		expect(text).toContain('Caf\\u00e9');
		expect(text).toContain('\\ud83d\\ude00');
		expect(JSON.parse(text)).toEqual({ path: '/Café/naïve – 日本 😀.txt', n: 1 });
	});
	it('escapes DEL (0x7F) too', () => {
		expect(headerSafeJson('\u007f')).toBe('"\\u007f"');
	});
});

describe('parseRange', () => {
	it('serves the whole file without a Range header', () => {
		expect(parseRange(undefined, 10)).toEqual({ kind: 'whole' });
	});
	it('reads a-b, a- and -n, clamping the end to the file', () => {
		expect(parseRange('bytes=2-5', 10)).toEqual({ kind: 'partial', start: 2, end: 5 });
		expect(parseRange('bytes=4-', 10)).toEqual({ kind: 'partial', start: 4, end: 9 });
		expect(parseRange('bytes=-3', 10)).toEqual({ kind: 'partial', start: 7, end: 9 });
		expect(parseRange('bytes=8-100', 10)).toEqual({ kind: 'partial', start: 8, end: 9 });
	});
	it('refuses ranges past the end, inverted or malformed', () => {
		for (const header of ['bytes=10-12', 'bytes=5-2', 'bytes=-', 'items=1-2', 'bytes=1-2,4-5', 'bytes=-0']) {
			expect(parseRange(header, 10)).toEqual({ kind: 'unsatisfiable' });
		}
	});
});
