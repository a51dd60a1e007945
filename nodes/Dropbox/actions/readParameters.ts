import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeParameterResourceLocator,
} from 'n8n-workflow';

import { spaceFromParameters, type Space } from '../transport';
import { dropboxUrlToPath } from './dropboxUrl';

/** The Dropbox path (or `id:…`) a path resource locator points at. */
export function readPath(ctx: IExecuteFunctions, name: 'path' | 'toPath', itemIndex: number): string {
	const locator = ctx.getNodeParameter(name, itemIndex) as INodeParameterResourceLocator | string;
	const value = typeof locator === 'string' ? locator : String(locator.value ?? '');
	const mode = typeof locator === 'string' ? 'path' : locator.mode;
	const path = locatorToPath(mode, value);
	if (path === undefined) {
		throw new NodeOperationError(ctx.getNode(), `"${value}" is not a Dropbox file or folder address`, {
			itemIndex,
			description: 'Use a path such as /Reports/q1.pdf, an ID such as id:abc…, or an address from dropbox.com/home/…',
		});
	}
	return path;
}

/** `undefined` when the value cannot be read as the mode says. */
export function locatorToPath(mode: string, value: string): string | undefined {
	const trimmed = value.trim();
	switch (mode) {
		case 'url':
			return dropboxUrlToPath(trimmed);
		case 'id':
			return /^id:.+/.test(trimmed) ? trimmed : undefined;
		default:
			// A trailing slash is how the list shows folders; Dropbox wants none ("/" alone is the root).
			if (trimmed === '/' || trimmed === '') return '';
			if (/^(id:|rev:|ns:)/.test(trimmed)) return trimmed;
			return trimmed.startsWith('/') ? trimmed.replace(/\/+$/, '') : undefined;
	}
}

export function readSpace(ctx: IExecuteFunctions, itemIndex: number): Space {
	const kind = ctx.getNodeParameter('space', itemIndex, 'own');
	const space = spaceFromParameters(
		kind,
		kind === 'namespace' ? ctx.getNodeParameter('namespace', itemIndex) : undefined,
	);
	if (!space) {
		throw new NodeOperationError(ctx.getNode(), 'Choose the shared or team folder for "Space"', { itemIndex });
	}
	return space;
}
