import { containsAll, highlightSpans, nameRank, queryWords } from './match';

describe('search matching', () => {
	it('needs every word of the query, in any case', () => {
		const words = queryWords('  Annual   REPORT ');
		expect(words).toEqual(['annual', 'report']);
		expect(containsAll('2024 annual-report.pdf', words)).toBe(true);
		expect(containsAll('annual.pdf', words)).toBe(false);
	});

	it('ranks the whole name first, then its start, then elsewhere', () => {
		const words = queryWords('plan');
		expect([nameRank('Plan.txt', words), nameRank('planning.txt', words), nameRank('my plan.txt', words)]).toEqual([0, 1, 2]);
	});

	it('cuts a name into highlighted and plain pieces that join back to it', () => {
		const spans = highlightSpans('Report of reports.txt', queryWords('report'));
		expect(spans).toEqual([
			{ highlight_str: 'Report', is_highlighted: true },
			{ highlight_str: ' of ', is_highlighted: false },
			{ highlight_str: 'report', is_highlighted: true },
			{ highlight_str: 's.txt', is_highlighted: false },
		]);
		expect(spans.map((span) => span.highlight_str).join('')).toBe('Report of reports.txt');
	});
});
