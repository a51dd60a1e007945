/**
 * The Dropbox Suite Trigger on a schedule, in "Listen for test event", and in a team's Space, through n8n-core
 * against the emulator.
 */
import { Dropbox } from 'dropbox';

import { DropboxSuiteTrigger } from '../../nodes/DropboxSuiteTrigger/DropboxSuiteTrigger.node';
import type { AccountCredentials } from '../emulator/accounts/credentials';
import { runManualTrigger, TriggerInstance } from '../support/n8n';
import { credentialFor, credentialTypes } from './credentials.fixture';
import { callsTo, eventsOf, folder, settle, useTriggerWorld } from './trigger.fixture';

const env = useTriggerWorld();

const FILES = ['fileCreated', 'fileUpdated'];

describe('poll mode', () => {
	it('hands over the changes on each tick, never two rounds at once, and not after close', async () => {
		await env.world.mkdir('/Polled');
		const longpollsBefore = await callsTo(env.emulator, 'files/list_folder/longpoll');
		const { instance, active } = await env.world.activate(
			{ path: folder('/Polled'), events: FILES, mode: 'poll', interval: 1, unit: 'seconds' },
			new TriggerInstance(),
			// Each execution outlasts a tick: a round that overlapped the next would hand its changes over twice.
			{ executionMs: 1500 },
		);
		try {
			await env.world.write('/Polled/one.txt', '1');
			await env.world.write('/Polled/two.txt', '2');
			await instance.waitForExecutions(2, 10_000);
			await env.world.write('/Polled/one.txt', '1 again');
			await instance.waitForExecutions(3, 10_000);
			await settle(2500);
			expect(eventsOf(instance)).toEqual(['fileCreated /Polled/one.txt', 'fileCreated /Polled/two.txt', 'fileUpdated /Polled/one.txt']);
		} finally {
			await active.close();
		}
		expect((await callsTo(env.emulator, 'files/list_folder/longpoll')) - longpollsBefore).toBe(0);
		await env.world.write('/Polled/after-close.txt');
		await settle(2500);
		expect(instance.executions).toHaveLength(3);
	});

	it('keeps its cursor across a restart like long-poll mode', async () => {
		await env.world.mkdir('/PolledRestart');
		const parameters = { path: folder('/PolledRestart'), events: FILES, mode: 'poll', interval: 1, unit: 'seconds' };
		const { instance, active } = await env.world.activate(parameters);
		await env.world.write('/PolledRestart/a.txt');
		await instance.waitForExecutions(1, 10_000);
		await active.close();
		await env.world.write('/PolledRestart/while-down.txt');
		const again = await env.world.activate(parameters, instance, { activation: 'init' });
		try {
			await instance.waitForExecutions(2, 10_000);
			await settle(1500);
			expect(eventsOf(instance)).toEqual(['fileCreated /PolledRestart/a.txt', 'fileCreated /PolledRestart/while-down.txt']);
		} finally {
			await again.active.close();
		}
	});
});

describe('Listen for test event', () => {
	const manual = (parameters: Record<string, unknown>, stopWhen?: Promise<unknown>) =>
		runManualTrigger({
			nodeType: new DropboxSuiteTrigger(),
			parameters: { authentication: 'appApi', ...parameters },
			credentials: env.world.credentials,
			credentialTypes,
			stopWhen,
		});

	it('shows the most recent matching file at once', async () => {
		await env.world.write('/Sample/older.txt', 'old');
		await settle(20);
		await env.world.write('/Sample/newest.txt', 'new');
		await settle(20);
		await env.world.write('/Sample/ignored.bin', 'not matching the filter');
		const started = Date.now();
		const result = await manual({ path: folder('/Sample'), events: FILES, filters: { extensions: 'txt' } });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items![0].json).toMatchObject({ event: 'fileCreated', path_display: '/Sample/newest.txt' });
		expect(Date.now() - started).toBeLessThan(5000);
		await result.closed;
	});

	it('waits for the next change when nothing matches yet', async () => {
		await env.world.mkdir('/SampleEmpty');
		const pending = manual({ path: folder('/SampleEmpty'), events: ['fileCreated'] });
		await settle(500);
		await env.world.write('/SampleEmpty/arrived.txt');
		const result = await pending;
		expect(result.error).toBeUndefined();
		expect(result.items![0].json).toMatchObject({ event: 'fileCreated', path_display: '/SampleEmpty/arrived.txt' });
		await result.closed;
	});

	it('stops waiting at once when the editor stops listening', async () => {
		await env.world.mkdir('/SampleStopped');
		let stop!: () => void;
		const stopped = new Promise<void>((resolve) => (stop = resolve));
		const pending = manual({ path: folder('/SampleStopped'), events: ['fileCreated'] }, stopped);
		await settle(500);
		const started = Date.now();
		stop();
		const result = await pending;
		expect(Date.now() - started).toBeLessThan(2000);
		expect(result.items ?? []).toEqual([]);
	});
});

describe('Space', () => {
	let member: AccountCredentials;
	let teamSpace: Dropbox;
	let home: Dropbox;

	beforeAll(async () => {
		member = await env.emulator.admin<AccountCredentials>('POST', '/accounts', { team: true });
		home = new Dropbox({ accessToken: member.access_token });
		const account = (await home.usersGetCurrentAccount()).result;
		teamSpace = new Dropbox({
			accessToken: member.access_token,
			pathRoot: JSON.stringify({ '.tag': 'root', root: account.root_info.root_namespace_id }),
		});
	});

	it('watches the team space or the member\'s own folder, paths as each shows them', async () => {
		await teamSpace.filesCreateFolderV2({ path: '/Projects' });
		const credentials = credentialFor('appApi', member);
		const team = await env.world.activate({ path: folder('/'), events: ['fileCreated'], space: 'team' }, new TriggerInstance(), {
			credentials,
			nodeId: 'team-node',
		});
		const own = await env.world.activate({ path: folder('/'), events: ['fileCreated'], space: 'own' }, new TriggerInstance(), {
			credentials,
			nodeId: 'own-node',
		});
		try {
			await settle();
			await teamSpace.filesUpload({ path: '/Projects/plan.txt', contents: 'team' });
			await home.filesUpload({ path: '/mine.txt', contents: 'mine' });
			await team.instance.waitForExecutions(2);
			await own.instance.waitForExecutions(1);
			await settle();
			const homeFolder = (await home.usersGetCurrentAccount()).result.root_info as { home_path?: string };
			expect(eventsOf(team.instance)).toEqual(['fileCreated /Projects/plan.txt', `fileCreated ${homeFolder.home_path}/mine.txt`]);
			expect(eventsOf(own.instance)).toEqual(['fileCreated /mine.txt']);
		} finally {
			await team.active.close();
			await own.active.close();
		}
	});
});
