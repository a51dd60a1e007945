/**
 * The files part of the emulator: `filesHandlers` (route key → handler) and `createFileService`.
 * Layout: store/ holds trees, namespaces, blobs, journal and mutations; one file per route group here.
 */
import type { HandlerMap } from '../contract';
import { copyV2, deleteV2, moveV2 } from './copy-move-delete';
import { copyReferenceGet, copyReferenceSave } from './copy-reference';
import { createFolderBatch, createFolderBatchCheck } from './create-folder-batch';
import { deleteBatch, deleteBatchCheck } from './delete-batch';
import { copyBatchCheckV2, copyBatchV2, moveBatchCheckV2, moveBatchV2 } from './relocation-batch';
import { download } from './download';
import { downloadZip } from './download-zip';
import { createFolderV2 } from './folders';
import { listFolder, listFolderContinue, listFolderGetLatestCursor } from './list-folder';
import { listFolderLongpoll } from './longpoll';
import { listRevisions } from './list-revisions';
import { getMetadata } from './metadata';
import { exportFile } from './export';
import { paperCreate, paperUpdate } from './paper/paper-docs';
import { restore } from './restore';
import { saveUrl, saveUrlCheckJobStatus } from './save-url';
import { getTemporaryLink } from './temporary-link';
import { getThumbnail, getThumbnailBatch, getThumbnailV2 } from './thumbnail/thumbnails';
import { upload } from './upload';
import { uploadSessionFinishBatch, uploadSessionFinishBatchCheck, uploadSessionFinishBatchV2 } from './finish-batch';
import { uploadSessionAppendV1, uploadSessionAppendV2, uploadSessionFinish, uploadSessionStart } from './upload-session';

export { createFileService } from './service';

export const filesHandlers: HandlerMap = {
	'files/get_metadata': getMetadata,
	'files/list_folder': listFolder,
	'files/list_folder/continue': listFolderContinue,
	'files/list_folder/get_latest_cursor': listFolderGetLatestCursor,
	'files/list_folder/longpoll': listFolderLongpoll,
	'files/create_folder_v2': createFolderV2,
	'files/delete_v2': deleteV2,
	'files/copy_v2': copyV2,
	'files/move_v2': moveV2,
	'files/upload': upload,
	'files/upload_session/start': uploadSessionStart,
	'files/upload_session/append': uploadSessionAppendV1,
	'files/upload_session/append_v2': uploadSessionAppendV2,
	'files/upload_session/finish': uploadSessionFinish,
	'files/upload_session/finish_batch': uploadSessionFinishBatch,
	'files/upload_session/finish_batch_v2': uploadSessionFinishBatchV2,
	'files/upload_session/finish_batch/check': uploadSessionFinishBatchCheck,
	'files/download': download,
	'files/download_zip': downloadZip,
	'files/copy_batch_v2': copyBatchV2,
	'files/copy_batch/check_v2': copyBatchCheckV2,
	'files/move_batch_v2': moveBatchV2,
	'files/move_batch/check_v2': moveBatchCheckV2,
	'files/delete_batch': deleteBatch,
	'files/delete_batch/check': deleteBatchCheck,
	'files/create_folder_batch': createFolderBatch,
	'files/create_folder_batch/check': createFolderBatchCheck,
	'files/list_revisions': listRevisions,
	'files/restore': restore,
	'files/get_temporary_link': getTemporaryLink,
	'files/paper/create': paperCreate,
	'files/paper/update': paperUpdate,
	'files/export': exportFile,
	'files/copy_reference/get': copyReferenceGet,
	'files/copy_reference/save': copyReferenceSave,
	'files/save_url': saveUrl,
	'files/save_url/check_job_status': saveUrlCheckJobStatus,
	'files/get_thumbnail_v2': getThumbnailV2,
	'files/get_thumbnail': getThumbnail,
	'files/get_thumbnail_batch': getThumbnailBatch,
};
