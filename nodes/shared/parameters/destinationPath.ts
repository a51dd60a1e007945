import { NodeOperationError, type IExecuteFunctions, type INodeParameterResourceLocator } from 'n8n-workflow';

import { locatorToPath } from './pathLocator';

/** Where to write: a full path, or a folder (typed with a trailing "/") to put the item in under its own name. */
export type Destination = { path: string } | { folder: string };

/**
 * A destination locator (`path` of an upload, `toPath` of a copy or move). A value ending in "/" (or empty: the
 * root) names a folder, so that a workflow can send many items into one folder, each keeping its name.
 */
export function readDestination(ctx: IExecuteFunctions, name: 'path' | 'toPath', itemIndex: number): Destination {
	const locator = ctx.getNodeParameter(name, itemIndex) as INodeParameterResourceLocator | string;
	const raw = (typeof locator === 'string' ? locator : String(locator.value ?? '')).trim();
	const mode = typeof locator === 'string' ? 'path' : locator.mode;
	const path = locatorToPath(mode, raw);
	if (path === undefined) {
		throw new NodeOperationError(ctx.getNode(), `"${raw}" is not a Dropbox path`, {
			description:
				'Give the full path to write, such as /Backups/report.pdf, or a folder ending in "/", such as /Backups/, to keep the item\'s own name.',
		});
	}
	const intoFolder = mode !== 'id' && (raw.endsWith('/') || raw === '');
	return intoFolder ? { folder: path } : { path };
}

/** `folder` + `name`, for a destination that named a folder ("" is the root). */
export function pathInFolder(folder: string, name: string): string {
	return `${folder}/${name}`;
}

/** The last name of a path (`/a/b.txt` → `b.txt`); undefined for IDs and the root. */
export function nameOfPath(path: string): string | undefined {
	if (!path.startsWith('/')) return undefined;
	const name = path.slice(path.lastIndexOf('/') + 1);
	return name === '' ? undefined : name;
}
