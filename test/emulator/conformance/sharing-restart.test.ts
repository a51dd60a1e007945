/**
 * Shared links, file requests and shared folders survive a restart with the same data directory: the
 * emulator is made twice in this process on one directory, and the second one is asked about what the
 * first one made, through the official SDK.
 */
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { Dropbox } from 'dropbox';
import { install } from '../../support/redirect-dropbox.cjs';
import type { AccountCredentials } from '../accounts/credentials';
import { createEmulator, type Emulator } from '../server';
import { sdkFailure } from './sdk-support';

let dataDir: string;
beforeAll(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-sharing-restart-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** An emulator on the data directory with this process's Dropbox connections sent to it. */
async function start(): Promise<{ emulator: Emulator; stop: () => Promise<void> }> {
	const emulator = await createEmulator({ port: 0, dataDir });
	const uninstall = install({ url: emulator.url, ca: emulator.ca });
	return {
		emulator,
		stop: async () => {
			uninstall();
			await emulator.close();
		},
	};
}

/** POST /__admin/accounts over HTTPS with the emulator's own CA. */
function newAccount(emulator: Emulator): Promise<AccountCredentials> {
	return new Promise((resolve, reject) => {
		const req = https.request(`${emulator.admin}/accounts`, { method: 'POST', ca: emulator.ca, agent: false, headers: { 'Content-Type': 'application/json' } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as AccountCredentials));
		});
		req.on('error', reject);
		req.end('{}');
	});
}

const text = async (dbx: Dropbox, filePath: string) => ((await dbx.filesDownload({ path: filePath })).result as unknown as { fileBinary: Buffer }).fileBinary.toString();

it('keeps links, file requests and shared folders with their members and mount points', async () => {
	const first = await start();
	const owner = new Dropbox({ accessToken: first.emulator.demo.access_token });
	const memberCredentials = await newAccount(first.emulator);
	const member = new Dropbox({ accessToken: memberCredentials.access_token });
	await owner.filesUpload({ path: '/Kept/report.txt', contents: 'kept' });
	const link = (await owner.sharingCreateSharedLinkWithSettings({ path: '/Kept/report.txt', settings: { link_password: 'pw' } })).result;
	const request = (await owner.fileRequestsCreate({ title: 'Kept request', destination: '/Kept/Inbox' })).result;
	const folder = (await owner.sharingShareFolder({ path: '/Kept' })).result as { shared_folder_id: string };
	await owner.sharingAddFolderMember({ shared_folder_id: folder.shared_folder_id, members: [{ member: { '.tag': 'dropbox_id', dropbox_id: memberCredentials.account_id }, access_level: { '.tag': 'editor' } }] });
	await member.sharingMountFolder({ shared_folder_id: folder.shared_folder_id });
	await first.stop();

	const second = await start();
	try {
		expect(((await member.sharingGetSharedLinkFile({ url: link.url, link_password: 'pw' })).result as unknown as { fileBinary: Buffer }).fileBinary.toString()).toBe('kept');
		expect((await sdkFailure(member.sharingGetSharedLinkMetadata({ url: link.url }))).error.error['.tag']).toBe('shared_link_access_denied');
		expect((await owner.fileRequestsGet({ id: request.id })).result).toMatchObject({ title: 'Kept request', destination: '/Kept/Inbox' });
		expect((await member.sharingGetFolderMetadata({ shared_folder_id: folder.shared_folder_id })).result).toMatchObject({ path_display: '/Kept', access_type: { '.tag': 'editor' } });
		// Still one folder seen from both accounts, not two copies.
		await member.filesUpload({ path: '/Kept/after-restart.txt', contents: 'from the member' });
		expect(await text(owner, '/Kept/after-restart.txt')).toBe('from the member');
		const members = (await owner.sharingListFolderMembers({ shared_folder_id: folder.shared_folder_id })).result.users;
		expect(members.map((user) => user.user.account_id)).toContain(memberCredentials.account_id);
	} finally {
		await second.stop();
	}
});
