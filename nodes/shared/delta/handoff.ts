/**
 * Handing one page of changes to the workflow in the order that loses nothing and repeats nothing:
 *
 *   stored cursor → fetch the page after it → emit each change with its deduplication key → wait until n8n has
 *   taken each one → only then store the page's cursor (n8n saves it with the next emit).
 *
 * A crash before the new cursor is saved fetches the same page again from the old one: the changes already
 * handed over carry the same keys, so n8n starts no second execution for them (and the keys handed over are
 * also kept with the cursor, for an n8n whose `emit` takes no key). Saving the cursor first would lose the
 * page whenever n8n stopped before starting its executions.
 */
import type { ChangeEvent, ChangeItem } from './types';

/** Where changes go: the trigger's n8n emit, or any other consumer of the engine. */
export interface ChangeSink {
	/**
	 * Hands one change over; resolves once it is taken (its execution done, or skipped as a duplicate), rejects
	 * when n8n could not run it. `key` is unique to the change within the workflow.
	 */
	deliver(item: ChangeItem, key: string): Promise<void>;
}

/** How many changes may be handed over before the first of them is confirmed. */
export const IN_FLIGHT = 16;

export interface PageHandoff {
	events: ChangeEvent[];
	/** Keys already handed over after the stored cursor: not handed over again. */
	delivered: ReadonlySet<string>;
	/** Builds the output item (downloading the file when asked to); called just before the change is emitted. */
	toItem(event: ChangeEvent): Promise<ChangeItem>;
	/** Told each key once it is confirmed, in the order of confirmation. */
	onDelivered(key: string): void;
	/** Stops handing over (the trigger is closing); changes not yet emitted stay for the next fetch. */
	stopped(): boolean;
}

/**
 * Emits the page's changes in order, at most IN_FLIGHT unconfirmed at a time, and resolves once every one of
 * them is confirmed. Rejects with the first failure after the others in flight have settled, so that the caller
 * keeps the old cursor.
 */
export async function handOverPage(sink: ChangeSink, page: PageHandoff): Promise<'complete' | 'stopped'> {
	const inFlight = new Set<Promise<void>>();
	let failure: { error: unknown } | undefined;
	for (const event of page.events) {
		if (page.delivered.has(event.changeKey)) continue;
		if (failure || page.stopped()) break;
		let item: ChangeItem;
		try {
			item = await page.toItem(event);
		} catch (error) {
			failure = { error };
			break;
		}
		if (page.stopped()) break;
		const key = event.changeKey;
		const confirmation: Promise<void> = sink.deliver(item, key).then(
			() => {
				inFlight.delete(confirmation);
				page.onDelivered(key);
			},
			(error: unknown) => {
				inFlight.delete(confirmation);
				failure ??= { error };
			},
		);
		inFlight.add(confirmation);
		if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
	}
	await Promise.all(inFlight);
	if (failure) throw failure.error;
	return page.stopped() ? 'stopped' : 'complete';
}
