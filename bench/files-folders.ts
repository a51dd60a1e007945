/**
 * The files-and-folders part of `npm run bench`: listing a folder of 100 000 entries (time, n8n's peak memory), and
 * moving 1000 files one item each, our node (batch route) against n8n's built-in node (one request per item), with
 * 30 ms of latency added to every request.
 */
import { inParallel } from '../nodes/shared/transfer/parallel';
import type { EmulatorProcess } from '../test/e2e/support/emulator-process';
import { builtinNode, chainWorkflow, suiteNode, type TunableN8n } from '../test/e2e/support/transfer-workflows';
import type { MeasuredRun } from './lib/n8n-runs';
import type { Contender, Row } from './lib/report';

export const LIST_ENTRIES = 100_000;
export const MOVES = 1000;

/** What the benchmark's runner lends this part: its measuring and its no-op peaks. */
export interface Measurer {
	measure(
		row: Omit<Row, 'seconds' | 'wallS' | 'peakMiB' | 'growthMiB' | 'outcome'>,
		workflow: string,
		node: string,
		noop: number | undefined,
		check: (run: MeasuredRun) => Promise<string>,
	): Promise<void>;
	noopPeak(mode: string, key: string, workflow: string): Promise<number | undefined>;
}

interface Setup {
	n8n: TunableN8n;
	emulator: EmulatorProcess;
	account: { account_id: string };
}

type Side = Extract<Contender, 'suite' | 'builtin'>;
const SIDES: Side[] = ['suite', 'builtin'];

/** Creates `count` empty files under `folder`, many requests at once. */
async function seedFiles(setup: Setup, folder: string, count: number, name: (index: number) => string): Promise<void> {
	await inParallel(count, 32, async (index) => {
		await setup.emulator.adminCall('POST', '/files', { account_id: setup.account.account_id, path: `${folder}/${name(index)}`, content_base64: '' });
	});
}

function listNode(side: Side, folder: string) {
	if (side === 'builtin') return builtinNode('List', { resource: 'folder', operation: 'list', path: folder, returnAll: true, filters: {} });
	return suiteNode('List', { resource: 'folder', operation: 'list', path: { __rl: true, mode: 'path', value: folder }, returnAll: true, options: {} });
}

function moveNode(side: Side, toFolder: string) {
	if (side === 'builtin') {
		return builtinNode('Move', { resource: 'file', operation: 'move', path: "={{ $json.path_lower }}", toPath: `={{ ${JSON.stringify(toFolder)} + "/" + $json.name }}` });
	}
	return suiteNode('Move', {
		resource: 'file',
		operation: 'move',
		path: { __rl: true, mode: 'path', value: '={{ $json.path_lower }}' },
		toPath: { __rl: true, mode: 'path', value: `${toFolder}/` },
		options: {},
	});
}

/** A listing of 100 000 entries by each node, measured against listing a folder of one. */
export async function listing(bench: Measurer, setup: Setup): Promise<void> {
	console.log(`\n== listing a folder of ${LIST_ENTRIES} entries`);
	const started = Date.now();
	await seedFiles(setup, '/List100k', LIST_ENTRIES, (index) => `entry-${String(index).padStart(6, '0')}.txt`);
	await seedFiles(setup, '/List1', 1, () => 'only.txt');
	console.log(`   seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	const workflows = SIDES.flatMap((side) => [
		chainWorkflow(`bnLs${side[0]}1xxxxxxxxxxx`, `${side}: list 1`, [listNode(side, '/List1')]),
		chainWorkflow(`bnLs${side[0]}Bigxxxxxxxxx`, `${side}: list ${LIST_ENTRIES}`, [listNode(side, '/List100k')]),
	]);
	await setup.n8n.importJson('workflow', workflows);
	for (const side of SIDES) {
		await bench.measure(
			{ mode: 'filesystem', direction: 'list', bytes: 0, files: LIST_ENTRIES, contender: side },
			`bnLs${side[0]}Bigxxxxxxxxx`,
			'List',
			await bench.noopPeak('filesystem', `list-${side}`, `bnLs${side[0]}1xxxxxxxxxxx`),
			async (run) => {
				const count = run.run?.data.resultData.runData.List?.[0]?.data?.main[0]?.length;
				return count === LIST_ENTRIES ? 'ok' : `${count} entries listed, not ${LIST_ENTRIES}`;
			},
		);
	}
}

/** 1000 files moved by each node, one input item per file; the Move node's own time. */
export async function moves(bench: Measurer, setup: Setup, stored: (path: string) => Promise<boolean>): Promise<void> {
	console.log(`\n== moving ${MOVES} files, one item each`);
	const workflows = [];
	for (const side of SIDES) {
		await seedFiles(setup, `/Moves-${side}/src`, MOVES, (index) => `m-${String(index).padStart(4, '0')}.txt`);
		await seedFiles(setup, `/Moves-${side}/noop-src`, 1, () => 'm-0000.txt');
		workflows.push(
			chainWorkflow(`bnMv${side[0]}1xxxxxxxxxxx`, `${side}: move 1`, [listNode('suite', `/Moves-${side}/noop-src`), moveNode(side, `/Moves-${side}/noop-dst`)]),
			chainWorkflow(`bnMv${side[0]}Bigxxxxxxxxx`, `${side}: move ${MOVES}`, [listNode('suite', `/Moves-${side}/src`), moveNode(side, `/Moves-${side}/dst`)]),
		);
	}
	await setup.n8n.importJson('workflow', workflows);
	for (const side of SIDES) {
		await bench.measure(
			{ mode: 'filesystem', direction: 'move', bytes: 0, files: MOVES, contender: side },
			`bnMv${side[0]}Bigxxxxxxxxx`,
			'Move',
			await bench.noopPeak('filesystem', `move-${side}`, `bnMv${side[0]}1xxxxxxxxxxx`),
			async () => {
				let missing = 0;
				for (let index = 0; index < MOVES; index++) {
					if (!(await stored(`/Moves-${side}/dst/m-${String(index).padStart(4, '0')}.txt`))) missing++;
				}
				return missing === 0 ? 'ok' : `${missing} of ${MOVES} files not at the destination`;
			},
		);
	}
}

/** The Markdown table of both parts. */
export function filesFoldersTable(rows: Row[]): string {
	const lines = ['| what | contender | time (s) | items/s | n8n peak RSS (MiB) | growth over no-op (MiB) | time ÷ built-in | outcome |', '|---|---|---:|---:|---:|---:|---:|---|'];
	for (const row of rows.filter((candidate) => candidate.direction === 'list' || candidate.direction === 'move')) {
		const builtin = rows.find((other) => other.direction === row.direction && other.contender === 'builtin');
		const ok = row.outcome === 'ok';
		const vsBuiltin = ok && row.contender === 'suite' && builtin?.outcome === 'ok' && row.seconds && builtin.seconds ? (row.seconds / builtin.seconds).toPrecision(2) : '';
		const what = row.direction === 'list' ? `list a folder of ${row.files} entries` : `move ${row.files} files`;
		const name = row.contender === 'suite' ? 'Dropbox Suite (ours)' : "n8n's built-in Dropbox node";
		const rate = ok && row.seconds ? Math.round(row.files / row.seconds) : '';
		lines.push(
			`| ${what} | ${name} | ${row.seconds?.toFixed(2) ?? ''} | ${rate} | ${row.peakMiB?.toFixed(0) ?? ''} | ${row.growthMiB?.toFixed(0) ?? ''} | ${vsBuiltin} | ${row.outcome.replace(/\|/g, '\\|').slice(0, 160)} |`,
		);
	}
	return lines.join('\n');
}
