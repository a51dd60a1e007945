/** The Dropbox hosts served on the one port, told apart by the `Host` header. */
import type { RouteSpec } from '../contract';

export type DropboxHost = RouteSpec['host'] | 'www';

export const HOSTNAMES: Record<DropboxHost, string> = {
	api: 'api.dropboxapi.com',
	content: 'content.dropboxapi.com',
	notify: 'notify.dropboxapi.com',
	www: 'www.dropbox.com',
};

/** The official SDK sends people to `https://dropbox.com/oauth2/authorize`; both names serve the web pages. */
const ALIASES: Record<string, DropboxHost> = { 'dropbox.com': 'www' };

/** The Dropbox host a `Host` header names, or undefined (the admin interface answers those). */
export function dropboxHostOf(hostHeader: string | undefined): DropboxHost | undefined {
	if (!hostHeader) return undefined;
	const hostname = hostHeader.replace(/:\d+$/, '').toLowerCase();
	if (ALIASES[hostname]) return ALIASES[hostname];
	return (Object.keys(HOSTNAMES) as DropboxHost[]).find((host) => HOSTNAMES[host] === hostname);
}
