'use strict';
/**
 * Node's own clients with production URLs (the preload sends them to the emulator): the built-in
 * `fetch` and the `https` module, each calling users/get_current_account and check/user.
 * Input (argv[2], JSON): {access_token}. Prints one JSON answer.
 */
const https = require('node:https');

function viaHttps(url, token, body) {
	return new Promise((resolve, reject) => {
		const req = https.request(
			url,
			{ method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } },
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (text += chunk));
				res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(text) }));
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(body);
	});
}

async function viaFetch(url, token, body) {
	const res = await fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body });
	return { status: res.status, body: await res.json() };
}

async function main() {
	const { access_token: token } = JSON.parse(process.argv[2]);
	const account = 'https://api.dropboxapi.com/2/users/get_current_account';
	const check = 'https://api.dropboxapi.com/2/check/user';
	process.stdout.write(
		JSON.stringify({
			fetch: { account: await viaFetch(account, token, 'null'), check: await viaFetch(check, token, '{"query":"fetch"}') },
			https: { account: await viaHttps(account, token, 'null'), check: await viaHttps(check, token, '{"query":"https"}') },
		}),
	);
}

main().catch((error) => {
	process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
	process.exit(1);
});
