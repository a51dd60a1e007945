/**
 * How a query matches a name or a text: the query is split into words, and a name (or a file's text)
 * matches when it contains every word, case-insensitively. Highlights mark each word's occurrences in a name.
 */
import { readFile } from 'node:fs/promises';
import { lowerName } from '../files/paths';

/** Files larger than this are not read for content search (the emulator indexes small text files only). */
export const MAX_CONTENT_BYTES = 1024 * 1024;

export function queryWords(query: string): string[] {
	return lowerName(query).split(/\s+/u).filter((word) => word !== '');
}

export function containsAll(text: string, words: string[]): boolean {
	const lower = lowerName(text);
	return words.every((word) => lower.includes(word));
}

/** Relevance rank of a name match, best first: the whole name (without extension), its start, anywhere. */
export function nameRank(name: string, words: string[]): number {
	const lower = lowerName(name);
	const dot = lower.lastIndexOf('.');
	const stem = dot > 0 ? lower.slice(0, dot) : lower;
	const phrase = words.join(' ');
	if (stem === phrase || lower === phrase) return 0;
	if (lower.startsWith(words[0] ?? '')) return 1;
	return 2;
}

export interface HighlightSpan {
	highlight_str: string;
	is_highlighted: boolean;
}

/** The name cut into highlighted (a query word) and plain pieces, in order; the pieces join to the name. */
export function highlightSpans(name: string, words: string[]): HighlightSpan[] {
	const lower = lowerName(name);
	// Lower-casing can change lengths for a few scripts; highlighting then falls back to the plain name.
	if (lower.length !== name.length) return [{ highlight_str: name, is_highlighted: false }];
	const marked = new Array<boolean>(name.length).fill(false);
	for (const word of words) {
		for (let at = lower.indexOf(word); at >= 0 && word !== ''; at = lower.indexOf(word, at + 1)) {
			marked.fill(true, at, at + word.length);
		}
	}
	const spans: HighlightSpan[] = [];
	for (let i = 0; i < name.length; i++) {
		const last = spans[spans.length - 1];
		if (last && last.is_highlighted === marked[i]) last.highlight_str += name[i];
		else spans.push({ highlight_str: name[i], is_highlighted: marked[i] });
	}
	return spans;
}

/** A stored file's text, if it is a small UTF-8 text file (no NUL byte, decodes without loss); else undefined. */
export async function textOf(blobPath: string, size: number): Promise<string | undefined> {
	if (size > MAX_CONTENT_BYTES) return undefined;
	const bytes = await readFile(blobPath);
	if (bytes.includes(0)) return undefined;
	const text = bytes.toString('utf8');
	return Buffer.byteLength(text) === bytes.length && !text.includes('\uFFFD') ? text : undefined;
}
