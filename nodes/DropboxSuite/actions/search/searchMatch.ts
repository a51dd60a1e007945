import type { IDataObject } from 'n8n-workflow';

interface HighlightSpan {
	highlight_str: string;
	is_highlighted: boolean;
}

/** One entry of `files/search_v2`'s `matches`. */
export interface SearchMatch {
	metadata: { '.tag': string; metadata?: IDataObject };
	match_type?: { '.tag': string };
	highlight_spans?: HighlightSpan[];
}

/**
 * A match as one output item: the file's or folder's metadata with `match_type` as plain text ("filename",
 * "file_content", "filename_and_content"); with highlights asked for, Dropbox's `highlight_spans` and the same text
 * as one string with the matched words in **bold** (`highlight`), ready for a message or an AI agent.
 */
export function matchItem(match: SearchMatch): IDataObject {
	const metadata = match.metadata['.tag'] === 'metadata' && match.metadata.metadata ? match.metadata.metadata : {};
	const json: IDataObject = { ...metadata };
	if (match.match_type) json.match_type = match.match_type['.tag'];
	if (match.highlight_spans) {
		json.highlight_spans = match.highlight_spans as unknown as IDataObject[];
		json.highlight = match.highlight_spans
			.map((span) => (span.is_highlighted ? `**${span.highlight_str}**` : span.highlight_str))
			.join('');
	}
	return json;
}
