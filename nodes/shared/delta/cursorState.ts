/**
 * The trigger's memory, kept in the workflow's static data. n8n saves static data only when the trigger
 * emits (and when `trigger()` returns at activation), and only notices a change of a top-level key: the
 * state is therefore always replaced as a whole under one key, never changed inside.
 */
import type { IDataObject } from 'n8n-workflow';

import { scopeId, type WatchScope } from './scope';

export const STATE_KEY = 'dropboxSuiteDelta';

export interface DeltaState {
	/** The scope the cursor was made for (`scopeId`). */
	scope: string;
	/** Changes after this cursor are still to be handed over; absent while the first listing is pending. */
	cursor?: string;
	/** The cursor is still inside the first listing of what was there (the "emit existing files" option). */
	listing?: boolean;
	/** Keys of changes after `cursor` already handed over: skipped if the same page is fetched again. */
	delivered: string[];
}

/** The stored state, or undefined when there is none or it was made for another scope. */
export function readState(staticData: IDataObject, scope: WatchScope): DeltaState | undefined {
	const stored = staticData[STATE_KEY] as Partial<DeltaState> | undefined;
	if (!stored || typeof stored !== 'object' || stored.scope !== scopeId(scope)) return undefined;
	if (stored.cursor !== undefined && typeof stored.cursor !== 'string') return undefined;
	return {
		scope: stored.scope,
		cursor: stored.cursor,
		listing: stored.listing === true,
		delivered: Array.isArray(stored.delivered) ? stored.delivered.map(String) : [],
	};
}

export function writeState(staticData: IDataObject, state: DeltaState): void {
	staticData[STATE_KEY] = { ...state, delivered: [...state.delivered] } as unknown as IDataObject;
}
