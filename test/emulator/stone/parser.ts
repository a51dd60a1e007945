/**
 * Parses one .stone file into a NamespaceDef. Statements nest by indentation; docs, examples,
 * attrs of annotation types and annotations other than on fields/members are read and dropped.
 */
import { tokenize, StoneSyntaxError, type LogicalLine, type Token } from './lexer';
import type {
	DefaultValue,
	FieldDef,
	Literal,
	NamespaceDef,
	RouteDef,
	StructDef,
	SubtypeDef,
	TypeRef,
	UnionDef,
	UnionMemberDef,
} from './model';

interface Statement {
	line: LogicalLine;
	children: Statement[];
}

function nest(lines: LogicalLine[]): Statement[] {
	const root: Statement[] = [];
	const stack: Statement[] = [];
	for (const line of lines) {
		while (stack.length > 0 && stack[stack.length - 1].line.indent >= line.indent) stack.pop();
		const statement: Statement = { line, children: [] };
		(stack.length > 0 ? stack[stack.length - 1].children : root).push(statement);
		stack.push(statement);
	}
	return root;
}

/** A cursor over one statement's tokens. */
class Tokens {
	private pos = 0;
	constructor(
		private readonly tokens: Token[],
		private readonly file: string,
		readonly lineNo: number,
	) {}

	get done(): boolean {
		return this.pos >= this.tokens.length;
	}
	peek(offset = 0): Token | undefined {
		return this.tokens[this.pos + offset];
	}
	isPunct(text: string, offset = 0): boolean {
		const token = this.peek(offset);
		return token?.kind === 'punct' && token.text === text;
	}
	isWord(text?: string): boolean {
		const token = this.peek();
		return token?.kind === 'word' && (text === undefined || token.text === text);
	}
	next(): Token {
		const token = this.tokens[this.pos++];
		if (!token) throw this.error('unexpected end of statement');
		return token;
	}
	word(): string {
		const token = this.next();
		if (token.kind !== 'word') throw this.error(`expected a name, got '${token.text}'`);
		return token.text;
	}
	punct(text: string): void {
		const token = this.next();
		if (token.kind !== 'punct' || token.text !== text) throw this.error(`expected '${text}', got '${token.text}'`);
	}
	error(message: string): StoneSyntaxError {
		return new StoneSyntaxError(this.file, this.lineNo, message);
	}
}

function literalOf(token: Token): Literal | undefined {
	if (token.kind === 'string') return token.text;
	if (token.kind === 'number') return token.value;
	if (token.kind === 'word') {
		if (token.text === 'true') return true;
		if (token.text === 'false') return false;
		if (token.text === 'null') return null;
	}
	return undefined;
}

function parseTypeRef(t: Tokens): TypeRef {
	const ref: TypeRef = { name: t.word(), positional: [], keywords: {}, literals: [], nullable: false };
	if (t.isPunct('(')) {
		t.next();
		while (!t.isPunct(')')) {
			if (t.isWord() && t.isPunct('=', 1)) {
				const key = t.word();
				t.punct('=');
				const value = literalOf(t.next());
				if (value === undefined) throw t.error(`argument '${key}' needs a literal value`);
				ref.keywords[key] = value;
			} else {
				const first = t.peek();
				const literal = first ? literalOf(first) : undefined;
				if (literal !== undefined) {
					t.next();
					ref.literals.push(literal);
				} else {
					ref.positional.push(parseTypeRef(t));
				}
			}
			if (t.isPunct(',')) t.next();
			else if (!t.isPunct(')')) throw t.error(`expected ',' or ')' in arguments of ${ref.name}`);
		}
		t.punct(')');
	}
	if (t.isPunct('?')) {
		t.next();
		ref.nullable = true;
	}
	return ref;
}

function parseDefault(t: Tokens): DefaultValue {
	const token = t.next();
	const literal = literalOf(token);
	if (literal !== undefined) return { kind: 'literal', value: literal };
	if (token.kind === 'word') return { kind: 'tag', tag: token.text };
	throw t.error(`bad default value '${token.text}'`);
}

const isDoc = (s: Statement) => s.line.tokens.every((token) => token.kind === 'string');
const firstWord = (s: Statement) => {
	const token = s.line.tokens[0];
	return token.kind === 'word' ? token.text : undefined;
};
const isAnnotation = (s: Statement) => s.line.tokens[0].kind === 'punct' && s.line.tokens[0].text === '@';

function annotationsOf(children: Statement[], file: string): string[] {
	return children.filter(isAnnotation).map((child) => {
		const t = new Tokens(child.line.tokens, file, child.line.line);
		t.punct('@');
		return t.word();
	});
}

/** `name extends Base` after the `struct`/`union` keyword. */
function parseHeader(t: Tokens): { name: string; extends?: string } {
	const name = t.word();
	if (t.isWord('extends')) {
		t.next();
		return { name, extends: t.word() };
	}
	return { name };
}

function parseStruct(
	statement: Statement,
	namespace: string,
	file: string,
	define: (def: UnionDef) => void,
): StructDef {
	const t = new Tokens(statement.line.tokens, file, statement.line.line);
	t.word(); // struct
	const struct: StructDef = { kind: 'struct', namespace, ...parseHeader(t), fields: [] };
	for (const child of statement.children) {
		if (isDoc(child) || isAnnotation(child)) continue;
		const keyword = firstWord(child);
		if (keyword === 'example') continue;
		const c = new Tokens(child.line.tokens, file, child.line.line);
		if ((keyword === 'union' || keyword === 'union_closed') && child.line.tokens.length === 1) {
			struct.subtypes = { closed: keyword === 'union_closed', members: parseSubtypes(child, file) };
			continue;
		}
		const field: FieldDef = { name: c.word(), type: parseTypeRef(c), annotations: annotationsOf(child.children, file) };
		if (c.isPunct('=')) {
			c.next();
			field.default = parseDefault(c);
		}
		struct.fields.push(field);
		// `type PropertyType` followed by an indented `union` block declares that union in place.
		const inline = child.children.find(
			(s) => ['union', 'union_closed'].includes(firstWord(s) ?? '') && s.line.tokens.length === 1,
		);
		if (inline) define(parseUnionBody(inline, field.type.name, namespace, file));
	}
	return struct;
}

function parseSubtypes(statement: Statement, file: string): SubtypeDef[] {
	return statement.children
		.filter((child) => !isDoc(child))
		.map((child) => {
			const t = new Tokens(child.line.tokens, file, child.line.line);
			return { tag: t.word(), type: parseTypeRef(t) };
		});
}

function parseUnion(statement: Statement, namespace: string, file: string): UnionDef {
	const t = new Tokens(statement.line.tokens, file, statement.line.line);
	t.word(); // union / union_closed
	const { name, extends: base } = parseHeader(t);
	const union = parseUnionBody(statement, name, namespace, file);
	if (base) union.extends = base;
	return union;
}

/** The members of a union block; `statement` starts with `union` or `union_closed`. */
function parseUnionBody(statement: Statement, name: string, namespace: string, file: string): UnionDef {
	const closed = firstWord(statement) === 'union_closed';
	const union: UnionDef = { kind: 'union', namespace, closed, name, members: [] };
	for (const child of statement.children) {
		if (isDoc(child) || isAnnotation(child) || firstWord(child) === 'example') continue;
		const c = new Tokens(child.line.tokens, file, child.line.line);
		const member: UnionMemberDef = { name: c.word(), catchAll: false, annotations: annotationsOf(child.children, file) };
		if (c.isPunct('*')) {
			c.next();
			member.catchAll = true;
		}
		if (c.isWord()) member.type = parseTypeRef(c);
		union.members.push(member);
	}
	return union;
}

function parseRoute(statement: Statement, namespace: string, file: string): RouteDef {
	const t = new Tokens(statement.line.tokens, file, statement.line.line);
	t.word(); // route
	const name = t.word();
	let version = 1;
	if (t.isPunct(':')) {
		t.next();
		const token = t.next();
		if (token.kind !== 'number') throw t.error('route version must be a number');
		version = token.value;
	}
	t.punct('(');
	const arg = parseTypeRef(t);
	t.punct(',');
	const result = parseTypeRef(t);
	t.punct(',');
	const error = parseTypeRef(t);
	t.punct(')');
	const route: RouteDef = { namespace, name, version, arg, result, error, deprecated: false, attrs: {} };
	if (t.isWord('deprecated')) {
		t.next();
		route.deprecated = true;
		if (t.isWord('by')) {
			t.next();
			route.deprecatedBy = t.word();
			if (t.isPunct(':')) {
				t.next();
				route.deprecatedBy += `:${t.next().text}`;
			}
		}
	}
	for (const child of statement.children) {
		if (firstWord(child) !== 'attrs') continue;
		for (const attr of child.children) {
			const a = new Tokens(attr.line.tokens, file, attr.line.line);
			const key = a.word();
			a.punct('=');
			const token = a.next();
			route.attrs[key] = literalOf(token) ?? token.text;
		}
	}
	return route;
}

export function parseStone(source: string, file = '<stone>'): NamespaceDef {
	let namespace: NamespaceDef | undefined;
	const requireNamespace = (s: Statement): NamespaceDef => {
		if (!namespace) throw new StoneSyntaxError(file, s.line.line, 'declaration before `namespace`');
		return namespace;
	};
	for (const statement of nest(tokenize(source, file))) {
		if (isDoc(statement)) continue;
		const t = new Tokens(statement.line.tokens, file, statement.line.line);
		const keyword = t.word();
		switch (keyword) {
			case 'namespace':
				namespace = { name: t.word(), imports: [], types: new Map(), routes: [], annotations: new Map() };
				break;
			case 'import':
				requireNamespace(statement).imports.push(t.word());
				break;
			case 'alias': {
				const ns = requireNamespace(statement);
				const name = t.word();
				t.punct('=');
				ns.types.set(name, { kind: 'alias', namespace: ns.name, name, type: parseTypeRef(t) });
				break;
			}
			case 'annotation': {
				const ns = requireNamespace(statement);
				const name = t.word();
				t.punct('=');
				ns.annotations.set(name, t.word());
				break;
			}
			case 'annotation_type':
				break; // declares a custom annotation's parameters; nothing to validate against
			case 'struct': {
				const ns = requireNamespace(statement);
				const struct = parseStruct(statement, ns.name, file, (def) => ns.types.set(def.name, def));
				ns.types.set(struct.name, struct);
				break;
			}
			case 'union':
			case 'union_closed': {
				const ns = requireNamespace(statement);
				const union = parseUnion(statement, ns.name, file);
				ns.types.set(union.name, union);
				break;
			}
			case 'route': {
				const ns = requireNamespace(statement);
				ns.routes.push(parseRoute(statement, ns.name, file));
				break;
			}
			default:
				throw t.error(`unknown top-level statement '${keyword}'`);
		}
	}
	if (!namespace) throw new StoneSyntaxError(file, 1, 'no `namespace` declaration');
	return namespace;
}

/** A type expression on its own, as routes.json writes result types: `List(FileMemberActionResult)`. */
export function parseTypeExpression(text: string): TypeRef {
	const [line, ...rest] = tokenize(text, '<type>');
	if (!line || rest.length > 0) throw new StoneSyntaxError('<type>', 1, `not a type expression: ${text}`);
	const t = new Tokens(line.tokens, '<type>', 1);
	const ref = parseTypeRef(t);
	if (!t.done) throw t.error(`unexpected text after type: ${text}`);
	return ref;
}
