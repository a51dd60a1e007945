/**
 * Progress of a step that takes a while, in the form test/e2e/step.sh prints for the shell steps: elapsed time,
 * the expected total, and what is happening now. On a terminal the line is rewritten in place; elsewhere (logs,
 * CI, tests) a line is printed every PLAYGROUND_PROGRESS_INTERVAL_S seconds.
 */
export interface Progress {
	stop(): void;
}

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** `now` tells what is happening, `log` where the step's output goes. */
export function showProgress(title: string, expectedS: number, now: () => string, log?: string): Progress {
	const tty = process.stderr.isTTY === true;
	const intervalS = Number(process.env.PLAYGROUND_PROGRESS_INTERVAL_S ?? (tty ? 2 : 15));
	const started = Date.now();
	process.stderr.write(`-> ${title} (about ${clock(expectedS)})${log ? `; log: ${log}` : ''}\n`);
	const timer = setInterval(() => {
		const status = now().slice(0, 90);
		const line = `   [${clock(Math.round((Date.now() - started) / 1000))} of about ${clock(expectedS)}] ${title}${status ? `: ${status}` : ''}`;
		if (tty) process.stderr.write(`\r\x1b[K${line.slice(0, (process.stderr.columns ?? 120) - 1)}`);
		else process.stderr.write(`${line}\n`);
	}, intervalS * 1000);
	return {
		stop() {
			clearInterval(timer);
			if (tty) process.stderr.write('\r\x1b[K');
			process.stderr.write(`   ${title}: done in ${clock(Math.round((Date.now() - started) / 1000))}\n`);
		},
	};
}
