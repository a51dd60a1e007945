/** The Paper doc model: imports into Markdown, exports out of it, and what is malformed. */
import { ContentMalformed, exportContent, importContent, joinDocs } from './paper-format';

const md = (text: string) => importContent(Buffer.from(text), 'markdown');

describe('importContent', () => {
	it('keeps Markdown, normalising line ends and blank runs', () => {
		expect(md('# A\r\n\r\n\r\n\r\ntext  \r\n')).toBe('# A\n\ntext\n');
		expect(md('   \n\n')).toBe('');
	});

	it('escapes plain text so that it exports back unchanged', () => {
		const text = '# hash\n- dash\n1. one\n*stars* _under_ [brackets] `ticks` back\\slash';
		const imported = importContent(Buffer.from(text), 'plain_text');
		expect(exportContent(imported, 'plain_text')).toBe(text + '\n');
		expect(exportContent(imported, 'html')).not.toContain('<h1>');
		expect(exportContent(imported, 'html')).not.toContain('<em>');
	});

	it('turns HTML into Markdown: headings, lists, code, inline marks, links, entities', () => {
		const html = '<h1>T&eacute;st &amp; more</h1>\n<p>a <b>b</b> <i>c</i> <code>d</code> <a href="https://e.test/">e</a><br>next</p><ul><li>x</li><li>y</li></ul><pre><code>raw &lt;tag&gt;</code></pre><img src="x.png">';
		expect(importContent(Buffer.from(html), 'html')).toBe('# T&eacute;st & more\n\na **b** *c* `d` [e](https://e.test/)\nnext\n\n- x\n- y\n\n```\nraw <tag>\n```\n');
	});

	it('refuses bytes that are not UTF-8 and HTML whose tags do not nest', () => {
		expect(() => importContent(Buffer.from([0xc3, 0x28]), 'markdown')).toThrow(ContentMalformed);
		expect(() => importContent(Buffer.from('<p><b>x</p></b>'), 'html')).toThrow(ContentMalformed);
		expect(() => importContent(Buffer.from('<div>open'), 'html')).toThrow(ContentMalformed);
		expect(() => importContent(Buffer.from('<p>cut <b'), 'html')).toThrow(ContentMalformed);
		expect(importContent(Buffer.from('<p>line<br/>two</p>'), 'html')).toBe('line\ntwo\n');
	});
});

describe('exportContent', () => {
	const doc = md('## Head\n\nSome **bold**, *it*, `code` and [link](https://l.test/).\n\n1. one\n2. two\n\n```\n<raw>\n```\n');

	it('renders HTML with escaped text', () => {
		const html = exportContent(doc, 'html');
		expect(html).toContain('<h2>Head</h2>');
		expect(html).toContain('<p>Some <strong>bold</strong>, <em>it</em>, <code>code</code> and <a href="https://l.test/">link</a>.</p>');
		expect(html).toContain('<ol><li>one</li><li>two</li></ol>');
		expect(html).toContain('<pre><code>&lt;raw&gt;</code></pre>');
	});

	it('strips the syntax for plain text', () => {
		expect(exportContent(doc, 'plain_text')).toBe('Head\n\nSome bold, it, code and link (https://l.test/).\n\n1. one\n2. two\n\n<raw>\n');
		expect(exportContent(md('*a* and _b_'), 'html')).toContain('<p><em>a</em> and <em>b</em></p>');
	});
});

describe('joinDocs', () => {
	it('puts one blank line between two docs, and ignores an empty one', () => {
		expect(joinDocs('a\n', 'b\n')).toBe('a\n\nb\n');
		expect(joinDocs('', 'b\n')).toBe('b\n');
	});
});
