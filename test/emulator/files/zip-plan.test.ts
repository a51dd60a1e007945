import { DEFAULT_FILE_LIMITS } from './limits';
import { type FileNode, type FolderNode, type Located, newFolder } from './store/tree';
import { planFolderZip } from './zip-plan';

let counter = 0;
function fileNode(name: string, size: number, rev = `${++counter}`.padStart(9, '0')): FileNode {
	return { kind: 'file', id: `id:${name}`, name, rev, size, contentHash: '', blob: `/blobs/${name}`, clientModified: '2024-01-02T03:04:05Z', serverModified: '2024-01-02T03:04:05Z' };
}

function tree(): Located<FolderNode> {
	const math = newFolder('id:math', 'Math');
	const sub = newFolder('id:sub', 'Sub');
	math.children.set('b.txt', fileNode('b.txt', 2));
	math.children.set('a.txt', fileNode('A.txt', 1));
	math.children.set('sub', sub);
	sub.children.set('c.txt', fileNode('c.txt', 3));
	return { node: math, names: ['Homework', 'Math'] };
}

describe('planFolderZip', () => {
	it('names entries from the folder itself, parents first, siblings by lower-case name', () => {
		const plan = planFolderZip(tree(), DEFAULT_FILE_LIMITS);
		if (typeof plan === 'string') throw new Error(plan);
		expect(plan.items.map((i) => i.path)).toEqual(['Math/', 'Math/A.txt', 'Math/b.txt', 'Math/Sub/', 'Math/Sub/c.txt']);
		expect(plan.blobs).toEqual(['/blobs/A.txt', '/blobs/b.txt', '/blobs/c.txt']);
		const file = plan.items[1];
		expect(file.kind === 'file' && file.modified?.toISOString()).toBe('2024-01-02T03:04:05.000Z');
	});

	it('has an ETag that changes with any revision or name, and only then', () => {
		const one = tree();
		const etag = (top: Located<FolderNode>) => {
			const plan = planFolderZip(top, DEFAULT_FILE_LIMITS);
			if (typeof plan === 'string') throw new Error(plan);
			return plan.etag;
		};
		const before = etag(one);
		expect(etag(one)).toBe(before);
		(one.node.children.get('a.txt') as FileNode).rev = 'fffffffff';
		expect(etag(one)).not.toBe(before);
		const renamed = tree();
		(renamed.node.children.get('sub') as FolderNode).name = 'SUB';
		expect(etag(renamed)).not.toBe(etag(tree()));
	});

	it('counts the folder itself: fewer entries than the limit, else too_many_files', () => {
		// Five entries: Math/, A.txt, b.txt, Sub/, c.txt.
		expect(typeof planFolderZip(tree(), { ...DEFAULT_FILE_LIMITS, zipEntryLimit: 6 })).toBe('object');
		expect(planFolderZip(tree(), { ...DEFAULT_FILE_LIMITS, zipEntryLimit: 5 })).toBe('too_many_files');
		expect(planFolderZip({ node: newFolder('id:e', 'Empty'), names: ['Empty'] }, { ...DEFAULT_FILE_LIMITS, zipEntryLimit: 1 })).toBe('too_many_files');
	});

	it('is too_large when the files total the size limit, or one file cannot be a zip entry (4 GiB)', () => {
		expect(typeof planFolderZip(tree(), { ...DEFAULT_FILE_LIMITS, zipSizeLimit: 7 })).toBe('object');
		expect(planFolderZip(tree(), { ...DEFAULT_FILE_LIMITS, zipSizeLimit: 6 })).toBe('too_large');
		const huge = tree();
		huge.node.children.set('huge.bin', fileNode('huge.bin', 2 ** 32));
		expect(planFolderZip(huge, DEFAULT_FILE_LIMITS)).toBe('too_large');
	});

	it('names too_many_files before too_large when both hold', () => {
		expect(planFolderZip(tree(), { ...DEFAULT_FILE_LIMITS, zipEntryLimit: 2, zipSizeLimit: 1 })).toBe('too_many_files');
	});
});
