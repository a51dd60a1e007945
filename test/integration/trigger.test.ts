/**
 * The Dropbox Suite Trigger in long-poll mode through n8n-core's trigger context against the emulator: every
 * event, the filters, recursive or not, the root, emitting existing files once, downloads, Space, close.
 */
import { readBinary } from '../support/n8n';
import { callsTo, eventsOf, folder, settle, useTriggerWorld } from './trigger.fixture';

const env = useTriggerWorld();

const ALL_EVENTS = ['fileCreated', 'fileUpdated', 'fileDeleted', 'folderCreated', 'folderDeleted'];

describe('Dropbox Suite Trigger, long-poll', () => {
	it('emits every kind of change once, in order, with the entry metadata, and stops at close', async () => {
		await env.world.mkdir('/Events');
		await env.world.write('/Events/before.txt', 'already there');
		const { instance, active } = await env.world.activate({ path: folder('/Events'), events: ALL_EVENTS });
		try {
			await settle();
			expect(instance.executions).toHaveLength(0);
			await env.world.write('/Events/a.txt', 'one');
			await instance.waitForExecutions(1);
			await env.world.write('/Events/a.txt', 'two');
			await instance.waitForExecutions(2);
			await env.world.mkdir('/Events/sub');
			await instance.waitForExecutions(3);
			await env.world.remove('/Events/a.txt');
			await instance.waitForExecutions(4);
			await env.world.remove('/Events/sub');
			await instance.waitForExecutions(5);
			expect(eventsOf(instance)).toEqual([
				'fileCreated /Events/a.txt',
				'fileUpdated /Events/a.txt',
				'folderCreated /Events/sub',
				'fileDeleted /Events/a.txt',
				'folderDeleted /Events/sub',
			]);
			const [created, updated] = instance.emittedJson();
			expect(created).toMatchObject({ name: 'a.txt', path_lower: '/events/a.txt', size: 3 });
			expect(created.id).toMatch(/^id:/);
			expect(typeof created.rev).toBe('string');
			expect(typeof created.server_modified).toBe('string');
			expect(created.content_hash).toMatch(/^[0-9a-f]{64}$/);
			expect(updated.id).toBe(created.id);
			expect(updated.rev).not.toBe(created.rev);
			expect(instance.executions.every((e) => e.deduplicationKey?.startsWith('harness-trigger-workflow:harness-trigger-node:'))).toBe(true);
			expect(new Set(instance.executions.map((e) => e.deduplicationKey)).size).toBe(5);
		} finally {
			await active.close();
		}
		const emitted = instance.executions.length;
		await env.world.write('/Events/after-close.txt');
		await settle(500);
		expect(instance.executions).toHaveLength(emitted);
	});

	it('emits only the chosen events, and asks for revisions only when they are needed', async () => {
		await env.world.mkdir('/Chosen');
		const { instance, active } = await env.world.activate({ path: folder('/Chosen'), events: ['folderCreated', 'fileDeleted'] });
		const revisionCallsBefore = await callsTo(env.emulator, 'files/list_revisions');
		try {
			await settle();
			await env.world.write('/Chosen/new.txt');
			await env.world.mkdir('/Chosen/dir');
			await env.world.remove('/Chosen/new.txt');
			await env.world.remove('/Chosen/dir');
			await env.world.mkdir('/Chosen/end');
			await instance.waitForExecutions(3);
			await settle();
			expect(eventsOf(instance)).toEqual(['folderCreated /Chosen/dir', 'fileDeleted /Chosen/new.txt', 'folderCreated /Chosen/end']);
		} finally {
			await active.close();
		}
		// Only the two deletions needed telling apart; no file entry was looked up.
		expect((await callsTo(env.emulator, 'files/list_revisions')) - revisionCallsBefore).toBe(2);
	});

	it('tells created from updated when only one of them is chosen', async () => {
		await env.world.mkdir('/OnlyUpdates');
		await env.world.write('/OnlyUpdates/old.txt', 'v1');
		const { instance, active } = await env.world.activate({ path: folder('/OnlyUpdates'), events: ['fileUpdated'] });
		try {
			await settle();
			await env.world.write('/OnlyUpdates/new.txt', 'v1');
			await env.world.write('/OnlyUpdates/old.txt', 'v2');
			await instance.waitForExecutions(1);
			await env.world.write('/OnlyUpdates/new.txt', 'v2');
			await instance.waitForExecutions(2);
			await settle();
			expect(eventsOf(instance)).toEqual(['fileUpdated /OnlyUpdates/old.txt', 'fileUpdated /OnlyUpdates/new.txt']);
		} finally {
			await active.close();
		}
	});

	it('watches only direct contents unless asked to include subfolders', async () => {
		await env.world.mkdir('/Flat');
		await env.world.mkdir('/Flat/deep');
		const flat = await env.world.activate({ path: folder('/Flat'), events: ['fileCreated'], recursive: false });
		const deep = await env.world.activate({ path: folder('/Flat'), events: ['fileCreated'], recursive: true }, undefined, { nodeName: 'Deep', nodeId: 'deep-node' });
		try {
			await settle();
			await env.world.write('/Flat/deep/inner.txt');
			await env.world.write('/Flat/top.txt');
			await flat.instance.waitForExecutions(1);
			await deep.instance.waitForExecutions(2);
			await settle();
			expect(eventsOf(flat.instance)).toEqual(['fileCreated /Flat/top.txt']);
			expect(eventsOf(deep.instance).sort()).toEqual(['fileCreated /Flat/deep/inner.txt', 'fileCreated /Flat/top.txt']);
		} finally {
			await flat.active.close();
			await deep.active.close();
		}
	});

	it('filters by extension, path pattern and size', async () => {
		await env.world.mkdir('/Filtered');
		const { instance, active } = await env.world.activate({
			path: folder('/Filtered'),
			events: ['fileCreated'],
			filters: { extensions: 'pdf, .CSV', pathGlob: '/filtered/**/keep-*', minSize: 2, maxSize: 5 },
		});
		try {
			await settle();
			await env.world.write('/Filtered/keep-a.pdf', 'abc'); // yes
			await env.world.write('/Filtered/keep-b.txt', 'abc'); // wrong extension
			await env.world.write('/Filtered/drop-c.pdf', 'abc'); // outside the pattern
			await env.world.write('/Filtered/x/keep-d.csv', 'abcd'); // yes, in a subfolder
			await env.world.write('/Filtered/keep-e.pdf', 'a'); // too small
			await env.world.write('/Filtered/keep-f.pdf', 'abcdef'); // too large
			await env.world.mkdir('/Filtered/keep-folder.pdf'); // a folder never matches extensions
			await env.world.write('/Filtered/keep-z.pdf', 'zz'); // yes
			await instance.waitForExecutions(3);
			await settle();
			expect(eventsOf(instance)).toEqual([
				'fileCreated /Filtered/keep-a.pdf',
				'fileCreated /Filtered/x/keep-d.csv',
				'fileCreated /Filtered/keep-z.pdf',
			]);
		} finally {
			await active.close();
		}
	});

	it('watches the whole Dropbox from the root', async () => {
		const { instance, active } = await env.world.activate({ path: folder('/'), events: ['fileCreated'] });
		try {
			await settle();
			await env.world.write('/root-level.txt');
			await env.world.write('/Somewhere/Else/deep.txt');
			await instance.waitForExecutions(2);
			expect(eventsOf(instance)).toEqual(['fileCreated /root-level.txt', 'fileCreated /Somewhere/Else/deep.txt']);
		} finally {
			await active.close();
		}
	});

	it('emits the existing files once when asked, then the changes', async () => {
		await env.world.write('/Existing/one.txt');
		await env.world.write('/Existing/sub/two.txt');
		const { instance, active } = await env.world.activate({
			path: folder('/Existing'),
			events: ['fileCreated', 'folderCreated'],
			options: { emitExisting: true },
		});
		try {
			await instance.waitForExecutions(3);
			await env.world.write('/Existing/three.txt');
			await instance.waitForExecutions(4);
			await settle();
			const events = eventsOf(instance);
			expect(events.slice(0, 3).sort()).toEqual(['fileCreated /Existing/one.txt', 'fileCreated /Existing/sub/two.txt', 'folderCreated /Existing/sub']);
			expect(events[3]).toBe('fileCreated /Existing/three.txt');
		} finally {
			await active.close();
		}
		// A new activation with the same static data does not emit them again.
		const again = await env.world.activate({ path: folder('/Existing'), events: ['fileCreated', 'folderCreated'], options: { emitExisting: true } }, instance, {
			activation: 'init',
		});
		try {
			await env.world.write('/Existing/four.txt');
			await instance.waitForExecutions(5);
			await settle();
			expect(eventsOf(instance).slice(4)).toEqual(['fileCreated /Existing/four.txt']);
		} finally {
			await again.active.close();
		}
	});

	it('puts the changed revision into binary data when asked to download', async () => {
		await env.world.mkdir('/Downloads');
		const content = Buffer.from('the content of the new file, ünïcode included');
		const { instance, active } = await env.world.activate({ path: folder('/Downloads'), events: ['fileCreated'], download: true });
		try {
			await settle();
			await env.world.write('/Downloads/report.txt', content);
			const [execution] = await instance.waitForExecutions(1);
			const binary = execution.items[0].binary?.data;
			expect(binary).toMatchObject({ fileName: 'report.txt' });
			expect(await readBinary(binary!)).toEqual(content);
		} finally {
			await active.close();
		}
	});

	it('starts over from a new baseline when watching something else', async () => {
		await env.world.mkdir('/ScopeA');
		await env.world.mkdir('/ScopeB');
		const first = await env.world.activate({ path: folder('/ScopeA'), events: ['fileCreated'] });
		await settle();
		await env.world.write('/ScopeA/a1.txt');
		await first.instance.waitForExecutions(1);
		await first.active.close();
		await env.world.write('/ScopeB/before-switch.txt');
		const second = await env.world.activate({ path: folder('/ScopeB'), events: ['fileCreated'] }, first.instance, { activation: 'init' });
		try {
			await settle();
			await env.world.write('/ScopeB/b1.txt');
			await first.instance.waitForExecutions(2);
			await settle();
			expect(eventsOf(first.instance)).toEqual(['fileCreated /ScopeA/a1.txt', 'fileCreated /ScopeB/b1.txt']);
		} finally {
			await second.active.close();
		}
	});

	it('ends a long-poll wait at once when closed, and does not mind being closed twice', async () => {
		const { active } = await env.world.activate({ path: folder('/'), events: ['fileCreated'] });
		await settle();
		const started = Date.now();
		await active.close();
		await active.response.closeFunction?.();
		expect(Date.now() - started).toBeLessThan(1000);
	});
});
