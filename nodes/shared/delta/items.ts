import type { IDataObject } from 'n8n-workflow';

import type { ChangeEvent, ChangeItem } from './types';

/** The output item of a change: `event` and the entry's metadata as Dropbox gave it. */
export function changeItem(event: ChangeEvent): ChangeItem {
	const metadata: IDataObject = { ...event.entry };
	delete metadata['.tag'];
	return { json: { event: event.event, ...metadata } };
}
