/** The benchmark's figures as rows, and as the Markdown tables of BENCHMARKS.md. */
import type { Machine } from './machine';

export type Contender = 'suite' | 'builtin' | 'curl' | 'curl-parallel' | 'n8n-alone';

export const CONTENDER_NAMES: Record<Contender, string> = {
	suite: 'Dropbox Suite (ours)',
	builtin: "n8n's built-in Dropbox node",
	curl: 'curl',
	'curl-parallel': 'curl, 8 upload sessions at once, then finish_batch_v2',
	'n8n-alone': 'n8n alone: Read Files from Disk',
};

export interface Row {
	/** `filesystem`, `database`: n8n's binary data mode; curl has none. */
	mode: string;
	/** What moved: `upload`, `download`, `read`, `backup`. */
	direction: string;
	/** Bytes of the file (a backup: of all files). */
	bytes: number;
	/** Files moved (1 but for a backup). */
	files: number;
	contender: Contender;
	/** The transfer's own time: n8n's timing of the node, or curl's wall time. */
	seconds?: number;
	/** The whole `n8n execute`, start-up included. */
	wallS?: number;
	peakMiB?: number;
	/** Peak RSS over the no-op run of the same workflow. */
	growthMiB?: number;
	/** `ok` (bytes checked), or what went wrong. */
	outcome: string;
}

const MIB = 1024 * 1024;

export function sizeLabel(bytes: number): string {
	return bytes >= 1024 * MIB && bytes % (1024 * MIB) === 0 ? `${bytes / (1024 * MIB)} GiB` : `${Math.round(bytes / MIB)} MiB`;
}

const fixed = (value: number | undefined, digits: number) => (value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits));
const ratio = (mine: number | undefined, theirs: number | undefined) =>
	mine === undefined || theirs === undefined || theirs <= 0 || !Number.isFinite(mine) ? '—' : `${(mine / theirs).toFixed(mine / theirs < 0.1 ? 3 : 2)}`;

/** The row another contender has for the same transfer (curl has no binary data mode: any of its rows will do). */
function peer(rows: Row[], row: Row, contender: Contender): Row | undefined {
	return rows.find(
		(other) =>
			other.contender === contender &&
			other.direction === row.direction &&
			other.bytes === row.bytes &&
			(contender.startsWith('curl') || other.mode === row.mode) &&
			other.outcome === 'ok',
	);
}

/** Ratios only between transfers that succeeded: a failure's time says nothing about speed. */
function ratios(rows: Row[], row: Row): { vsBuiltin: string; vsCurl: string; growthVsBuiltin: string } {
	const ok = row.outcome === 'ok';
	const builtin = peer(rows, row, 'builtin');
	const curl = peer(rows, row, 'curl');
	return {
		vsBuiltin: ok && row.contender === 'suite' ? ratio(row.seconds, builtin?.seconds) : '',
		vsCurl: ok && row.contender !== 'curl' && row.contender !== 'curl-parallel' ? ratio(row.seconds, curl?.seconds) : '',
		growthVsBuiltin: ok && row.contender === 'suite' ? ratio(row.growthMiB, builtin?.growthMiB) : '',
	};
}

export function transferTable(rows: Row[], mode: string): string {
	const lines = [
		'| size | transfer | contender | time (s) | MiB/s | n8n peak RSS (MiB) | growth over no-op (MiB) | time ÷ built-in | time ÷ curl | growth ÷ built-in | outcome |',
		'|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
	];
	const selected = rows.filter((row) => row.direction !== 'backup' && (row.mode === mode || (row.mode === '-' && mode === 'filesystem')));
	for (const row of selected) {
		const r = ratios(rows, row);
		const rate = row.outcome === 'ok' && row.seconds ? row.bytes / MIB / row.seconds : undefined;
		const curlRow = row.contender === 'curl';
		lines.push(
			`| ${sizeLabel(row.bytes)} | ${row.direction} | ${CONTENDER_NAMES[row.contender]} | ${fixed(row.seconds, 2)} | ${fixed(rate, 0)} | ` +
				`${curlRow ? `(curl: ${fixed(row.peakMiB, 0)})` : fixed(row.peakMiB, 0)} | ${curlRow ? '—' : fixed(row.growthMiB, 0)} | ` +
				`${r.vsBuiltin} | ${r.vsCurl} | ${r.growthVsBuiltin} | ${escape(shortOutcome(row.outcome))} |`,
		);
	}
	return lines.join('\n');
}

export function backupTable(rows: Row[]): string {
	const lines = [
		'| contender | time (s) | files/s | n8n peak RSS (MiB) | growth over no-op (MiB) | time ÷ built-in | time ÷ curl, 1 at a time | time ÷ curl, 8 at once | outcome |',
		'|---|---:|---:|---:|---:|---:|---:|---:|---|',
	];
	for (const row of rows.filter((candidate) => candidate.direction === 'backup')) {
		const r = ratios(rows, row);
		const curlRow = row.contender.startsWith('curl');
		const ok = row.outcome === 'ok';
		const parallelCurl = peer(rows, row, 'curl-parallel');
		const rate = ok && row.seconds ? row.files / row.seconds : undefined;
		const name = row.contender === 'curl' ? 'curl, one files/upload per file, one at a time' : CONTENDER_NAMES[row.contender];
		lines.push(
			`| ${name} | ${fixed(row.seconds, 2)} | ${fixed(rate, 0)} | ` +
				`${curlRow ? `(curl: ${fixed(row.peakMiB, 0)})` : fixed(row.peakMiB, 0)} | ${curlRow ? '—' : fixed(row.growthMiB, 0)} | ` +
				`${r.vsBuiltin} | ${r.vsCurl} | ${ok && !curlRow ? ratio(row.seconds, parallelCurl?.seconds) : ''} | ${escape(shortOutcome(row.outcome))} |`,
		);
	}
	return lines.join('\n');
}

/** One line per measurement, as the benchmark goes. */
export function progressLine(row: Row): string {
	return (
		`${row.mode.padEnd(10)} ${row.direction.padEnd(8)} ${sizeLabel(row.bytes).padStart(8)} ${CONTENDER_NAMES[row.contender].padEnd(32)} ` +
		`time ${fixed(row.seconds, 2).padStart(7)} s  wall ${fixed(row.wallS, 1).padStart(6)} s  peak ${fixed(row.peakMiB, 0).padStart(5)} MiB  ` +
		`growth ${fixed(row.growthMiB, 0).padStart(5)} MiB  ${row.outcome}`
	);
}

export function machineTable(machine: Machine): string {
	return [
		'| | |',
		'|---|---|',
		`| CPUs (\`nproc\`) | ${machine.cpus} × ${machine.cpuModel} |`,
		`| RAM | ${machine.ramGiB.toFixed(1)} GiB |`,
		`| OS | ${machine.os} |`,
		`| n8n | ${machine.n8nVersion}, on Node ${machine.n8nNode} |`,
		`| the benchmark and the emulator | Node ${machine.benchNode} |`,
		`| curl | ${machine.curl} |`,
	].join('\n');
}

function escape(text: string): string {
	return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

/** An outcome short enough for a table cell: ids dropped, the first sentence or two of an error. */
export function shortOutcome(text: string): string {
	const plain = text.replace(/\s*\([0-9a-f]{8}-[0-9a-f-]{27}\)/g, '').replace(/\s+/g, ' ').trim();
	if (plain.length <= 160) return plain;
	const sentences = plain.split(/(?<=\.) /);
	let short = '';
	for (const sentence of sentences) {
		if (short && (short + sentence).length > 200) break;
		short = short ? `${short} ${sentence}` : sentence;
	}
	return short.length < plain.length ? `${short} …` : short;
}
