'use strict';
/**
 * The official `dropbox` SDK, unchanged, with production URLs (the preload sends them to the emulator):
 * refresh-token auth only (no access token given), then account, upload, list and download.
 * Input (argv[2], JSON): {app_key, app_secret, refresh_token, folder}. Prints one JSON answer.
 */
const { Dropbox } = require('dropbox');

async function main() {
	const input = JSON.parse(process.argv[2]);
	const dbx = new Dropbox({ clientId: input.app_key, clientSecret: input.app_secret, refreshToken: input.refresh_token });
	const account = await dbx.usersGetCurrentAccount();
	const content = Buffer.from(`uploaded by the SDK: café ☕ ${input.folder}`, 'utf8');
	const uploaded = await dbx.filesUpload({ path: `${input.folder}/Ünïcode 日本.txt`, contents: content });
	const listed = await dbx.filesListFolder({ path: input.folder });
	const downloaded = await dbx.filesDownload({ path: uploaded.result.id });
	process.stdout.write(
		JSON.stringify({
			account_id: account.result.account_id,
			access_token: dbx.auth.getAccessToken(),
			uploaded: { path_display: uploaded.result.path_display, size: uploaded.result.size, content_hash: uploaded.result.content_hash },
			listed: listed.result.entries.map((entry) => entry.path_display),
			downloaded: { name: downloaded.result.name, text: Buffer.from(downloaded.result.fileBinary).toString('utf8') },
			sent: content.toString('utf8'),
		}),
	);
}

main().catch((error) => {
	process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n${JSON.stringify(error && error.error)}\n`);
	process.exit(1);
});
