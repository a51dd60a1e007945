/** The route table: every route of spec/routes.json, keyed by its path without `/2/`. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RouteSpec } from './contract';

type RawRoute = Omit<RouteSpec, 'key'> & { scope: string | null };

export type RouteTable = ReadonlyMap<string, RouteSpec>;

let cached: RouteTable | undefined;

export function routeKeyOf(routePath: string): string {
	return routePath.replace(/^\/2\//, '');
}

export function loadRouteTable(): RouteTable {
	if (cached) return cached;
	const file = path.join(__dirname, 'spec', 'routes.json');
	const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as RawRoute[];
	const table = new Map<string, RouteSpec>();
	for (const route of raw) {
		const key = routeKeyOf(route.path);
		// An empty scope in the spec means "no scope needed".
		table.set(key, { ...route, key, scope: route.scope ? route.scope : null });
	}
	cached = table;
	return table;
}

/** Every scope a user route can ask for: what a token gets when nobody narrows it. */
export function allUserScopes(table: RouteTable = loadRouteTable()): string[] {
	const scopes = new Set<string>();
	for (const route of table.values()) {
		// `private:` scopes are Dropbox-internal; no third-party app is granted them.
		const grantable = route.scope && !route.scope.startsWith('private:');
		if (grantable && route.auth.split(',').some((a) => a.trim() === 'user')) scopes.add(route.scope!);
	}
	return [...scopes].sort();
}
