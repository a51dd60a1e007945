import type { ITriggerFunctions } from 'n8n-workflow';

import { changeItem, type ChangeEvent, type ChangeItem } from '../shared/delta';
import { asNodeError, DropboxApiError, type DropboxSession, type Space } from '../shared/transport';
import { downloadFile } from '../shared/transfer/download';

/** The output field the file's content goes into when "Download File" is on. */
export const BINARY_FIELD = 'data';

/**
 * A change's output item; with `download`, a file's content of exactly the revision that changed, streamed into
 * n8n's binary data. A revision already replaced or deleted by the time it is fetched is not an error: the item
 * says so, and the newer change follows as its own item.
 */
export function changeItemBuilder(
	ctx: ITriggerFunctions,
	session: DropboxSession,
	space: Space,
	download: boolean,
): (event: ChangeEvent) => Promise<ChangeItem> {
	return async (event) => {
		const item = changeItem(event);
		const entry = event.entry;
		if (!download || entry['.tag'] !== 'file') return item;
		try {
			const { binary } = await downloadFile(ctx, session, { path: entry.path_lower, rev: entry.rev, space });
			return { ...item, binary: { [BINARY_FIELD]: binary } };
		} catch (error) {
			if (error instanceof DropboxApiError && error.failure.status === 409 && error.dropboxTags[0] === 'path') {
				return { json: { ...item.json, downloadSkipped: 'This revision was replaced or deleted before it could be downloaded' } };
			}
			throw asNodeError(ctx.getNode(), error);
		}
	};
}
