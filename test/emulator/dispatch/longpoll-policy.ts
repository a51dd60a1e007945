/**
 * How `files/list_folder/longpoll` answers when nothing changes, beyond the client's `timeout`:
 * Dropbox holds the request up to 90 s longer (random jitter, so that clients do not all come back at
 * once), and sometimes tells clients to `backoff` before polling again. Both are modelled here so that
 * clients meet them: the jitter is settable (tests keep it small), the backoff is asked for through the
 * admin interface.
 */
import { randomInt } from 'node:crypto';
import type { LongpollControl } from '../contract';

/** Dropbox adds up to 90 s; the emulator does the same unless told otherwise. */
export const DEFAULT_LONGPOLL_JITTER_MS = 90_000;

export class LongpollPolicy implements LongpollControl {
	private backoff: { seconds: number; remaining: number } | undefined;

	constructor(readonly jitterMs: number = DEFAULT_LONGPOLL_JITTER_MS) {}

	extraWaitMs(): number {
		return this.jitterMs > 0 ? randomInt(this.jitterMs + 1) : 0;
	}

	/** The next `times` answers carry `backoff: seconds`. */
	setBackoff(seconds: number, times = 1): void {
		this.backoff = { seconds, remaining: times };
	}

	takeBackoff(): number | undefined {
		if (!this.backoff) return undefined;
		const { seconds } = this.backoff;
		this.backoff.remaining--;
		if (this.backoff.remaining <= 0) this.backoff = undefined;
		return seconds;
	}

	clear(): void {
		this.backoff = undefined;
	}
}
