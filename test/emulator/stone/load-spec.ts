/** Parses every .stone file of the spec folder once, on first use. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ApiSpec } from './model';
import { parseStone } from './parser';
import { TypeResolver } from './resolve';

export const SPEC_DIR = path.join(__dirname, '..', 'spec');

export function parseSpecDir(dir: string): ApiSpec {
	const namespaces: ApiSpec['namespaces'] = new Map();
	const files = fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.stone'))
		.sort();
	for (const file of files) {
		const ns = parseStone(fs.readFileSync(path.join(dir, file), 'utf8'), file);
		const existing = namespaces.get(ns.name);
		if (!existing) {
			namespaces.set(ns.name, ns);
			continue;
		}
		// Stone lets one namespace span several files.
		for (const name of ns.imports) if (!existing.imports.includes(name)) existing.imports.push(name);
		for (const [name, def] of ns.types) existing.types.set(name, def);
		for (const [name, kind] of ns.annotations) existing.annotations.set(name, kind);
		existing.routes.push(...ns.routes);
	}
	return { namespaces };
}

let cachedSpec: ApiSpec | undefined;
let cachedResolver: TypeResolver | undefined;

/** The type model of the spec shipped in test/emulator/spec. */
export function loadApiSpec(): ApiSpec {
	cachedSpec ??= parseSpecDir(SPEC_DIR);
	return cachedSpec;
}

export function specResolver(): TypeResolver {
	cachedResolver ??= new TypeResolver(loadApiSpec());
	return cachedResolver;
}
