/** Where the coverage matrix's facts come from: the route table, the handler map, the conformance tests. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allHandlers } from '../handlers';
import { loadRouteTable } from '../routes';
import type { RouteSpec } from '../contract';

export const CONFORMANCE_DIR = path.join(__dirname, '..', 'conformance');

export function specRoutes(): RouteSpec[] {
	return [...loadRouteTable().values()];
}

export function servedRouteKeys(): Set<string> {
	return new Set(Object.keys(allHandlers));
}

const DESCRIBE_ROUTE = /describeRoute\(\s*(['"`])([^'"`]+)\1/g;

/** Route keys named by `describeRoute('<key>'` in some test/emulator/conformance/*.test.ts. */
export function conformanceTestedKeys(dir = CONFORMANCE_DIR): Set<string> {
	const keys = new Set<string>();
	if (!fs.existsSync(dir)) return keys;
	for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts'))) {
		const text = fs.readFileSync(path.join(dir, file), 'utf8');
		for (const match of text.matchAll(DESCRIBE_ROUTE)) keys.add(match[2]);
	}
	return keys;
}
