/** COVERAGE.md is current, and the matrix says what the tree really does. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RouteSpec } from '../contract';
import { COVERAGE_FILE } from './generate';
import { renderCoverage, renderCoverageFrom } from './render';
import { conformanceTestedKeys } from './sources';

function route(key: string, extra: Partial<RouteSpec> = {}): RouteSpec {
	const [namespace, ...rest] = key.split('/');
	return {
		namespace,
		name: rest.join('/'),
		version: 1,
		path: `/2/${key}`,
		key,
		host: 'api',
		style: 'rpc',
		auth: 'user',
		scope: null,
		allow_app_folder_app: false,
		arg: 'Void',
		result: 'Void',
		error: 'Void',
		deprecated: false,
		...extra,
	};
}

describe('test/emulator/COVERAGE.md', () => {
	it('is what the generator writes for the current tree', () => {
		const committed = fs.existsSync(COVERAGE_FILE) ? fs.readFileSync(COVERAGE_FILE, 'utf8') : '';
		if (committed !== renderCoverage()) {
			throw new Error('test/emulator/COVERAGE.md is out of date: run `npm run coverage:matrix` and commit the result');
		}
	});
});

describe('renderCoverageFrom', () => {
	const input = {
		routes: [
			route('files/upload', { host: 'content', style: 'upload' }),
			route('files/copy', { deprecated: true }),
			route('files/search_v2', { version: 2 }),
			route('check/user'),
			route('team/members/list'),
		],
		served: new Set(['files/upload', 'check/user', 'team/members/list']),
		tested: new Set(['files/upload']),
	};
	const text = renderCoverageFrom(input);

	it('lists each route of the covered namespaces with host, style, served and tested', () => {
		expect(text).toContain('| `files/upload` | 1 | content | upload | ✅ | ✅ |');
		expect(text).toContain('| `files/search_v2` | 2 | api | rpc | — | — |');
		expect(text).toContain('| `check/user` | 1 | api | rpc | ✅ | — |');
		expect(text).not.toContain('team/members/list');
	});

	it('marks deprecated routes and still counts them', () => {
		expect(text).toContain('| `files/copy` *(deprecated)* | 1 | api | rpc | — | — |');
		expect(text).toContain('| files | 3 | 1/3 | 1/3 |');
		expect(text).toContain('| **all** | **4** | **2/4** (50 %) | **1/4** (25 %) |');
	});

	it('sorts rows, so the order routes come in does not matter', () => {
		const shuffled = renderCoverageFrom({ ...input, routes: [...input.routes].reverse() });
		expect(shuffled).toBe(text);
		expect(text.indexOf('`files/copy`')).toBeLessThan(text.indexOf('`files/search_v2`'));
		expect(text.indexOf('`files/search_v2`')).toBeLessThan(text.indexOf('`files/upload`'));
	});
});

describe('conformanceTestedKeys', () => {
	it('finds describeRoute calls in *.test.ts files only', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conformance-'));
		try {
			fs.writeFileSync(
				path.join(dir, 'a.test.ts'),
				"describeRoute('files/upload', emu, () => {});\ndescribeRoute(\n\t\"files/get_metadata\", emu, () => {});",
			);
			fs.writeFileSync(path.join(dir, 'helper.ts'), "describeRoute('files/delete_v2', emu, () => {});");
			expect([...conformanceTestedKeys(dir)].sort()).toEqual(['files/get_metadata', 'files/upload']);
			expect(conformanceTestedKeys(path.join(dir, 'missing')).size).toBe(0);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
