/**
 * State that lives beside a file store (shared links, shared folders, file requests): one value per store,
 * made again when the store is cleared (an admin reset gives the store a new epoch), so that nothing
 * outlives the files it points at.
 */
import type { HandlerContext } from '../contract';
import { storeOf } from '../files/context';
import type { FileStore } from '../files/store/file-store';

export function storeScoped<T>(make: () => T): { of(store: FileStore): T; ofContext(ctx: HandlerContext): T } {
	const values = new WeakMap<FileStore, { epoch: string; value: T }>();
	const of = (store: FileStore): T => {
		const held = values.get(store);
		if (held && held.epoch === store.epoch) return held.value;
		const value = make();
		values.set(store, { epoch: store.epoch, value });
		return value;
	};
	return { of, ofContext: (ctx) => of(storeOf(ctx)) };
}
