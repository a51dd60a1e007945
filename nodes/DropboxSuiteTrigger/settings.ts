import { NodeOperationError, type INodeParameterResourceLocator, type ITriggerFunctions } from 'n8n-workflow';

import { NO_FILTERS, parseExtensions, EVENT_NAMES, type EntryFilters, type EventName, type WatchScope } from '../shared/delta';
import { locatorToPath, spaceFromParameters } from '../shared/parameters';

export interface TriggerSettings {
	mode: 'longPoll' | 'poll';
	scope: WatchScope;
	events: Set<EventName>;
	filters: EntryFilters;
	download: boolean;
	emitExisting: boolean;
	/** Poll mode: a six-field cron expression, seconds first. */
	cronExpression: string;
}

/** The trigger's parameters, read and checked once per activation. */
export function readTriggerSettings(ctx: ITriggerFunctions): TriggerSettings {
	const node = ctx.getNode();
	const locator = ctx.getNodeParameter('path', { mode: 'path', value: '/' }) as INodeParameterResourceLocator | string;
	const value = typeof locator === 'string' ? locator : String(locator.value ?? '');
	const path = locatorToPath(typeof locator === 'string' ? 'path' : locator.mode, value === '' ? '/' : value);
	if (path === undefined) {
		throw new NodeOperationError(node, `"${value}" is not a Dropbox folder`, {
			description: 'Use a path such as /Inbox ("/" for the whole Dropbox) or an ID such as id:abc…',
		});
	}
	const spaceKind = ctx.getNodeParameter('space', 'own');
	const space = spaceFromParameters(spaceKind, spaceKind === 'namespace' ? ctx.getNodeParameter('namespace', '') : undefined);
	if (!space) throw new NodeOperationError(node, 'Choose the shared or team folder for "Space"');

	const chosen = (ctx.getNodeParameter('events', []) as string[]).filter((name): name is EventName =>
		(EVENT_NAMES as readonly string[]).includes(name),
	);
	if (chosen.length === 0) throw new NodeOperationError(node, 'Choose at least one change to trigger on ("Trigger On")');

	const filters = ctx.getNodeParameter('filters', {}) as { extensions?: string; pathGlob?: string; minSize?: number; maxSize?: number };
	const options = ctx.getNodeParameter('options', {}) as { emitExisting?: boolean };
	const mode = ctx.getNodeParameter('mode', 'longPoll') === 'poll' ? 'poll' : 'longPoll';
	return {
		mode,
		scope: { path, recursive: ctx.getNodeParameter('recursive', true) !== false, space },
		events: new Set(chosen),
		filters: {
			...NO_FILTERS,
			extensions: parseExtensions(filters.extensions ?? ''),
			pathGlob: filters.pathGlob ?? '',
			minSize: filters.minSize ? filters.minSize : undefined,
			maxSize: filters.maxSize ? filters.maxSize : undefined,
		},
		download: ctx.getNodeParameter('download', false) === true,
		emitExisting: options.emitExisting === true,
		cronExpression: mode === 'poll' ? cronExpression(ctx) : '',
	};
}

function cronExpression(ctx: ITriggerFunctions): string {
	const asked = Math.max(1, Math.floor(Number(ctx.getNodeParameter('interval', 1)) || 1));
	// A cron step cannot pass its field's range: every 90 seconds is not expressible, every 59 is.
	const every = (ceiling: number) => Math.min(asked, ceiling);
	switch (ctx.getNodeParameter('unit', 'minutes')) {
		case 'seconds':
			return `*/${every(59)} * * * * *`;
		case 'hours':
			return `0 0 */${every(23)} * * *`;
		default:
			return `0 */${every(59)} * * * *`;
	}
}
