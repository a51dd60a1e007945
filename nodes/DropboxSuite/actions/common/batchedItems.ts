import { runInBatches, type BatchItem, type BatchPlan, type EntryOutcome } from '../../../shared/batch/inBatches';
import type { DropboxSession } from '../../../shared/transport';
import type { ItemOutcome, OperationItem } from '../operation';

/** An input item read into a batch entry, or the error that reading it gave. */
export type PreparedEntry<E> = BatchItem<E> | { error: unknown };

/**
 * The pattern every batched operation follows: read each item into an entry (a bad parameter fails only its item),
 * send a lone entry through the plain route, several through the batch route, and turn each result into the item's
 * output. Results come back in input order, one per item.
 */
export async function batchedOperation<E>(
	session: DropboxSession,
	itemCount: number,
	steps: {
		prepare(itemIndex: number): Promise<BatchItem<E>>;
		single(item: BatchItem<E>): Promise<OperationItem[]>;
		plan: BatchPlan<E>;
		output(result: Record<string, unknown>, item: BatchItem<E>): Promise<OperationItem[]> | OperationItem[];
	},
): Promise<ItemOutcome[]> {
	const prepared: Array<PreparedEntry<E>> = [];
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		session.throwIfCancelled();
		prepared.push(await steps.prepare(itemIndex).catch((error: unknown) => ({ error })));
	}
	const ready = prepared.flatMap((entry, itemIndex) => ('error' in entry ? [] : [{ itemIndex, item: entry }]));
	const outcomes: ItemOutcome[] = prepared.map((entry) => ('error' in entry ? { error: entry.error } : { items: [] }));
	if (ready.length === 1) {
		const [{ itemIndex, item }] = ready;
		outcomes[itemIndex] = await steps.single(item).then(
			(items) => ({ items }),
			(error: unknown) => ({ error }),
		);
		return outcomes;
	}
	if (ready.length === 0) return outcomes;
	const results: EntryOutcome[] = await runInBatches(session, steps.plan, ready.map(({ item }) => item));
	await Promise.all(
		results.map(async (result, position) => {
			const { itemIndex, item } = ready[position];
			outcomes[itemIndex] =
				'error' in result
					? { error: result.error }
					: await Promise.resolve(steps.output(result.result, item)).then(
							(items) => ({ items }),
							(error: unknown) => ({ error }),
						);
		}),
	);
	return outcomes;
}
