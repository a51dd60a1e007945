/** The whole shipped spec parses, and every type in it (and in routes.json) resolves. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadApiSpec, SPEC_DIR, StoneDecoder, TypeResolver, typeOf, type DataType } from '.';
import { fullMatchRegExp } from './python-regex';

interface RouteRow {
	namespace: string;
	name: string;
	version: number;
	path: string;
	arg: string;
	result: string;
	error: string;
	deprecated: boolean;
}

const routes = JSON.parse(fs.readFileSync(path.join(SPEC_DIR, 'routes.json'), 'utf8')) as RouteRow[];
const spec = loadApiSpec();
const resolver = new TypeResolver(spec);

describe('the shipped Stone spec', () => {
	it('has every namespace of the .stone files', () => {
		const files = fs.readdirSync(SPEC_DIR).filter((f) => f.endsWith('.stone'));
		expect([...spec.namespaces.keys()].sort()).toEqual(files.map((f) => f.replace(/\.stone$/, '')).sort());
		expect(spec.namespaces.get('files')?.imports).toEqual(expect.arrayContaining(['async', 'common']));
	});

	it('declares exactly the routes routes.json lists, with the same types and deprecation', () => {
		const declared = [...spec.namespaces.values()].flatMap((ns) => ns.routes);
		const asRow = (r: { namespace: string; name: string; version: number }) => `${r.namespace}/${r.name}:${r.version}`;
		expect(declared.map(asRow).sort()).toEqual(routes.map(asRow).sort());
		for (const route of declared) {
			const row = routes.find((r) => asRow(r) === asRow(route))!;
			expect([route.arg.name, route.deprecated]).toEqual([row.arg, row.deprecated]);
		}
	});

	it.each(routes.map((r) => [r.path, r] as const))('resolves the arg, result and error types of %s', (_path, route) => {
		for (const name of [route.arg, route.result, route.error]) {
			expect(() => typeOf(route.namespace, name)).not.toThrow();
		}
	});

	it('resolves every field, member, subtype and base of every declared type', () => {
		const decoder = new StoneDecoder(resolver);
		const seenPatterns = new Set<string>();
		const visitLeaf = (type: DataType) => {
			if (type.kind === 'string' && type.pattern) seenPatterns.add(type.pattern);
			if (type.kind === 'list') visitLeaf(type.item);
			if (type.kind === 'nullable') visitLeaf(type.inner);
		};
		let checkedDefaults = 0;
		for (const ns of spec.namespaces.values()) {
			for (const def of ns.types.values()) {
				const type = typeOf(ns.name, def.name);
				if (type.kind === 'struct') {
					resolver.structSubtypes(type.def);
					for (const field of resolver.structFields(type.def)) {
						visitLeaf(field.type);
						if (!field.default) continue;
						// A default must itself be a valid value of its field's type.
						const value = decoder.defaultValue(field.type, field.default);
						expect(() => decoder.decode(field.type, value)).not.toThrow();
						checkedDefaults++;
					}
				} else if (type.kind === 'union') {
					for (const member of resolver.unionMembers(type.def)) visitLeaf(member.type);
				} else {
					visitLeaf(type);
				}
			}
		}
		expect(checkedDefaults).toBeGreaterThan(100);
		expect(seenPatterns.size).toBeGreaterThan(15);
		for (const pattern of seenPatterns) expect(() => fullMatchRegExp(pattern)).not.toThrow();
	});

	it('reads constraints, defaults and subtypes as written', () => {
		const listFolder = typeOf('files', 'ListFolderArg');
		if (listFolder.kind !== 'struct') throw new Error('ListFolderArg is a struct');
		const fields = new Map(resolver.structFields(listFolder.def).map((f) => [f.name, f]));
		expect(fields.get('limit')?.type).toEqual({
			kind: 'nullable',
			inner: { kind: 'integer', name: 'UInt32', min: 1n, max: 2000n },
		});
		expect(fields.get('include_mounted_folders')?.default).toEqual({ kind: 'literal', value: true });

		const metadata = typeOf('files', 'Metadata');
		if (metadata.kind !== 'struct') throw new Error('Metadata is a struct');
		expect([...resolver.structSubtypes(metadata.def).keys()]).toEqual(['file', 'folder', 'deleted']);

		const relocationLaunch = typeOf('files', 'RelocationBatchV2Launch');
		if (relocationLaunch.kind !== 'union') throw new Error('a union');
		// Inherited members come first: async.LaunchResultBase's async_job_id.
		expect(resolver.unionMembers(relocationLaunch.def).map((m) => m.name)).toEqual(['async_job_id', 'complete']);

		expect(typeOf('common', 'DropboxTimestamp')).toEqual({ kind: 'timestamp', format: '%Y-%m-%dT%H:%M:%SZ' });
		expect(typeOf('files', 'MalformedPathError')).toEqual({ kind: 'nullable', inner: { kind: 'string' } });
	});

	it('gives open unions the implicit catch-all `other`, closed ones none', () => {
		const open = typeOf('files', 'LookupError');
		const closed = typeOf('files', 'WriteMode');
		if (open.kind !== 'union' || closed.kind !== 'union') throw new Error('unions');
		expect(resolver.unionMembers(open.def).filter((m) => m.catchAll).map((m) => m.name)).toEqual(['other']);
		expect(resolver.unionMembers(closed.def).some((m) => m.catchAll)).toBe(false);
	});

	it('hides fields only Dropbox itself may send (`@common.InternalOnly`)', () => {
		const arg = typeOf('sharing', 'AddFolderMemberArg');
		if (arg.kind !== 'struct') throw new Error('a struct');
		const names = resolver.structFields(arg.def).map((f) => f.name);
		expect(names).toContain('members');
		expect(names).not.toContain('fp_sealed_result');
	});
});
