/**
 * n8n's own output, sent to a log file instead of the terminal: n8n logs some 200 lines at a first start (its
 * database migrations, deprecation notices, a Python task-runner warning), which would bury the playground's few
 * lines. n8n runs with N8N_LOG_FORMAT=json, so that each line carries its level: the file gets them as text, and
 * errors (and anything n8n writes to stderr, such as a crash) are shown in the terminal too.
 */
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as readline from 'node:readline';

export const N8N_OUTPUT_ENV = { N8N_LOG_FORMAT: 'json' } as const;

interface JsonLogLine {
	level: string;
	message: string;
	metadata?: { timestamp?: string };
}

export interface N8nOutput {
	/** The latest message n8n logged, e.g. to show what it is doing while it starts. */
	latest(): string;
	/** Resolves once both streams have ended and the log file is written. */
	closed: Promise<void>;
}

/** `show` gets what the terminal should show; the log file is started afresh. */
export function routeN8nOutput(child: ChildProcess, logFile: string, show: (line: string) => void): N8nOutput {
	const log = fs.createWriteStream(logFile, { flags: 'w' });
	let latest = '';
	const record = (text: string) => log.write(`${text}\n`);
	const ended: Array<Promise<void>> = [];
	const follow = (stream: NodeJS.ReadableStream | null, onLine: (line: string) => void) => {
		if (!stream) return;
		const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
		lines.on('line', onLine);
		ended.push(new Promise((resolve) => lines.once('close', resolve)));
	};
	follow(child.stdout, (line) => {
		const entry = parseJsonLine(line);
		if (!entry) {
			record(line);
			return;
		}
		const message = entry.message.trim();
		record(`${entry.metadata?.timestamp ?? ''} ${entry.level.padEnd(5)} ${message}`);
		if (entry.level === 'error') show(message);
		latest = message.split('\n')[0];
	});
	follow(child.stderr, (line) => {
		record(`stderr ${line}`);
		show(line);
	});
	const closed = Promise.all(ended).then(() => new Promise<void>((resolve) => log.end(resolve)));
	return { latest: () => latest, closed };
}

function parseJsonLine(line: string): JsonLogLine | undefined {
	if (!line.startsWith('{')) return undefined;
	try {
		const parsed = JSON.parse(line) as Partial<JsonLogLine>;
		return typeof parsed.level === 'string' && typeof parsed.message === 'string' ? (parsed as JsonLogLine) : undefined;
	} catch {
		return undefined;
	}
}
