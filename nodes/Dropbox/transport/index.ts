/**
 * The only module that speaks HTTP to Dropbox: RPC, upload and download styles on fixed hosts,
 * header-safe `Dropbox-API-Arg`, the Space (path root), token renewal shared by parallel items,
 * retries, and one mapping of failures to DropboxApiError.
 */
export type { DropboxContext } from './context';
export { DropboxApiError, type ErrorContext } from './errors';
export { APP_CREDENTIAL_TYPE, BROWSER_FLOW_CREDENTIAL_TYPE, credentialTypeOf } from './credentialType';
export { OWN_SPACE, spaceFromParameters, type Space } from './space';
export { toHeaderSafeJson } from './headerSafeJson';
export { listAll, pages, type PagedResult } from './pagination';
export {
	dropboxRpc,
	dropboxUpload,
	dropboxDownload,
	dropboxNotify,
	type RpcCall,
	type UploadCall,
	type DownloadCall,
	type DownloadResult,
	type NotifyCall,
} from './calls';
