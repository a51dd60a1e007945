import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/**
 * A `dateTime` parameter (a link's expiry, a file request's deadline) as Dropbox's timestamp format,
 * `2024-05-01T17:00:00Z` (UTC, whole seconds: Dropbox refuses fractions). Empty → undefined.
 *
 * n8n's date picker saves wall-clock time without a zone ("2024-05-01T19:00:00"), meant in the workflow's time
 * zone; an expression may give an ISO string with its own offset, a JavaScript Date or a Luxon DateTime.
 * With `future`, a time already past fails here with a clear error (Dropbox would refuse it less clearly).
 */
export function readDropboxTimestamp(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
	options: { future?: boolean } = {},
): string | undefined {
	const value: unknown = ctx.getNodeParameter(name, itemIndex, '');
	if (value === undefined || value === null || value === '') return undefined;
	const ms = instantOf(value, ctx.getTimezone());
	if (ms === undefined) {
		throw new NodeOperationError(ctx.getNode(), `"${label}" is not a date: ${String(value)}`, {
			itemIndex,
			description: 'Pick a date, or give one in ISO format such as 2030-05-01T17:00:00Z.',
		});
	}
	if (options.future && ms <= Date.now()) {
		throw new NodeOperationError(ctx.getNode(), `"${label}" is in the past: ${toDropboxTimestamp(ms)}`, {
			itemIndex,
			description: `Dropbox accepts only a time in the future. Choose a later "${label}", or leave it empty.`,
		});
	}
	return toDropboxTimestamp(ms);
}

/** Milliseconds since the epoch → `YYYY-MM-DDTHH:MM:SSZ`. */
export function toDropboxTimestamp(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

function instantOf(value: unknown, timeZone: string): number | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
	const toISO = (value as { toISO?: unknown }).toISO;
	const text = typeof toISO === 'function' ? String(toISO.call(value)) : String(value).trim();
	const wall = WALL_CLOCK.exec(text);
	if (wall) {
		const [year, month, day, hour, minute, second] = wall.slice(1).map((part) => Number(part ?? 0));
		return wallClockToUtc(Date.UTC(year, month - 1, day, hour, minute, second), timeZone);
	}
	const parsed = Date.parse(text);
	return Number.isNaN(parsed) ? undefined : parsed;
}

/** A wall-clock time (given as if it were UTC) in `timeZone` → the instant it names. */
function wallClockToUtc(wallMs: number, timeZone: string): number {
	const first = wallMs - zoneOffsetMs(wallMs, timeZone);
	// Across a daylight-saving change the offset at the answer may differ from the offset at the guess.
	return wallMs - zoneOffsetMs(first, timeZone);
}

/** How far `timeZone`'s clocks are ahead of UTC at the instant `utcMs`. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
	let format: Intl.DateTimeFormat;
	try {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
	} catch {
		return 0;
	}
	const parts = Object.fromEntries(format.formatToParts(new Date(utcMs)).map((part) => [part.type, Number(part.value)]));
	const shown = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	return shown - Math.floor(utcMs / 1000) * 1000;
}
