/**
 * Saves the state soon after something may have changed: requests in a burst share one write, and
 * `flush` writes at once (at start-up and when the emulator closes).
 */

/** Long enough to coalesce a burst of requests, short enough that a killed process loses little. */
const SAVE_DELAY_MS = 20;

export class Saver {
	private timer: NodeJS.Timeout | undefined;

	constructor(private readonly save: () => void) {}

	schedule(): void {
		if (this.timer) return;
		this.timer = setTimeout(() => {
			this.timer = undefined;
			this.saveReporting();
		}, SAVE_DELAY_MS);
	}

	flush(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		this.save();
	}

	/** A failed background save is reported, not thrown: the request that caused it has been answered. */
	private saveReporting(): void {
		try {
			this.save();
		} catch (error) {
			process.stderr.write(`[emulator] saving the state failed: ${(error as Error).message}\n`);
		}
	}
}
