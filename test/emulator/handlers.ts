/** Every served route: the platform's handlers, the files part's, and the shared-folder listing. */
import type { HandlerMap } from './contract';
import { fileRequestHandlers } from './file-requests';
import { filesHandlers } from './files';
import { listFolders, listFoldersContinue } from './files/shared-folders';
import { platformHandlers } from './handlers/index';
import { searchHandlers } from './search';
import { sharingRouteHandlers, withSharedFolderGuards } from './sharing';

const sharingHandlers: HandlerMap = {
	'sharing/list_folders': listFolders,
	'sharing/list_folders/continue': listFoldersContinue,
};

export const allHandlers: HandlerMap = { ...platformHandlers, ...withSharedFolderGuards(filesHandlers), ...sharingHandlers, ...searchHandlers, ...sharingRouteHandlers, ...fileRequestHandlers };
