/**
 * The only module that speaks HTTP to Dropbox: RPC, upload, download and notify styles on fixed hosts, each
 * route's style and idempotency from the route table generated from the API specification, header-safe
 * `Dropbox-API-Arg`, the Space (path root), token renewal shared by parallel items, retries, cancellation,
 * and one mapping of failures to DropboxApiError. It reads no node parameters: callers pass what they read.
 */
export type { DropboxContext } from './context';
export { DropboxApiError, asNodeError, type ErrorContext } from './errors';
export { failureFromResponse, readTagChain } from './failure';
export { DropboxSession, type SessionOptions } from './session';
export { OWN_SPACE, type Space } from './space';
export { toHeaderSafeJson } from './headerSafeJson';
export { listAll, pages, type PagedCall, type PagedResult } from './pagination';
export { defaultRetryPolicy, type RetryPolicy } from './retryPolicy';
export type { DownloadRoute, NotifyRoute, RouteName, RpcRoute, UploadRoute } from './routes';
export type { CallOptions, UploadCall, DownloadCall, DownloadResult, NotifyCall } from './calls';
