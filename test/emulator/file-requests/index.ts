/** The file_requests routes. */
import type { HandlerMap } from '../contract';
import {
	countFileRequests,
	createFileRequest,
	deleteAllClosedFileRequests,
	deleteFileRequests,
	getFileRequest,
	listFileRequestsContinue,
	listFileRequestsV1,
	listFileRequestsV2,
	updateFileRequest,
} from './routes';

export const fileRequestHandlers: HandlerMap = {
	'file_requests/create': createFileRequest,
	'file_requests/get': getFileRequest,
	'file_requests/update': updateFileRequest,
	'file_requests/count': countFileRequests,
	'file_requests/list': listFileRequestsV1,
	'file_requests/list_v2': listFileRequestsV2,
	'file_requests/list/continue': listFileRequestsContinue,
	'file_requests/delete': deleteFileRequests,
	'file_requests/delete_all_closed': deleteAllClosedFileRequests,
};
