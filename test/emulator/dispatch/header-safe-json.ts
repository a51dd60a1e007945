/** JSON that survives an HTTP header: every character above 0x7E becomes a `\uXXXX` escape. */
export function headerSafeJson(value: unknown): string {
	return JSON.stringify(value).replace(
		/[\u007f-\uffff]/g,
		(char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}
