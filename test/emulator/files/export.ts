/**
 * files/export: a file that cannot be downloaded (a Paper doc) converted to one of its export formats
 * (`export_info.export_options`; the default is `export_as`). The answer's `export_metadata` names the
 * exported file (`Notes.md`, `Notes.html`, `Notes.txt`) with its size, hash and the doc's paper_revision.
 * A downloadable file is `non_exportable`; a format the file does not offer `invalid_export_format`.
 */
import { readFile } from 'node:fs/promises';
import type { HandlerContext, HandlerResult } from '../contract';
import { contentHashOf } from './content-hash';
import { callerView } from './context';
import { asRouteError, routeError } from './errors';
import { exportContent } from './paper/paper-format';
import { PAPER_EXPORT_FORMATS, type PaperExportFormat, isExportOnly, paperRevisionOf } from './paper/paper-files';
import { renderFile, withoutTag } from './store/render';

const EXTENSIONS: Record<PaperExportFormat, string> = { markdown: '.md', html: '.html', plain_text: '.txt' };

export async function exportFile(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account, view } = callerView(ctx);
	const arg = ctx.arg as { path: string; export_format?: string | null };
	try {
		const target = store.resolve(view, arg.path, account);
		const found = store.locateFile(target);
		const file = found.node;
		if (!isExportOnly(file)) throw routeError({ '.tag': 'non_exportable' });
		const format = (arg.export_format ?? PAPER_EXPORT_FORMATS[0]) as PaperExportFormat;
		if (!PAPER_EXPORT_FORMATS.includes(format)) throw routeError({ '.tag': 'invalid_export_format' });
		const data = Buffer.from(exportContent((await readFile(file.blob)).toString('utf8'), format), 'utf8');
		const result = {
			export_metadata: {
				name: file.name.replace(/\.paper$/i, '') + EXTENSIONS[format],
				size: data.length,
				export_hash: contentHashOf(data),
				paper_revision: paperRevisionOf(file),
			},
			file_metadata: withoutTag(renderFile(target.view, found)),
		};
		return {
			kind: 'stream',
			result,
			body: {
				async *chunks() {
					if (data.length > 0) yield data;
				},
				close() {},
			},
		};
	} catch (error) {
		throw asRouteError(error, { lookup: 'path' });
	}
}
