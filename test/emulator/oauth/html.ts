/** The few HTML pages of the OAuth flow. Kept plain: tests read them with a regular expression. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function page(title: string, body: string): string {
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><h1>${escapeHtml(title)}</h1>
${body}
</body></html>
`;
}

/** The approve form: every original parameter travels back in hidden fields. */
export function approvePage(appKey: string, userEmail: string, scopes: string[], params: Map<string, string>): string {
	const hidden = [...params]
		.filter(([name]) => name !== 'decision')
		.map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
		.join('\n');
	return page(
		'Dropbox emulator: authorize app',
		`<p>App <code id="client-id">${escapeHtml(appKey)}</code> would like access to the Dropbox of
<strong id="user-email">${escapeHtml(userEmail)}</strong>.</p>
<p>Scopes: <code id="scopes">${escapeHtml(scopes.join(' '))}</code></p>
<form id="authorize-form" method="post" action="/oauth2/authorize">
${hidden}
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Cancel</button>
</form>`,
	);
}

export function codePage(code: string): string {
	return page(
		'Dropbox emulator: access code',
		`<p>Enter this code into the app to finish connecting:</p>
<p><input id="code" readonly value="${escapeHtml(code)}"></p>`,
	);
}
