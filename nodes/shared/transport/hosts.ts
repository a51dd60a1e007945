/**
 * Dropbox's hosts. Every request the package signs goes to one of these: no URL is ever built from
 * user input, so a token cannot leak to another server.
 */
import type { RouteName } from './routes';

export const DROPBOX_HOSTS = {
	api: 'https://api.dropboxapi.com',
	content: 'https://content.dropboxapi.com',
	notify: 'https://notify.dropboxapi.com',
} as const;

export type DropboxHost = keyof typeof DROPBOX_HOSTS;

/** `files/get_metadata` on the api host → `https://api.dropboxapi.com/2/files/get_metadata`. */
export function routeUrl(host: DropboxHost, route: RouteName): string {
	return `${DROPBOX_HOSTS[host]}/2/${route}`;
}
