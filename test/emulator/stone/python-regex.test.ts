/** Python-pattern semantics that differ from JavaScript's, on the spec's own patterns. */
import { fullMatchRegExp, pythonToJsPattern } from './python-regex';

const matches = (pattern: string, value: string) => fullMatchRegExp(pattern).test(value);

describe('fullMatchRegExp', () => {
	it('matches the whole value, as Stone wraps patterns in \\A(?:…)\\Z', () => {
		expect(matches('[0-9a-f]+', 'abc123')).toBe(true);
		expect(matches('[0-9a-f]+', 'abc123 ')).toBe(false);
		expect(matches('id:.+', 'xid:1')).toBe(false);
		// Without the group, `a|b` anchored naively would accept "a…anything".
		expect(matches('(/|ptid:).*|x', '/anything')).toBe(true);
		expect(matches('a|b', 'ab')).toBe(false);
	});

	it("lets `.` match `\\r` but not `\\n`, like Python's", () => {
		expect(matches('id:.*', 'id:a\rb')).toBe(true);
		expect(matches('id:.*', 'id:a\nb')).toBe(false);
		// The spec's paths allow line breaks explicitly.
		expect(matches('/(.|[\\r\\n])*', '/a\nb\r\nc')).toBe(true);
	});

	it('reads \\w and \\d as Unicode classes', () => {
		expect(matches('[\\w]+', 'tag_ünïcödé_标签')).toBe(true);
		expect(matches('[\\w]+', 'no spaces')).toBe(false);
		expect(matches('\\d+', '١٢٣')).toBe(true);
	});

	it('accepts the spec email pattern with ^ and $ inside', () => {
		const email = "^['#&A-Za-z0-9._%+-]+@[A-Za-z0-9-][A-Za-z0-9.-]*\\.[A-Za-z]{2,15}$";
		expect(matches(email, 'justin@example.com')).toBe(true);
		expect(matches(email, 'justin@example')).toBe(false);
		expect(matches(email, 'justin@example.com\n')).toBe(false);
	});

	it('keeps quantifiers and treats other braces as literals', () => {
		expect(matches('(rev:[0-9a-f]{9,})', 'rev:0123456789')).toBe(true);
		expect(matches('(rev:[0-9a-f]{9,})', 'rev:01234567')).toBe(false);
		expect(matches('a{,2}', 'aa')).toBe(true);
		expect(matches('x{y}', 'x{y}')).toBe(true);
	});

	it('translates named groups and lets ] right after [ be a literal', () => {
		expect(pythonToJsPattern('(?P<n>a)(?P=n)')).toBe('(?<n>a)\\k<n>');
		expect(matches('[]a]+', ']a]')).toBe(true);
		expect(matches('[^"|]*', 'ok')).toBe(true);
	});
});
