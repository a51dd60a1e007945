/**
 * curl against the emulator, as the physical limit of the machine: the same HTTPS server, the same production
 * URLs (`--connect-to` sends content.dropboxapi.com:443 to the emulator's port, `--cacert` trusts its CA). A file
 * of up to 148 MiB goes up in one `files/upload`; a larger one in an upload session of 148 MiB requests, each
 * streamed from the file into curl; a download is one `files/download` to a file.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const MIB = 1024 * 1024;
/** The most one request carries, in whole 4 MiB blocks (Dropbox takes 150 MiB). */
const REQUEST_BYTES = 148 * MIB;

export interface CurlTarget {
	url: string;
	ca: string;
	accessToken: string;
}

export interface CurlOutcome {
	wallS: number;
	/** curl's own peak memory, the largest of its processes. */
	peakRssMiB?: number;
	failure?: string;
}

function baseArgs(target: CurlTarget): string[] {
	const port = new URL(target.url).port;
	return [
		'-sS',
		'--connect-to',
		`content.dropboxapi.com:443:127.0.0.1:${port}`,
		'--cacert',
		target.ca,
		'-H',
		`Authorization: Bearer ${target.accessToken}`,
		// No 100-continue round trip before each body.
		'-H',
		'Expect:',
	];
}

/** One curl process; `stdin` streams into its request body. Resolves with curl's output and its measured run. */
async function curl(args: string[], stdin?: NodeJS.ReadableStream): Promise<{ code: number | null; stdout: string; stderr: string; peakRssMiB?: number }> {
	const child = spawn('/usr/bin/time', ['-f', 'peak-rss-kib %M', 'curl', ...args], { stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
	if (stdin) stdin.pipe(child.stdin!);
	let stdout = '';
	let stderr = '';
	child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	const rss = /peak-rss-kib (\d+)/.exec(stderr);
	return { code, stdout, stderr: stderr.replace(/peak-rss-kib \d+\s*/, ''), peakRssMiB: rss ? Number(rss[1]) / 1024 : undefined };
}

const STATUS_MARK = '\n@@status ';

async function call(
	target: CurlTarget,
	route: string,
	arg: unknown,
	body: { file: string } | { stream: NodeJS.ReadableStream } | undefined,
	output = '-',
): Promise<{ status: number; body: string; peakRssMiB?: number; failure?: string }> {
	const args = [
		...baseArgs(target),
		'-X',
		'POST',
		`https://content.dropboxapi.com/2/${route}`,
		'-H',
		`Dropbox-API-Arg: ${JSON.stringify(arg)}`,
		'-o',
		output,
		'-w',
		`${STATUS_MARK}%{http_code}`,
	];
	if (body) args.push('-H', 'Content-Type: application/octet-stream', '-T', 'file' in body ? body.file : '-');
	const result = await curl(args, body && 'stream' in body ? body.stream : undefined);
	const mark = result.stdout.lastIndexOf(STATUS_MARK);
	const status = mark < 0 ? 0 : Number(result.stdout.slice(mark + STATUS_MARK.length).trim());
	const text = mark < 0 ? result.stdout : result.stdout.slice(0, mark);
	const failure = result.code !== 0 || status !== 200 ? `curl exit ${result.code}, HTTP ${status}: ${(text + result.stderr).trim().slice(0, 300)}` : undefined;
	return { status, body: text, peakRssMiB: result.peakRssMiB, failure };
}

export async function curlUpload(target: CurlTarget, file: string, dropboxPath: string): Promise<CurlOutcome> {
	const size = fs.statSync(file).size;
	const started = process.hrtime.bigint();
	const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
	const commit = { path: dropboxPath, mode: 'overwrite' };
	if (size <= REQUEST_BYTES) {
		const answer = await call(target, 'files/upload', commit, { file });
		return { wallS: seconds(), peakRssMiB: answer.peakRssMiB, failure: answer.failure };
	}
	let peak = 0;
	const piece = (offset: number) => fs.createReadStream(file, { start: offset, end: Math.min(offset + REQUEST_BYTES, size) - 1 });
	const started0 = await call(target, 'files/upload_session/start', { close: false }, { stream: piece(0) });
	peak = Math.max(peak, started0.peakRssMiB ?? 0);
	if (started0.failure) return { wallS: seconds(), failure: started0.failure };
	const sessionId = (JSON.parse(started0.body) as { session_id: string }).session_id;
	for (let offset = REQUEST_BYTES; offset < size; offset += REQUEST_BYTES) {
		const appended = await call(target, 'files/upload_session/append_v2', { cursor: { session_id: sessionId, offset }, close: false }, { stream: piece(offset) });
		peak = Math.max(peak, appended.peakRssMiB ?? 0);
		if (appended.failure) return { wallS: seconds(), failure: appended.failure };
	}
	const empty = path.join(os.tmpdir(), `curl-empty-${process.pid}`);
	fs.writeFileSync(empty, '');
	const finished = await call(target, 'files/upload_session/finish', { cursor: { session_id: sessionId, offset: size }, commit }, { file: empty });
	fs.rmSync(empty, { force: true });
	return { wallS: seconds(), peakRssMiB: Math.max(peak, finished.peakRssMiB ?? 0), failure: finished.failure };
}

export async function curlDownload(target: CurlTarget, dropboxPath: string, toFile: string): Promise<CurlOutcome> {
	const started = process.hrtime.bigint();
	const answer = await call(target, 'files/download', { path: dropboxPath }, undefined, toFile);
	return { wallS: Number(process.hrtime.bigint() - started) / 1e9, peakRssMiB: answer.peakRssMiB, failure: answer.failure };
}

/**
 * Many small files from one curl process that keeps its connections. One at a time: one `files/upload` per file, as a
 * simple script would. `parallel` at once: Dropbox (and the emulator) refuse overlapping single-file writes to one
 * account with `too_many_write_operations`, so the files go the way our node sends them: each into an upload session
 * of its own (`upload_session/start` with `close`, `parallel` at once), then one `upload_session/finish_batch_v2`
 * that commits them all.
 */
export async function curlBackup(target: CurlTarget, files: string[], folder: string, parallel: number): Promise<CurlOutcome> {
	const port = new URL(target.url).port;
	const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'curl-backup-'));
	const transfer = (route: string, arg: unknown, file: string, output: string) =>
		[
			`url = ${quote(`https://content.dropboxapi.com/2/${route}`)}`,
			'request = "POST"',
			`connect-to = ${quote(`content.dropboxapi.com:443:127.0.0.1:${port}`)}`,
			`cacert = ${quote(target.ca)}`,
			`header = ${quote(`Authorization: Bearer ${target.accessToken}`)}`,
			'header = "Content-Type: application/octet-stream"',
			'header = "Expect:"',
			`header = ${quote(`Dropbox-API-Arg: ${JSON.stringify(arg)}`)}`,
			`upload-file = ${quote(file)}`,
			`output = ${quote(output)}`,
			'write-out = "%{http_code}\\n"',
		].join('\n');
	const destination = (file: string) => `${folder}/${path.basename(file)}`;
	const sessionOutput = (index: number) => path.join(work, `session-${index}.json`);
	const blocks =
		parallel > 1
			? files.map((file, index) => transfer('files/upload_session/start', { close: true }, file, sessionOutput(index)))
			: files.map((file) => transfer('files/upload', { path: destination(file), mode: 'overwrite' }, file, '/dev/null'));
	const config = path.join(work, 'transfers.conf');
	fs.writeFileSync(config, blocks.join('\nnext\n'), { mode: 0o600 });
	const started = process.hrtime.bigint();
	const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
	try {
		const result = await curl(['-sS', '--no-progress-meter', ...(parallel > 1 ? ['--parallel', '--parallel-max', String(parallel)] : []), '--config', config]);
		let peak = result.peakRssMiB ?? 0;
		const statuses = result.stdout.split('\n').filter(Boolean);
		const refused = statuses.filter((status) => status !== '200');
		if (refused.length > 0 || statuses.length !== files.length) {
			return { wallS: seconds(), peakRssMiB: peak, failure: `${files.length - statuses.length + refused.length} of ${files.length} requests failed (HTTP ${[...new Set(refused)].join(', ')})` };
		}
		if (parallel > 1) {
			const entries = files.map((file, index) => ({
				cursor: { session_id: (JSON.parse(fs.readFileSync(sessionOutput(index), 'utf8')) as { session_id: string }).session_id, offset: fs.statSync(file).size },
				commit: { path: destination(file), mode: 'overwrite' },
			}));
			const body = path.join(work, 'finish.json');
			fs.writeFileSync(body, JSON.stringify({ entries }));
			const finish = await curl([
				'-sS',
				'--connect-to',
				`api.dropboxapi.com:443:127.0.0.1:${port}`,
				'--cacert',
				target.ca,
				'-H',
				`Authorization: Bearer ${target.accessToken}`,
				'-H',
				'Content-Type: application/json',
				'-X',
				'POST',
				'https://api.dropboxapi.com/2/files/upload_session/finish_batch_v2',
				'--data-binary',
				`@${body}`,
			]);
			peak = Math.max(peak, finish.peakRssMiB ?? 0);
			const answer = JSON.parse(finish.stdout || '{}') as { entries?: Array<{ '.tag': string }> };
			const committed = answer.entries?.filter((entry) => entry['.tag'] === 'success').length ?? 0;
			if (committed !== files.length) {
				return { wallS: seconds(), peakRssMiB: peak, failure: `finish_batch_v2 committed ${committed} of ${files.length}: ${finish.stdout.slice(0, 200)}` };
			}
		}
		return { wallS: seconds(), peakRssMiB: peak };
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}
