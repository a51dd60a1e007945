/** A file request as file_requests.stone's FileRequest. */
import type { FileStore } from '../files/store/file-store';
import { dropboxTimestamp } from '../files/store/ids';
import { renderMetadata } from '../files/store/render';
import { isOpen } from './life-cycle';
import type { FileRequestRecord } from './request-store';

export function renderRequest(store: FileStore, request: FileRequestRecord): Record<string, unknown> {
	const view = store.namespaces.get(request.namespaceId);
	const folder = view?.tree.findById(request.folderId);
	const rendered: Record<string, unknown> = {
		id: request.id,
		url: `https://www.dropbox.com/request/${request.id}`,
		title: request.title,
		created: dropboxTimestamp(request.created),
		is_open: isOpen(request),
		// What the request received: the emulator has no upload page, so the files now in its folder.
		file_count: folder?.node.kind === 'folder' ? [...folder.node.children.values()].filter((node) => node.kind === 'file').length : 0,
	};
	if (view && folder?.node.kind === 'folder') rendered.destination = renderMetadata(view, folder).path_display;
	if (request.deadline !== undefined) {
		rendered.deadline = {
			deadline: dropboxTimestamp(new Date(request.deadline)),
			...(request.allowLateUploads ? { allow_late_uploads: { '.tag': request.allowLateUploads } } : {}),
		};
	}
	if (request.description !== undefined) rendered.description = request.description;
	return rendered;
}
