/**
 * Cursors of listings that are recomputed on every page (search, shared links, file requests, members):
 * a prefix naming the listing, then base64url JSON of what the next page needs. Each listing checks the
 * decoded fields itself; a string that is not one of its cursors decodes to undefined.
 */
export function encodeCursor(prefix: string, state: object): string {
	return prefix + Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodeCursor<T extends object>(prefix: string, text: unknown, valid: (value: Partial<T>) => boolean): T | undefined {
	if (typeof text !== 'string' || !text.startsWith(prefix)) return undefined;
	try {
		const value = JSON.parse(Buffer.from(text.slice(prefix.length), 'base64url').toString('utf8')) as Partial<T>;
		return value !== null && typeof value === 'object' && valid(value) ? (value as T) : undefined;
	} catch {
		return undefined;
	}
}
