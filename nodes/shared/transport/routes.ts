import { ROUTES } from './routes.generated';

/** A Dropbox route by its URL path without `/2/`: `files/get_metadata`. */
export type RouteName = keyof typeof ROUTES;

type RouteSpec<R extends RouteName> = (typeof ROUTES)[R];
type RoutesWhere<Shape> = { [R in RouteName]: RouteSpec<R> extends Shape ? R : never }[RouteName];

/** JSON in, JSON out, on api.dropboxapi.com. */
export type RpcRoute = RoutesWhere<{ host: 'api'; style: 'rpc' }>;
/** Argument in `Dropbox-API-Arg`, bytes as the body, on content.dropboxapi.com. */
export type UploadRoute = RoutesWhere<{ style: 'upload' }>;
/** Argument in `Dropbox-API-Arg`, result in `Dropbox-API-Result`, bytes as the answer's body. */
export type DownloadRoute = RoutesWhere<{ style: 'download' }>;
/** notify.dropboxapi.com: no token is sent. */
export type NotifyRoute = RoutesWhere<{ host: 'notify' }>;

export function hostOf(route: RouteName): RouteSpec<RouteName>['host'] {
	return ROUTES[route].host;
}

/** Whether a call may be re-sent after a 5xx or a dropped connection without changing its effect. */
export function isReadRoute(route: RouteName): boolean {
	return ROUTES[route].access === 'read';
}
