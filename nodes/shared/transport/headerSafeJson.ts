/**
 * JSON for the `Dropbox-API-Arg` and `Dropbox-API-Path-Root` headers. HTTP headers carry bytes, not
 * text, so Dropbox requires every character above 0x7E as a `\uXXXX` escape; characters outside the
 * BMP become their two UTF-16 surrogate escapes, which JSON decoders join again.
 */
export function toHeaderSafeJson(value: unknown): string {
	return JSON.stringify(value ?? null).replace(
		/[\u007f-\uffff]/g,
		(char) => '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0'),
	);
}
