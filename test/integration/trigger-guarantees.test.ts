/**
 * The trigger's guarantees through n8n-core's trigger context against the emulator: every change handed over
 * exactly once, in order per path, across restarts and crashes at any emit, injected faults (connection resets
 * during long-poll and continue, 500s, 429s), a burst of 1000 changes over many pages, a cursor reset, a second
 * live copy; and the errors a person must see.
 */
import { IN_FLIGHT } from '../../nodes/shared/delta';
import { getHarnessEnvironment, TriggerInstance, type CrashPlan } from '../support/n8n';
import { credentialFor } from './credentials.fixture';
import { callsTo, eventsOf, folder, settle, TriggerWorld, useTriggerWorld } from './trigger.fixture';

const env = useTriggerWorld();

const FILES = ['fileCreated', 'fileUpdated'];

/** Every execution's `path rev`: a change handed over twice shows up twice. */
function changesOf(instance: TriggerInstance): string[] {
	return instance.emittedJson().map((json) => `${String(json.path_lower)} ${String(json.rev)}`);
}

function expectExactlyOnce(instance: TriggerInstance, paths: string[]): void {
	const changes = changesOf(instance);
	expect(new Set(changes).size).toBe(changes.length);
	expect(instance.emittedJson().map((json) => json.path_lower).sort()).toEqual(paths.map((p) => p.toLowerCase()).sort());
}

let writes = 0;
async function writeAll(paths: string[]): Promise<void> {
	for (const path of paths) await env.world.write(path, `${path} ${++writes}`);
}

describe('no loss, no repeats', () => {
	it('across a restart with changes made while the trigger was down', async () => {
		await env.world.mkdir('/Restart');
		const { instance, active } = await env.world.activate({ path: folder('/Restart'), events: FILES });
		await settle();
		await writeAll(['/Restart/a1', '/Restart/a2']);
		await instance.waitForExecutions(2);
		await active.close();
		await writeAll(['/Restart/down1', '/Restart/down2', '/Restart/a1']);
		const again = await env.world.activate({ path: folder('/Restart'), events: FILES }, instance, { activation: 'init' });
		try {
			await instance.waitForExecutions(5);
			await settle();
			expect(eventsOf(instance)).toEqual([
				'fileCreated /Restart/a1',
				'fileCreated /Restart/a2',
				'fileCreated /Restart/down1',
				'fileCreated /Restart/down2',
				'fileUpdated /Restart/a1',
			]);
		} finally {
			await again.active.close();
		}
	});

	const crashes: Array<[string, CrashPlan]> = [
		['the execution never written (lost without the order)', { atEmit: 4, staticDataSaved: true, executionStarted: false }],
		['the execution written, static data not saved', { atEmit: 4, staticDataSaved: false, executionStarted: true }],
		['both written', { atEmit: 7, staticDataSaved: true, executionStarted: true }],
		['at the first emit, nothing written', { atEmit: 1, staticDataSaved: false, executionStarted: false }],
	];
	it.each(crashes)('across a crash of n8n at an emit: %s', async (_name, crash) => {
		const base = `/Crash-${crash.atEmit}-${Number(crash.staticDataSaved)}${Number(crash.executionStarted)}`;
		await env.world.mkdir(base);
		const paths = Array.from({ length: 12 }, (_, i) => `${base}/f${String(i).padStart(2, '0')}`);
		const { instance, active } = await env.world.activate({ path: folder(base), events: FILES }, undefined, { crash });
		await settle();
		await writeAll(paths);
		await active.crashed;
		await writeAll([`${base}/while-down`]);
		const again = await env.world.activate({ path: folder(base), events: FILES }, instance, { activation: 'init' });
		try {
			await instance.waitForExecutions(13);
			await settle(500);
			expectExactlyOnce(instance, [...paths, `${base}/while-down`]);
		} finally {
			await again.active.close();
		}
	});

	it('across connection resets during the long-poll and during continue, 500s and 429s', async () => {
		await env.world.mkdir('/Faults');
		const { instance, active } = await env.world.activate({ path: folder('/Faults'), events: FILES });
		const expected: string[] = [];
		try {
			await settle();
			const rounds: Array<Record<string, unknown>> = [
				{ route: 'files/list_folder/longpoll', kind: 'reset' },
				{ route: 'files/list_folder/continue', kind: 'reset' },
				{ route: 'files/list_folder/continue', kind: 'status', status: 500, times: 2 },
				{ route: 'files/list_folder/continue', kind: 'status', status: 429, retry_after: 1 },
				{ route: 'files/list_revisions', kind: 'status', status: 503 },
			];
			for (const [i, fault] of rounds.entries()) {
				await env.world.fault(fault);
				const round = [`/Faults/r${i}-a`, `/Faults/r${i}-b`];
				await writeAll(round);
				expected.push(...round);
				await instance.waitForExecutions(expected.length);
			}
			// The long-poll reset has to strike a waiting poll: the next round's writes wake the new one.
			await settle(300);
			expectExactlyOnce(instance, expected);
			expect(active.errors).toEqual([]);
		} finally {
			await active.close();
		}
	});

	it('past the transport\'s retries: records one failed execution, backs off, then goes on', async () => {
		await env.world.mkdir('/LongOutage');
		const { instance, active } = await env.world.activate({ path: folder('/LongOutage'), events: FILES });
		try {
			await settle();
			await env.world.fault({ route: 'files/list_folder/continue', kind: 'status', status: 500, times: 6 });
			await writeAll(['/LongOutage/one']);
			await instance.waitForExecutions(1, 40_000);
			await settle();
			expectExactlyOnce(instance, ['/LongOutage/one']);
			expect(active.failedExecutions).toHaveLength(1);
			expect(active.failedExecutions[0].message).toMatch(/Dropbox/);
			expect(active.errors).toEqual([]);
		} finally {
			await active.close();
		}
	});

	it('a burst of 1000 changes over many pages, with a crash in the middle', async () => {
		await env.world.mkdir('/Burst');
		const paths = Array.from({ length: 1000 }, (_, i) => `/Burst/${String(i).padStart(4, '0')}.txt`);
		const continueBefore = await callsTo(env.emulator, 'files/list_folder/continue');
		const { instance, active } = await env.world.activate({ path: folder('/Burst'), events: ['fileCreated'] }, undefined, {
			crash: { atEmit: 450, staticDataSaved: false, executionStarted: true },
		});
		await settle();
		// Twenty writers at a time: the burst lands while the trigger is handing over earlier pages.
		for (let i = 0; i < paths.length; i += 20) await Promise.all(paths.slice(i, i + 20).map((path) => env.world.write(path, path)));
		await active.crashed;
		const again = await env.world.activate({ path: folder('/Burst'), events: ['fileCreated'] }, instance, { activation: 'init' });
		try {
			await instance.waitForExecutions(1000, 60_000);
			await settle(500);
			expectExactlyOnce(instance, paths);
			expect((await callsTo(env.emulator, 'files/list_folder/continue')) - continueBefore).toBeGreaterThanOrEqual(5);
		} finally {
			await again.active.close();
		}
	}, 120_000);

	it('in order per path', async () => {
		await env.world.mkdir('/Order');
		const { instance, active } = await env.world.activate({ path: folder('/Order'), events: FILES });
		try {
			await settle();
			for (let version = 1; version <= 4; version++) {
				await writeAll(['/Order/x', '/Order/y'].map((p) => p));
				await instance.waitForExecutions(version * 2);
			}
			for (const path of ['/order/x', '/order/y']) {
				const mine = instance.emittedJson().filter((json) => json.path_lower === path);
				expect(mine.map((json) => json.event)).toEqual(['fileCreated', 'fileUpdated', 'fileUpdated', 'fileUpdated']);
				const times = mine.map((json) => String(json.server_modified));
				expect([...times].sort()).toEqual(times);
			}
		} finally {
			await active.close();
		}
	});

	it('without deduplication in emit (an older n8n): nothing lost, repeats bounded by what was in flight', async () => {
		await env.world.mkdir('/NoDedup');
		const instance = new TriggerInstance({ deduplication: false });
		const paths = Array.from({ length: 40 }, (_, i) => `/NoDedup/f${String(i).padStart(2, '0')}`);
		const { active } = await env.world.activate({ path: folder('/NoDedup'), events: FILES }, instance, {
			crash: { atEmit: 25, staticDataSaved: true, executionStarted: true },
		});
		await settle();
		await writeAll(paths);
		await active.crashed;
		const again = await env.world.activate({ path: folder('/NoDedup'), events: FILES }, instance, { activation: 'init' });
		try {
			await instance.waitForExecutions(40);
			await settle(500);
			const changes = changesOf(instance);
			expect(new Set(changes).size).toBe(40);
			expect(changes.length - 40).toBeLessThanOrEqual(IN_FLIGHT);
		} finally {
			await again.active.close();
		}
	});
});

describe('the cursor and the live copy', () => {
	it('re-baselines when Dropbox resets the cursor, logs it, and goes on', async () => {
		await env.world.mkdir('/Reset');
		const { instance, active } = await env.world.activate({ path: folder('/Reset'), events: FILES });
		const { problems } = await getHarnessEnvironment();
		const before = problems.length;
		try {
			await settle();
			await env.emulator.admin('POST', '/cursors/reset', { account_id: env.emulator.demo.account_id });
			await settle(500);
			await writeAll(['/Reset/after']);
			await instance.waitForExecutions(1);
			expect(eventsOf(instance)).toEqual(['fileCreated /Reset/after']);
			expect(problems.slice(before).some((p) => p.level === 'warn' && /reset the change cursor/.test(p.message))).toBe(true);
		} finally {
			await active.close();
		}
	});

	it('a second activation of the same node stops the first: each change once', async () => {
		await env.world.mkdir('/Twice');
		const instance = new TriggerInstance({ deduplication: false });
		const first = await env.world.activate({ path: folder('/Twice'), events: FILES }, instance);
		const second = await env.world.activate({ path: folder('/Twice'), events: FILES }, instance, { activation: 'init' });
		try {
			await settle();
			await writeAll(['/Twice/one', '/Twice/two']);
			await instance.waitForExecutions(2);
			await settle(500);
			expect(eventsOf(instance)).toEqual(['fileCreated /Twice/one', 'fileCreated /Twice/two']);
			expect(instance.executions.every((e) => e.activation === instance.executions[0].activation)).toBe(true);
		} finally {
			await first.active.close();
			await second.active.close();
		}
	});
});

describe('what a person must fix', () => {
	it('a revoked app surfaces through emitError, once, and the trigger stops', async () => {
		const account = await env.emulator.admin<{ account_id: string; app_key: string; app_secret: string; refresh_token: string; access_token: string }>(
			'POST',
			'/accounts',
			{},
		);
		const instance = new TriggerInstance();
		const other = new TriggerWorld(env.emulator);
		const { active } = await other.activate({ path: folder('/'), events: FILES }, instance, { credentials: credentialFor('appApi', account) });
		await settle();
		await env.emulator.admin('POST', '/tokens/revoke', { account_id: account.account_id });
		await env.emulator.admin('POST', '/files', { account_id: account.account_id, path: '/wake.txt', content_base64: 'eA==' });
		for (let i = 0; i < 50 && active.errors.length === 0; i++) await settle(100);
		try {
			expect(active.errors).toHaveLength(1);
			expect(active.errors[0].message).toMatch(/renew|token|access/i);
			expect(instance.executions).toHaveLength(0);
		} finally {
			await active.close();
		}
	});

	it('a folder that does not exist fails the activation with the path named', async () => {
		await expect(env.world.activate({ path: folder('/No/Such/Folder'), events: FILES })).rejects.toThrow(/not_found/);
	});
});
