/** The revision history: one entry per revision, indexes by id and path, the cap per file, blobs held. */
import type { BlobStore } from './blobs';
import { MAX_REVISIONS_PER_FILE, RevisionHistory } from './revisions';
import type { FileNode } from './tree';

function fakeBlobs(): BlobStore & { held: Map<string, number> } {
	const held = new Map<string, number>();
	return {
		held,
		retain: (file: string) => held.set(file, (held.get(file) ?? 0) + 1),
		release: (file: string) => held.set(file, (held.get(file) ?? 0) - 1),
	} as unknown as BlobStore & { held: Map<string, number> };
}

function file(id: string, rev: string, blob = `blob-${rev}`): FileNode {
	return { kind: 'file', id, name: 'a.txt', rev, size: 1, contentHash: 'h', blob, clientModified: 't', serverModified: 't' };
}

it('records each revision once, newest first by id and by path, holding its blob', () => {
	const blobs = fakeBlobs();
	const history = new RevisionHistory(blobs);
	history.record({ node: file('id:1', '000000001'), names: ['A', 'a.txt'] });
	history.record({ node: file('id:1', '000000001'), names: ['A', 'a.txt'] });
	history.record({ node: file('id:1', '000000002'), names: ['B', 'a.txt'] });
	expect(history.ofId('id:1').map((r) => r.node.rev)).toEqual(['000000002', '000000001']);
	expect(history.atKey('/a/a.txt').map((r) => r.node.rev)).toEqual(['000000001']);
	expect(history.atKey('/b/a.txt').map((r) => r.node.rev)).toEqual(['000000002']);
	expect(blobs.held.get('blob-000000001')).toBe(1);
});

it('keeps a copy: later changes to the live node do not rewrite history', () => {
	const history = new RevisionHistory(fakeBlobs());
	const node = file('id:1', '000000001');
	history.record({ node, names: ['a.txt'] });
	node.name = 'renamed.txt';
	expect(history.get('000000001')!.node.name).toBe('a.txt');
});

it('forgets the oldest revisions past the cap per file, letting go of their blobs', () => {
	const blobs = fakeBlobs();
	const history = new RevisionHistory(blobs);
	for (let i = 1; i <= MAX_REVISIONS_PER_FILE + 2; i++) history.record({ node: file('id:1', i.toString(16).padStart(9, '0')), names: ['a.txt'] });
	expect(history.ofId('id:1')).toHaveLength(MAX_REVISIONS_PER_FILE);
	expect(history.atKey('/a.txt')).toHaveLength(MAX_REVISIONS_PER_FILE);
	expect(history.get('000000001')).toBeUndefined();
	expect(blobs.held.get('blob-000000001')).toBe(0);
	expect(blobs.held.get('blob-000000003')).toBe(1);
});

it('notes when a path lost its file, until a file is written there again', () => {
	const history = new RevisionHistory(fakeBlobs());
	history.record({ node: file('id:1', '000000001'), names: ['a.txt'] });
	history.markGone('/a.txt', '2026-01-01T00:00:00Z');
	expect(history.goneSince('/a.txt')).toBe('2026-01-01T00:00:00Z');
	history.record({ node: file('id:2', '000000002'), names: ['a.txt'] });
	expect(history.goneSince('/a.txt')).toBeUndefined();
});
