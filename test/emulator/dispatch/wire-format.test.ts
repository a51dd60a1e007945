import { MAX_SUMMARY_DOTS, errorSummary, summaryTags, withSummaryDots } from './error-summary';
import { ifNoneMatchHits, weakEtag } from './etag';
import { headerSafeJson } from './header-safe-json';
import { parseRange } from './range';

describe('errorSummary', () => {
	it('joins nested union tags', () => {
		expect(summaryTags({ '.tag': 'path', path: { '.tag': 'not_found' } })).toBe('path/not_found');
	});
	it('stops at a struct member (fields inline next to the tag)', () => {
		expect(summaryTags({ '.tag': 'incorrect_offset', correct_offset: 8 })).toBe('incorrect_offset');
	});
	it('reads a RateLimitError through its reason', () => {
		expect(summaryTags({ reason: { '.tag': 'too_many_write_operations' }, retry_after: 1 })).toBe('too_many_write_operations');
	});
	it('ends in "/" and a number of dots that varies, as Dropbox\'s does', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 200; i++) seen.add(errorSummary({ '.tag': 'path', path: { '.tag': 'not_found' } }));
		for (const summary of seen) expect(summary).toMatch(new RegExp(`^path/not_found/\\.{0,${MAX_SUMMARY_DOTS}}$`));
		expect(seen.size).toBe(MAX_SUMMARY_DOTS + 1);
		expect(withSummaryDots('reset', 2)).toBe('reset/..');
	});
});

describe('ETags of downloads', () => {
	it('are weak tags of the rev', () => {
		expect(weakEtag('015f9c2b1e4d8a0000000001')).toBe('W/"015f9c2b1e4d8a0000000001"');
	});
	it('match If-None-Match weakly, in a list, or with *', () => {
		const etag = weakEtag('abc123def');
		expect(ifNoneMatchHits('W/"abc123def"', etag)).toBe(true);
		expect(ifNoneMatchHits('"abc123def"', etag)).toBe(true);
		expect(ifNoneMatchHits('"other", W/"abc123def"', etag)).toBe(true);
		expect(ifNoneMatchHits('*', etag)).toBe(true);
		expect(ifNoneMatchHits('W/"abc123de"', etag)).toBe(false);
		expect(ifNoneMatchHits(undefined, etag)).toBe(false);
		expect(ifNoneMatchHits('', etag)).toBe(false);
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
