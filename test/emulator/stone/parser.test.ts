/** The Stone grammar the spec uses, on small hand-written files. */
import { parseStone, parseTypeExpression } from './parser';
import { StoneSyntaxError, tokenize } from './lexer';
import { TypeResolver } from './resolve';
import { StoneDecoder } from './decode';
import type { ApiSpec } from './model';

const SAMPLE = `namespace shop
    "A namespace doc that
    spans lines and has \\"quotes\\"."

import common

# a comment line
alias Sku = String(min_length=3, pattern="[A-Z]{3}-\\\\d+")  # trailing comment
alias MaybeSku = Sku?

annotation Secret = Omitted("internal")

annotation_type Tracked
    "Ignored: declares an annotation's parameters."
    level Int32 = 1

struct Item
    "An item."
    union_closed
        book Book
        pen Pen
    sku Sku
        "Doc of sku."
    price Float64(min_value=0)
    tags List(String(max_length=8), max_items=3)?
    note String = "none"
    internal_code String?
        @Secret
        "Only Dropbox sets this."
    colour Colour
        union
            "An inline union, declared where it is used."
            red
            blue

    example default
        sku = "ABC-1"
        price = 1.5

struct Book extends Item
    pages UInt32(max_value=5000) = 100

struct Pen extends Item
    ink String

union Delivery
    standard
    express Int32
        @common.Deprecated
    locker LockerRef
    unknown*

    example default
        standard = null

struct LockerRef
    id String

union_closed Size
    small
    large

route order/place:2 (Item, Delivery, Void) deprecated by order/place:3
    "Places an order."

    attrs
        auth = "user"
        is_preview = true
        scope = "shop.write"
`;

const COMMON = `namespace common
annotation Deprecated = Deprecated()
`;

describe('parseStone', () => {
	const shop = parseStone(SAMPLE, 'shop.stone');

	it('reads the namespace, imports, aliases and annotations', () => {
		expect(shop.name).toBe('shop');
		expect(shop.imports).toEqual(['common']);
		expect(shop.types.get('Sku')).toEqual({
			kind: 'alias',
			namespace: 'shop',
			name: 'Sku',
			type: {
				name: 'String',
				positional: [],
				keywords: { min_length: 3, pattern: '[A-Z]{3}-\\d+' },
				literals: [],
				nullable: false,
			},
		});
		expect(shop.types.get('MaybeSku')).toMatchObject({ type: { name: 'Sku', nullable: true } });
		expect(shop.annotations.get('Secret')).toBe('Omitted');
		expect(shop.types.has('Tracked')).toBe(false);
	});

	it('reads struct fields, defaults, annotations, subtypes and inline unions', () => {
		const item = shop.types.get('Item');
		if (item?.kind !== 'struct') throw new Error('Item is a struct');
		expect(item.fields.map((f) => f.name)).toEqual(['sku', 'price', 'tags', 'note', 'internal_code', 'colour']);
		expect(item.fields[2].type).toMatchObject({
			name: 'List',
			keywords: { max_items: 3 },
			nullable: true,
			positional: [{ name: 'String', keywords: { max_length: 8 } }],
		});
		expect(item.fields[3].default).toEqual({ kind: 'literal', value: 'none' });
		expect(item.fields[4].annotations).toEqual(['Secret']);
		expect(item.subtypes).toEqual({
			closed: true,
			members: [
				{ tag: 'book', type: expect.objectContaining({ name: 'Book' }) },
				{ tag: 'pen', type: expect.objectContaining({ name: 'Pen' }) },
			],
		});
		expect(shop.types.get('Colour')).toMatchObject({
			kind: 'union',
			closed: false,
			members: [{ name: 'red' }, { name: 'blue' }],
		});
		expect(shop.types.get('Book')).toMatchObject({
			extends: 'Item',
			fields: [{ name: 'pages', default: { kind: 'literal', value: 100 } }],
		});
	});

	it('reads unions: void members, values, catch-all, closed', () => {
		const delivery = shop.types.get('Delivery');
		if (delivery?.kind !== 'union') throw new Error('Delivery is a union');
		expect(delivery.closed).toBe(false);
		expect(delivery.members.map((m) => [m.name, m.type?.name, m.catchAll])).toEqual([
			['standard', undefined, false],
			['express', 'Int32', false],
			['locker', 'LockerRef', false],
			['unknown', undefined, true],
		]);
		expect(delivery.members[1].annotations).toEqual(['common.Deprecated']);
		expect(shop.types.get('Size')).toMatchObject({ kind: 'union', closed: true });
	});

	it('reads routes with version, deprecation and attrs', () => {
		expect(shop.routes).toEqual([
			{
				namespace: 'shop',
				name: 'order/place',
				version: 2,
				arg: expect.objectContaining({ name: 'Item' }),
				result: expect.objectContaining({ name: 'Delivery' }),
				error: expect.objectContaining({ name: 'Void' }),
				deprecated: true,
				deprecatedBy: 'order/place:3',
				attrs: { auth: 'user', is_preview: true, scope: 'shop.write' },
			},
		]);
	});

	it('says where a file is malformed', () => {
		expect(() => parseStone('namespace x\nstruct A\n    a String(\n', 'x.stone')).toThrow(StoneSyntaxError);
		const unterminated = 'namespace x\nalias A = "unterminated\n';
		expect(() => parseStone(unterminated, 'x.stone')).toThrow(/x\.stone:2: unterminated string/);
		const unknown = 'namespace x\nwidget A\n';
		expect(() => parseStone(unknown, 'x.stone')).toThrow(/x\.stone:2: unknown top-level statement 'widget'/);
		expect(() => parseStone('struct A\n', 'x.stone')).toThrow(/declaration before `namespace`/);
	});
});

describe('tokenize', () => {
	it('keeps a multi-line string in one statement and drops comments', () => {
		const lines = tokenize('a "x\n  y" b # note\nc\n');
		expect(lines.map((l) => l.tokens.map((t) => t.text))).toEqual([['a', 'x\n  y', 'b'], ['c']]);
		expect(lines[1].line).toBe(3);
	});

	it('unescapes like Stone: \\n and \\t are control characters, any other escape is the character', () => {
		const [line] = tokenize('"a\\\\.b\\"c\\/d\\ne"');
		expect(line.tokens[0].text).toBe('a\\.b"c/d\ne');
	});
});

describe('parseTypeExpression', () => {
	it('reads the type expressions routes.json uses', () => {
		expect(parseTypeExpression('List(async.PollArg, min_items=1)?')).toMatchObject({
			name: 'List',
			nullable: true,
			keywords: { min_items: 1 },
			positional: [{ name: 'async.PollArg' }],
		});
		expect(() => parseTypeExpression('List(A) B')).toThrow(/unexpected text/);
	});
});

describe('the sample as a checked type system', () => {
	const spec: ApiSpec = {
		namespaces: new Map([
			['shop', parseStone(SAMPLE, 'shop.stone')],
			['common', parseStone(COMMON, 'common.stone')],
		]),
	};
	const resolver = new TypeResolver(spec);
	const decoder = new StoneDecoder(resolver);
	const decode = (name: string, value: unknown) => decoder.decode(resolver.typeOf('shop', name), value);

	it('decodes a struct with enumerated subtypes by its .tag', () => {
		expect(decode('Item', { '.tag': 'book', sku: 'ABC-12', price: 3, colour: 'red' })).toEqual({
			'.tag': 'book',
			sku: 'ABC-12',
			price: 3,
			note: 'none',
			colour: { '.tag': 'red' },
			pages: 100,
		});
		expect(() => decode('Item', { sku: 'ABC-1', price: 1, colour: 'red' })).toThrow("missing '.tag' key");
		expect(() => decode('Item', { '.tag': 'mug' })).toThrow("unknown subtype 'mug'");
	});

	it('applies alias constraints and translated patterns', () => {
		expect(() => decode('Sku', 'AB')).toThrow("'AB' must be at least 3 characters, got 2");
		expect(decode('Sku', 'ABC-٣')).toBe('ABC-٣'); // Python's \d is any Unicode digit
		expect(() => decode('Sku', 'abc-1')).toThrow("'abc-1' did not match pattern '[A-Z]{3}-\\d+'");
		expect(decode('MaybeSku', null)).toBeNull();
	});

	it('rejects the fields an Omitted annotation hides, and the declared catch-all tag', () => {
		expect(() => decode('Pen', { sku: 'ABC-1', price: 1, colour: 'red', ink: 'blue', internal_code: 'x' })).toThrow(
			"unknown field 'internal_code'",
		);
		expect(() => decode('Delivery', 'unknown')).toThrow("unexpected use of the catch-all tag 'unknown'");
		expect(decode('Delivery', { '.tag': 'express', express: 2 })).toEqual({ '.tag': 'express', express: 2 });
		// A struct-valued member carries the struct's fields next to `.tag`.
		expect(decode('Delivery', { '.tag': 'locker', id: 'L1' })).toEqual({ '.tag': 'locker', id: 'L1' });
		expect(() => decode('Delivery', { '.tag': 'locker' })).toThrow("locker: missing required field 'id'");
	});

	it('checks float bounds with Stone messages', () => {
		expect(() => decode('Pen', { sku: 'ABC-1', price: -1, colour: 'red', ink: 'x' })).toThrow(
			'-1.000000 is not greater than 0.000000',
		);
	});
});
