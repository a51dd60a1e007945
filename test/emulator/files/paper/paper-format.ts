/**
 * A Paper doc's content is kept as Markdown (the subset Paper docs use: headings, paragraphs, bullet and
 * numbered lists, fenced code, bold, italic, inline code, links). Imports turn HTML or plain text into it,
 * exports turn it into HTML or plain text. Not a full Markdown or HTML implementation: enough that what
 * goes in comes back out recognisably in every format.
 */
import type { PaperExportFormat } from './paper-files';

export type ImportFormat = 'markdown' | 'html' | 'plain_text';

/** PaperContentError.content_malformed: the bytes are not text, or the HTML's tags do not nest. */
export class ContentMalformed extends Error {}

/** Bytes in one of the import formats → the doc's Markdown (ending in one newline, or empty). */
export function importContent(data: Buffer, format: ImportFormat): string {
	const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
	let decoded: string;
	try {
		decoded = text.decode(data);
	} catch {
		throw new ContentMalformed('not UTF-8');
	}
	decoded = decoded.replace(/\r\n?/g, '\n');
	if (format === 'markdown') return normalise(decoded);
	if (format === 'plain_text') return normalise(decoded.split('\n').map(escapeMarkdownLine).join('\n'));
	return normalise(htmlToMarkdown(decoded));
}

export function exportContent(markdown: string, format: PaperExportFormat): string {
	if (format === 'markdown') return markdown;
	if (format === 'plain_text') return markdownToPlain(markdown);
	return markdownToHtml(markdown);
}

/** Two docs' Markdown one after the other, a blank line between (prepend / append). */
export function joinDocs(first: string, second: string): string {
	return normalise([first.trimEnd(), second.trimEnd()].filter((part) => part !== '').join('\n\n'));
}

function normalise(markdown: string): string {
	const trimmed = markdown.replace(/\n{3,}/g, '\n\n').trim();
	return trimmed === '' ? '' : trimmed + '\n';
}

// ---- plain text ----

function escapeMarkdownLine(line: string): string {
	const inline = line.replace(/([\\`*_[\]])/g, '\\$1');
	// A line that would read as a heading, a list item or a quote keeps its marker literal.
	if (/^\d+\. /.test(inline)) return inline.replace('. ', '\\. ');
	return /^(#{1,6} |[-+] |>)/.test(inline) ? '\\' + inline : inline;
}

function markdownToPlain(markdown: string): string {
	return markdown
		.split('\n')
		.filter((line) => !line.startsWith('```'))
		.map((line) => inlinePlain(line.replace(/^#{1,6} /, '')))
		.join('\n');
}

function inlinePlain(text: string): string {
	return text
		.replace(/(?<!\\)\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
		.replace(/(?<!\\)\*\*(.+?)\*\*/g, '$1')
		.replace(/(?<![\\\w])[*_](.*?[^\\])[*_](?!\w)/g, '$1')
		.replace(/(?<!\\)`([^`]*[^`\\])`/g, '$1')
		.replace(/\\([\\`*_[\]#>+.-])/g, '$1');
}

// ---- Markdown → HTML ----

type Block = { kind: 'heading'; level: number; text: string } | { kind: 'list'; ordered: boolean; items: string[] } | { kind: 'code'; lines: string[] } | { kind: 'paragraph'; lines: string[] };

function blocksOf(markdown: string): Block[] {
	const blocks: Block[] = [];
	const lines = markdown.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		if (line.trim() === '') continue;
		const heading = /^(#{1,6}) (.*)$/.exec(line);
		const item = /^(?:([-*+])|(\d+)\.) (.*)$/.exec(line);
		if (line.startsWith('```')) {
			const code: string[] = [];
			for (i++; i < lines.length && !lines[i].startsWith('```'); i++) code.push(lines[i]);
			blocks.push({ kind: 'code', lines: code });
		} else if (heading) {
			blocks.push({ kind: 'heading', level: heading[1].length, text: heading[2] });
		} else if (item) {
			const ordered = item[2] !== undefined;
			const last = blocks[blocks.length - 1];
			if (last?.kind === 'list' && last.ordered === ordered && lines[i - 1]?.trim() !== '') last.items.push(item[3]);
			else blocks.push({ kind: 'list', ordered, items: [item[3]] });
		} else {
			const last = blocks[blocks.length - 1];
			if (last?.kind === 'paragraph' && lines[i - 1]?.trim() !== '') last.lines.push(line);
			else blocks.push({ kind: 'paragraph', lines: [line] });
		}
	}
	return blocks;
}

function markdownToHtml(markdown: string): string {
	const body = blocksOf(markdown).map((block) => {
		if (block.kind === 'heading') return `<h${block.level}>${inlineHtml(block.text)}</h${block.level}>`;
		if (block.kind === 'code') return `<pre><code>${escapeHtml(block.lines.join('\n'))}</code></pre>`;
		if (block.kind === 'list') {
			const tag = block.ordered ? 'ol' : 'ul';
			return `<${tag}>${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</${tag}>`;
		}
		return `<p>${block.lines.map(inlineHtml).join('<br>')}</p>`;
	});
	return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n${body.join('\n')}\n</body></html>\n`;
}

function inlineHtml(text: string): string {
	return escapeHtml(text)
		.replace(/(?<!\\)\[([^\]]*)\]\(([^)]*)\)/g, '<a href="$2">$1</a>')
		.replace(/(?<!\\)`([^`]*[^`\\])`/g, '<code>$1</code>')
		.replace(/(?<!\\)\*\*(.+?)\*\*/g, '<strong>$1</strong>')
		.replace(/(?<![\\\w])[*_](.*?[^\\])[*_](?!\w)/g, '<em>$1</em>')
		.replace(/\\([\\`*_[\]#>+.-])/g, '$1');
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// ---- HTML → Markdown ----

/** Elements that never have a closing tag. */
const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'col', 'area', 'base', 'wbr', 'source']);

function htmlToMarkdown(html: string): string {
	checkNesting(html);
	let ordinal = 0;
	const markdown = html
		.replace(/<!DOCTYPE[^>]*>|<!--[\s\S]*?-->/gi, '')
		.replace(/<(script|style|head)\b[^>]*>[\s\S]*?<\/\1>/gi, '')
		.replace(/\s*\n\s*/g, ' ')
		.replace(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/gi, (_m, level: string, inner: string) => `\n\n${'#'.repeat(Number(level))} ${inner.trim()}\n\n`)
		.replace(/<pre\b[^>]*>([\s\S]*?)<\/pre>/gi, (_m, inner: string) => `\n\n\`\`\`\n${inner.replace(/<\/?code\b[^>]*>/gi, '')}\n\`\`\`\n\n`)
		.replace(/<(ul|ol)\b[^>]*>([\s\S]*?)<\/\1>/gi, (_m, tag: string, inner: string) => {
			ordinal = 0;
			return `\n\n${inner.replace(/<li\b[^>]*>([\s\S]*?)<\/li>/gi, (_l, item: string) => `${tag.toLowerCase() === 'ol' ? `${++ordinal}.` : '-'} ${item.trim()}\n`)}\n`;
		})
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/?(p|div|section|article|blockquote)\b[^>]*>/gi, '\n\n')
		.replace(/<(strong|b)\b[^>]*>([\s\S]*?)<\/\1>/gi, '**$2**')
		.replace(/<(em|i)\b[^>]*>([\s\S]*?)<\/\1>/gi, '*$2*')
		.replace(/<code\b[^>]*>([\s\S]*?)<\/code>/gi, '`$1`')
		.replace(/<a\b[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, '[$2]($1)')
		.replace(/<[^>]+>/g, '');
	return decodeEntities(markdown)
		.split('\n')
		.map((line) => line.trim())
		.join('\n');
}

/** Every non-void element closed, in order: what the doc import calls well-formed. */
function checkNesting(html: string): void {
	const open: string[] = [];
	const stripped = html.replace(/<!DOCTYPE[^>]*>|<!--[\s\S]*?-->/gi, '');
	if (/<[^>]*$/.test(stripped)) throw new ContentMalformed('a tag is not closed');
	for (const [, closing, rawName, selfClosing] of stripped.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>/g)) {
		const name = rawName.toLowerCase();
		if (VOID_ELEMENTS.has(name) || selfClosing) continue;
		if (!closing) open.push(name);
		else if (open.pop() !== name) throw new ContentMalformed(`</${name}> does not close the element it should`);
	}
	if (open.length > 0) throw new ContentMalformed(`<${open[open.length - 1]}> is never closed`);
}

function decodeEntities(text: string): string {
	const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
		if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
		if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
		return named[entity.toLowerCase()] ?? whole;
	});
}
