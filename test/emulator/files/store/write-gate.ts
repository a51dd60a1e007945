/**
 * Write contention. Dropbox refuses writes to one namespace that overlap in time with
 * `too_many_write_operations`. The emulator models it as: at most MAX_CONCURRENT_WRITES write
 * requests in flight per tree; a request that finds them all taken is refused. A file upload holds its
 * place while its body streams in (so parallel `files/upload` calls to one account collide, as they do
 * on Dropbox); RPC writes hold it for their own short duration. `upload_session/finish_batch_v2`
 * commits all its files as one write and does not take a place, so it never trips this.
 */
export const MAX_CONCURRENT_WRITES = 2;

export class WriteGate {
	private active = 0;

	/** A release function, or undefined when the namespace is busy. */
	tryEnter(): (() => void) | undefined {
		if (this.active >= MAX_CONCURRENT_WRITES) return undefined;
		this.active += 1;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.active -= 1;
		};
	}

	get inFlight(): number {
		return this.active;
	}
}
