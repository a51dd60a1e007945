/**
 * Stone patterns are Python regular expressions matched against the whole value (`\A(?:p)\Z`).
 * JavaScript differs where it matters for paths: Python's `.` matches `\r` (only `\n` is excluded),
 * `\w` and `\d` are Unicode-aware, and a `{` that is not a quantifier is a literal. This module
 * rewrites a pattern so that a JS `u`-mode RegExp accepts exactly what Python would.
 */

const WORD_CLASS_BODY = '\\p{L}\\p{N}_';
const DIGIT_CLASS_BODY = '\\p{Nd}';
/** Characters that may follow a backslash in a `u`-mode JS regex as a plain identity escape. */
const JS_SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));

function escapeLiteral(char: string, inClass: boolean): string {
	if (JS_SYNTAX.has(char) || (inClass && char === '-')) return `\\${char}`;
	return char;
}

function translateEscape(next: string, inClass: boolean): string {
	switch (next) {
		case 'w':
			return inClass ? WORD_CLASS_BODY : `[${WORD_CLASS_BODY}]`;
		case 'W':
			return inClass ? '\\P{L}' : `[^${WORD_CLASS_BODY}]`; // inside a class only an approximation; unused by the spec
		case 'd':
			return inClass ? DIGIT_CLASS_BODY : `[${DIGIT_CLASS_BODY}]`;
		case 'D':
			return `\\P{Nd}`;
		case 's':
		case 'S':
		case 'n':
		case 'r':
		case 't':
		case 'f':
		case 'v':
		case 'b':
		case 'B':
			return `\\${next}`;
		case 'A':
			return '^';
		case 'Z':
			return '$';
		default:
			if (/[0-9]/.test(next)) return `\\${next}`;
			return escapeLiteral(next, inClass);
	}
}

export function pythonToJsPattern(pattern: string): string {
	let out = '';
	let inClass = false;
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i];
		if (c === '\\') {
			const next = pattern[++i];
			if (next === undefined) throw new Error(`pattern ends with a backslash: ${pattern}`);
			if (next === 'x' || next === 'u') {
				const width = next === 'x' ? 2 : 4;
				out += `\\u{${pattern.slice(i + 1, i + 1 + width)}}`;
				i += width;
				continue;
			}
			out += translateEscape(next, inClass);
			continue;
		}
		if (inClass) {
			if (c === ']') inClass = false;
			out += c === '[' ? '\\[' : c;
			continue;
		}
		if (c === '[') {
			inClass = true;
			out += c;
			// A `]` right after `[` or `[^` is a literal in Python.
			if (pattern[i + 1] === '^') out += pattern[++i];
			if (pattern[i + 1] === ']') {
				out += '\\]';
				i++;
			}
			continue;
		}
		if (c === '.') {
			out += '[^\\n]';
			continue;
		}
		if (c === '(' && pattern.startsWith('(?P<', i)) {
			out += '(?<';
			i += 3;
			continue;
		}
		if (c === '(' && pattern.startsWith('(?P=', i)) {
			const end = pattern.indexOf(')', i);
			out += `\\k<${pattern.slice(i + 4, end)}>`;
			i = end;
			continue;
		}
		if (c === '{') {
			const quantifier = /^\{(\d*)(,(\d*))?\}/.exec(pattern.slice(i));
			if (quantifier && (quantifier[1] !== '' || quantifier[2] !== undefined)) {
				// Python reads `{,n}` as `{0,n}`; JS needs the zero spelled out.
				out += `{${quantifier[1] || '0'}${quantifier[2] ?? ''}}`;
				i += quantifier[0].length - 1;
			} else {
				out += '\\{';
			}
			continue;
		}
		if (c === '}') {
			out += '\\}';
			continue;
		}
		out += c;
	}
	return out;
}

const compiled = new Map<string, RegExp>();

/** A RegExp that tests whether the whole value matches the Python pattern. */
export function fullMatchRegExp(pattern: string): RegExp {
	let re = compiled.get(pattern);
	if (!re) {
		re = new RegExp(`^(?:${pythonToJsPattern(pattern)})$`, 'u');
		compiled.set(pattern, re);
	}
	return re;
}
