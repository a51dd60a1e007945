/**
 * The delta engine: Dropbox's change feed (a cursor, the pages after it, the long-poll wait) turned into
 * changes handed to a sink exactly once, whatever drives it (a long-poll loop, a schedule, a webhook). It keeps
 * its cursor in the static data it is given, in the order described in handoff.ts.
 */
import type { IDataObject } from 'n8n-workflow';

import type { DropboxSession } from '../transport';
import { waitUnlessAborted } from '../transport/wait';
import { firstListingPage, latestCursor, pageAfter, waitForChanges } from './changes';
import { createClassifier, type Classifier } from './classify';
import { readState, writeState, type DeltaState } from './cursorState';
import { handlingOf, retryDelayMs } from './failures';
import { compileFilters, type EntryFilters } from './filters';
import { handOverPage, type ChangeSink } from './handoff';
import { changeItem } from './items';
import { cursorDigest } from './keys';
import { scopeId, type WatchScope } from './scope';
import type { ChangeEvent, ChangeItem, EventName, FileEntry, ListedEntry } from './types';

export interface DeltaLog {
	info(message: string, meta?: IDataObject): void;
	warn(message: string, meta?: IDataObject): void;
}

export interface DeltaEngineOptions {
	session: DropboxSession;
	scope: WatchScope;
	events: ReadonlySet<EventName>;
	filters: EntryFilters;
	/** Where the cursor is kept (the workflow's static data of the node). */
	staticData: IDataObject;
	sink: ChangeSink;
	/** Builds a change's output item; default: `event` and the metadata. */
	toItem?: (event: ChangeEvent) => Promise<ChangeItem>;
	/** On first activation, hand over what is already there (as created) before the changes. */
	emitExisting?: boolean;
	log: DeltaLog;
	/** Fires when the trigger closes: every call and wait ends at once. */
	signal: AbortSignal;
	/** False once another activation took over: this copy stops. */
	isCurrent?: () => boolean;
	/**
	 * Runs work that calls Dropbox (and so reads the credential) in whatever scope the host needs for that; waits
	 * for changes and hand-overs run outside it. Default: as is.
	 */
	inScope?: <T>(work: () => Promise<T>) => Promise<T>;
}

/** What a round's caller is told when a failure needs a person, or passes and is worth recording once. */
export interface RoundHandlers {
	/** A failure waiting does not cure (revoked access, the folder gone): the engine stops. */
	onPersonMustFix(error: unknown): void;
	/** The first of a run of passing failures (network, 5xx, 429 past the transport's retries). */
	onPassingFailure?(error: unknown): void;
}

/** How many entries "Listen for test event" looks through for the most recent one. */
const SAMPLE_SCAN_LIMIT = 10_000;

export class DeltaEngine {
	private readonly classifier: Classifier;

	private readonly accept: (entry: ListedEntry) => boolean;

	private failuresInARow = 0;

	private running: Promise<void> | undefined;

	private readonly inScope: <T>(work: () => Promise<T>) => Promise<T>;

	constructor(private readonly options: DeltaEngineOptions) {
		this.accept = compileFilters(options.filters);
		this.classifier = createClassifier(options.session, options.scope.space, options.events, this.accept);
		this.inScope = options.inScope ?? (async (work) => await work());
	}

	get closing(): boolean {
		return this.options.signal.aborted || this.options.isCurrent?.() === false;
	}

	/**
	 * Makes sure a cursor for the watched scope is stored: the first activation (or one that watches something
	 * else now) starts from now, or from the first listing when existing files are to be emitted. Call it before
	 * `trigger()` returns: n8n saves static data then, so changes made before the first emit are not missed.
	 */
	async prepare(): Promise<void> {
		if (readState(this.options.staticData, this.options.scope)) return;
		// Inside trigger(): n8n holds whatever scope the calls need.
		await this.rebaseline(this.options.emitExisting === true, async (work) => await work());
	}

	private async rebaseline(fromListing: boolean, inScope = this.inScope): Promise<void> {
		const scope = scopeId(this.options.scope);
		const state: DeltaState = fromListing
			? { scope, listing: true, delivered: [] }
			: { scope, cursor: await inScope(async () => await latestCursor(this.options.session, this.options.scope)), delivered: [] };
		writeState(this.options.staticData, state);
	}

	private state(): DeltaState {
		const state = readState(this.options.staticData, this.options.scope);
		if (!state) throw new Error('The trigger has no cursor yet: prepare() first');
		return state;
	}

	/** Hands over every change after the stored cursor, page by page; each page's cursor is stored after it. */
	async catchUp(): Promise<'complete' | 'stopped'> {
		for (;;) {
			if (this.closing) return 'stopped';
			const state = this.state();
			const listing = state.listing === true;
			const { page, events } = await this.inScope(async () => {
				const fetched = state.cursor === undefined
					? await firstListingPage(this.options.session, this.options.scope)
					: await pageAfter(this.options.session, this.options.scope, state.cursor);
				const entries = listing ? fetched.entries.filter((entry) => !this.isWatchedFolder(entry)) : fetched.entries;
				return { page: fetched, events: await this.classifier.classify(entries, cursorDigest(state.cursor), { listing }) };
			});
			const delivered = new Set(state.delivered);
			const toItem = this.options.toItem ?? (async (event: ChangeEvent) => changeItem(event));
			const outcome = await handOverPage(this.options.sink, {
				events,
				delivered,
				toItem: async (event) => await this.inScope(async () => await toItem(event)),
				onDelivered: (key) => {
					delivered.add(key);
					writeState(this.options.staticData, { ...this.state(), delivered: [...delivered] });
				},
				stopped: () => this.closing,
			});
			if (outcome === 'stopped') return 'stopped';
			// Every change of the page is taken: the next emit saves the cursor past them.
			writeState(this.options.staticData, {
				scope: state.scope,
				cursor: page.cursor,
				listing: listing && page.has_more,
				delivered: [],
			});
			if (!page.has_more) return 'complete';
		}
	}

	/** The watched folder itself heads its own listing: it is not one of the changes. */
	private isWatchedFolder(entry: ListedEntry): boolean {
		const path = this.options.scope.path;
		if (path === '') return false;
		return path.startsWith('/') ? entry.path_lower === path.toLowerCase() : entry['.tag'] === 'folder' && entry.id === path;
	}

	/**
	 * One round through `work`, with the engine's handling of failures: a `reset` re-baselines (and is logged), a
	 * passing failure waits (`waitAfterFailure`) and returns, one a person must fix is handed on and stops.
	 * Returns false when the engine should stop.
	 */
	private async round(work: () => Promise<unknown>, handlers: RoundHandlers, waitAfterFailure: boolean): Promise<boolean> {
		try {
			await work();
			this.failuresInARow = 0;
			return !this.closing;
		} catch (error) {
			switch (handlingOf(error, this.closing)) {
				case 'stop':
					return false;
				case 'reset':
					this.options.log.warn(
						'Dropbox reset the change cursor of the watched folder: watching again from now on; changes made meanwhile are not emitted',
						{ path: this.options.scope.path || '/' },
					);
					return await this.round(async () => await this.rebaseline(false), handlers, waitAfterFailure);
				case 'tellPerson':
					handlers.onPersonMustFix(error);
					return false;
				default:
					this.failuresInARow++;
					if (this.failuresInARow === 1) handlers.onPassingFailure?.(error);
					this.options.log.warn('Dropbox could not be read; trying again', {
						error: error instanceof Error ? error.message : String(error),
						failuresInARow: this.failuresInARow,
					});
					if (waitAfterFailure) {
						try {
							await waitUnlessAborted(retryDelayMs(this.failuresInARow), this.options.signal);
						} catch {
							return false;
						}
					}
					return !this.closing;
			}
		}
	}

	/** Long-poll mode: catch up, wait on the notify host, catch up again…, until the trigger closes. */
	async runLongPoll(handlers: RoundHandlers): Promise<void> {
		let changes = true;
		while (!this.closing) {
			const going = await this.round(
				async () => {
					if (changes) await this.catchUp();
					if (this.closing) return;
					const answer = await waitForChanges(this.options.session, this.state().cursor ?? '');
					changes = answer.changes;
					if (answer.backoff) await waitUnlessAborted(answer.backoff * 1000, this.options.signal);
				},
				handlers,
				true,
			);
			if (!going) return;
			// After a failure, look for changes at once: the wait may have missed some.
			if (this.failuresInARow > 0) changes = true;
		}
	}

	/** Poll mode: one round on the schedule's tick; a tick that comes while a round still runs is skipped. */
	async pollOnce(handlers: RoundHandlers): Promise<void> {
		if (this.running || this.closing) return;
		this.running = (async () => {
			await this.round(async () => await this.catchUp(), handlers, false);
		})();
		try {
			await this.running;
		} finally {
			this.running = undefined;
		}
	}

	/**
	 * For "Listen for test event": the most recent entry that matches, at once; otherwise the next change within
	 * `waitS` seconds; undefined when there is neither. Nothing is stored.
	 */
	async sample(waitS: number): Promise<ChangeItem | undefined> {
		const toItem = this.options.toItem ?? (async (event: ChangeEvent) => changeItem(event));
		let cursor = await latestCursor(this.options.session, this.options.scope);
		const recent = await this.mostRecent();
		if (recent) return await toItem(recent);
		const deadline = Date.now() + waitS * 1000;
		while (!this.closing && Date.now() < deadline) {
			const timeoutS = Math.max(30, Math.min(480, Math.ceil((deadline - Date.now()) / 1000)));
			const answer = await waitForChanges(this.options.session, cursor, timeoutS);
			if (!answer.changes) continue;
			for (let more = true; more && !this.closing; ) {
				const page = await pageAfter(this.options.session, this.options.scope, cursor);
				const [first] = await this.classifier.classify(page.entries, cursorDigest(cursor));
				if (first) return await toItem(first);
				cursor = page.cursor;
				more = page.has_more;
			}
		}
		return undefined;
	}

	private async mostRecent(): Promise<ChangeEvent | undefined> {
		const files: FileEntry[] = [];
		let lastFolder: ListedEntry | undefined;
		let page = await firstListingPage(this.options.session, this.options.scope);
		for (let scanned = 0; ; ) {
			for (const entry of page.entries) {
				if (this.isWatchedFolder(entry) || !this.accept(entry)) continue;
				if (entry['.tag'] === 'file') files.push(entry);
				else if (entry['.tag'] === 'folder') lastFolder = entry;
			}
			scanned += page.entries.length;
			if (!page.has_more || scanned >= SAMPLE_SCAN_LIMIT || this.closing) break;
			page = await pageAfter(this.options.session, this.options.scope, page.cursor);
		}
		files.sort((a, b) => b.server_modified.localeCompare(a.server_modified));
		// A few of the newest files: the newest may be of a kind not chosen (updated when only "created" is).
		for (const file of files.slice(0, 5)) {
			const [event] = await this.classifier.classify([file], 'sample');
			if (event) return event;
		}
		if (lastFolder) return (await this.classifier.classify([lastFolder], 'sample'))[0];
		return undefined;
	}
}
