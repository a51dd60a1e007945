/**
 * Checks a string against a Stone Timestamp format (strftime directives), the way Python's
 * `datetime.strptime` does when Dropbox decodes a request: digits may omit leading zeros, and the
 * date must exist.
 */

const DIRECTIVES: Record<string, string> = {
	Y: '(\\d{4})',
	m: '(1[0-2]|0[1-9]|[1-9])',
	d: '(3[01]|[12]\\d|0[1-9]|[1-9])',
	H: '(2[0-3]|[01]\\d|\\d)',
	M: '([0-5]\\d|\\d)',
	S: '(6[01]|[0-5]\\d|\\d)',
};

const compiled = new Map<string, { re: RegExp; fields: string[] }>();

function compile(format: string): { re: RegExp; fields: string[] } {
	let source = '';
	const fields: string[] = [];
	for (let i = 0; i < format.length; i++) {
		const c = format[i];
		if (c === '%' && i + 1 < format.length) {
			const directive = format[++i];
			if (directive === '%') {
				source += '%';
			} else if (DIRECTIVES[directive]) {
				source += DIRECTIVES[directive];
				fields.push(directive);
			} else {
				throw new Error(`unsupported timestamp directive %${directive} in ${format}`);
			}
			continue;
		}
		source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
	}
	return { re: new RegExp(`^${source}$`), fields };
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** undefined when the value matches; otherwise Python's strptime message. */
export function timestampFormatError(value: string, format: string): string | undefined {
	let entry = compiled.get(format);
	if (!entry) {
		entry = compile(format);
		compiled.set(format, entry);
	}
	const match = entry.re.exec(value);
	if (!match) return `time data '${value}' does not match format '${format}'`;
	const parts: Record<string, number> = {};
	entry.fields.forEach((field, index) => (parts[field] = Number(match[index + 1])));
	if (parts.Y !== undefined && parts.m !== undefined && parts.d !== undefined) {
		if (parts.d > daysInMonth(parts.Y, parts.m)) return 'day is out of range for month';
	}
	return undefined;
}
