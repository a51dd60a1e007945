/**
 * Which stored files are Paper docs, and what they offer: a file named `*.paper` is a Paper doc (as on
 * Dropbox, where Paper docs live in the file tree with that extension). It cannot be downloaded
 * (`is_downloadable: false`, `download` answers `unsupported_file`); `export` converts it to one of
 * PAPER_EXPORT_FORMATS. Its content is kept as Markdown (paper-format.ts); its `paper_revision` on the
 * file node, 1 for a doc that never went through paper/update.
 */
import { lowerName } from '../paths';

export const PAPER_EXTENSION = '.paper';

/** What `export_info` offers: the default first. */
export const PAPER_EXPORT_FORMATS = ['markdown', 'html', 'plain_text'] as const;
export type PaperExportFormat = (typeof PAPER_EXPORT_FORMATS)[number];

export function isPaperName(name: string): boolean {
	return lowerName(name).endsWith(PAPER_EXTENSION) && name.length > PAPER_EXTENSION.length;
}

export function isExportOnly(file: { name: string }): boolean {
	return isPaperName(file.name);
}

export function exportInfo(): { export_as: string; export_options: string[] } {
	return { export_as: PAPER_EXPORT_FORMATS[0], export_options: [...PAPER_EXPORT_FORMATS] };
}

export function paperRevisionOf(file: { paperRevision?: number }): number {
	return file.paperRevision ?? 1;
}
