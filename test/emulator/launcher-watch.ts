/**
 * Stops the emulator when whatever launched it is gone. `npm run emulator` starts
 * npm → sh → tsx → node; a SIGTERM sent to npm reaches `sh` only, which dies without passing it on, and
 * the emulator would live on as an orphan holding the caller's stdout open. So the emulator watches
 * its own chain of launchers (up to npm when `npm run emulator` started it, else its parent) and stops as
 * it would on SIGTERM once one of them has gone. Linux reads the chain from /proc; elsewhere only the parent is
 * watched.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const CHECK_EVERY_MS = 250;
/** npm → sh → tsx → node: the launcher is never further up than this. */
const MAX_DEPTH = 4;

/** The parent pid and command line of a process, from /proc; undefined if it is gone or unreadable. */
function processInfo(pid: number): { ppid: number; argv: string[] } | undefined {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name sits in parentheses and may hold spaces: fields start after the last ")".
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
		return { ppid: Number(fields[1]), argv };
	} catch {
		return undefined;
	}
}

/** npm retitles itself ("npm run emulator" as one argument); started by path it is `node …/npm-cli.js`. */
function isNpm(argv: string[]): boolean {
	return argv.slice(0, 2).some((arg) => /^npm(-cli\.js)?$/.test(path.basename(arg.split(' ')[0])));
}

/** The launchers to watch, nearest first. */
export function launcherChain(startedByNpm: boolean, pid: number = process.ppid): number[] {
	if (!startedByNpm) return [pid];
	const chain: number[] = [];
	for (let current = pid; current > 1 && chain.length < MAX_DEPTH; ) {
		const info = processInfo(current);
		if (!info) break;
		chain.push(current);
		if (isNpm(info.argv)) return chain;
		current = info.ppid;
	}
	// npm was not found where expected: watch the parent alone rather than guess.
	return [pid];
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Calls `onGone` once, when a launcher has exited or this process has been handed to a new parent. */
export function watchLaunchers(onGone: () => void): () => void {
	const parent = process.ppid;
	// Only `npm run emulator` runs us in the foreground of a fixed chain; other npm scripts may start us in
	// the background on purpose, and outlive their npm.
	const chain = launcherChain(process.env.npm_lifecycle_event === 'emulator', parent);
	const timer = setInterval(() => {
		if (process.ppid === parent && chain.every(isAlive)) return;
		clearInterval(timer);
		onGone();
	}, CHECK_EVERY_MS);
	timer.unref();
	return () => clearInterval(timer);
}
