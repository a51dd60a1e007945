/**
 * Splits a .stone file into logical lines: the tokens of one statement and the indentation of its
 * first token. A string or a bracket left open carries the statement over to the next physical line,
 * so multi-line doc strings and long type arguments stay one statement.
 */

export type Token =
	| { kind: 'word'; text: string }
	| { kind: 'string'; text: string }
	| { kind: 'number'; text: string; value: number }
	| { kind: 'punct'; text: string };

export interface LogicalLine {
	indent: number;
	/** 1-based line number of the statement's first token (for error messages). */
	line: number;
	tokens: Token[];
}

export class StoneSyntaxError extends Error {
	constructor(file: string, line: number, message: string) {
		super(`${file}:${line}: ${message}`);
	}
}

/** Names may be qualified (`common.Path`) and route names contain slashes (`list_folder/continue`). */
const WORD = /[A-Za-z_][A-Za-z0-9_]*(?:[./][A-Za-z_][A-Za-z0-9_]*)*/y;
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;

/**
 * Stone's string escapes: `\n` and `\t` are control characters, any other escaped character stands
 * for itself. So the spec's `"[\\r\\n]"` becomes the regex `[\r\n]` and `"\/"` becomes `/`.
 */
function unescapeStoneString(raw: string): string {
	let out = '';
	for (let i = 0; i < raw.length; i++) {
		const c = raw[i];
		if (c !== '\\' || i + 1 >= raw.length) {
			out += c;
			continue;
		}
		const next = raw[++i];
		out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
	}
	return out;
}

export function tokenize(source: string, file = '<stone>'): LogicalLine[] {
	const lines: LogicalLine[] = [];
	let current: LogicalLine | undefined;
	let depth = 0;
	let lineNo = 1;
	let atLineStart = true;
	let indent = 0;
	let i = 0;

	const push = (token: Token) => {
		if (!current) {
			current = { indent, line: lineNo, tokens: [] };
			lines.push(current);
		}
		current.tokens.push(token);
	};

	while (i < source.length) {
		const c = source[i];
		if (atLineStart) {
			indent = 0;
			while (source[i] === ' ' || source[i] === '\t') {
				indent += source[i] === '\t' ? 4 : 1;
				i++;
			}
			atLineStart = false;
			continue;
		}
		if (c === '\n' || c === '\r') {
			if (c === '\r' && source[i + 1] === '\n') i++;
			i++;
			lineNo++;
			atLineStart = true;
			if (depth === 0) current = undefined;
			continue;
		}
		if (c === ' ' || c === '\t') {
			i++;
			continue;
		}
		if (c === '#') {
			while (i < source.length && source[i] !== '\n') i++;
			continue;
		}
		if (c === '"') {
			const start = i + 1;
			const startLine = lineNo;
			let j = start;
			while (j < source.length && source[j] !== '"') {
				if (source[j] === '\\') j++;
				else if (source[j] === '\n') lineNo++;
				j++;
			}
			if (j >= source.length) throw new StoneSyntaxError(file, startLine, 'unterminated string');
			if (!current) {
				current = { indent, line: startLine, tokens: [] };
				lines.push(current);
			}
			current.tokens.push({ kind: 'string', text: unescapeStoneString(source.slice(start, j)) });
			i = j + 1;
			continue;
		}
		WORD.lastIndex = i;
		const word = WORD.exec(source);
		if (word) {
			push({ kind: 'word', text: word[0] });
			i += word[0].length;
			continue;
		}
		NUMBER.lastIndex = i;
		const number = NUMBER.exec(source);
		if (number && (c !== '-' || /\d|\./.test(source[i + 1] ?? ''))) {
			push({ kind: 'number', text: number[0], value: Number(number[0]) });
			i += number[0].length;
			continue;
		}
		if (c === '(' || c === '[' || c === '{') depth++;
		if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
		push({ kind: 'punct', text: c });
		i++;
	}
	if (depth !== 0) throw new StoneSyntaxError(file, lineNo, 'unbalanced brackets at end of file');
	return lines;
}
