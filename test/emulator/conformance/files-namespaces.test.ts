import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import type { AccountCredentials } from '../accounts/credentials';
import { MAX_CONCURRENT_WRITES } from '../files/store/write-gate';
import { describeRoute } from './describe-route';
import { client, sdkFailure } from './sdk-support';
import { summary } from './summary';

let emu: TestEmulator;
let member: AccountCredentials;
beforeAll(async () => {
	emu = await startTestEmulator();
	member = await emu.admin<AccountCredentials>('POST', '/accounts', { team: true });
});
afterAll(() => emu.stop());

/** An upload whose body has started but not finished: it holds its namespace's write place until `finish()`. */
function heldUpload(path: string): { done: Promise<Response>; finish: () => void } {
	let controller!: ReadableStreamDefaultController<Uint8Array>;
	const body = new ReadableStream<Uint8Array>({
		start(c) {
			controller = c;
			c.enqueue(new TextEncoder().encode('first part '));
		},
	});
	const done = fetch('https://content.dropboxapi.com/2/files/upload', {
		method: 'POST',
		headers: {
			Authorization: `Bearer ${emu.demo.access_token}`,
			'Content-Type': 'application/octet-stream',
			'Dropbox-API-Arg': JSON.stringify({ path }),
		},
		body,
		duplex: 'half',
	} as RequestInit);
	return {
		done,
		finish: () => {
			controller.enqueue(new TextEncoder().encode('last part'));
			controller.close();
		},
	};
}

describeRoute('files/list_folder', () => emu, () => {
	it('a team member lists the home folder by default and the team space with a root Path-Root', async () => {
		const account = (await client(emu, member.access_token).usersGetCurrentAccount()).result;
		const rootId = account.root_info.root_namespace_id;
		const home = client(emu, member.access_token);
		await home.filesUpload({ path: '/member-file.txt', contents: 'mine' });
		expect((await home.filesListFolder({ path: '' })).result.entries.map((e) => e.path_display)).toEqual(['/member-file.txt']);

		const space = client(emu, member.access_token, JSON.stringify({ '.tag': 'root', root: rootId }));
		const listing = (await space.filesListFolder({ path: '', recursive: true })).result.entries.map((e) => e.path_display);
		const memberFolder = (account.root_info as { home_path: string }).home_path;
		expect(listing).toEqual([memberFolder, `${memberFolder}/member-file.txt`]);

		const wrong = await sdkFailure(client(emu, member.access_token, JSON.stringify({ '.tag': 'root', root: '1' })).filesListFolder({ path: '' }));
		expect(wrong.status).toBe(422);
		expect(wrong.error.error).toMatchObject({ '.tag': 'invalid_root', invalid_root: { '.tag': 'team', root_namespace_id: rootId } });
		const foreign = await sdkFailure(client(emu, emu.demo.access_token, JSON.stringify({ '.tag': 'namespace_id', namespace_id: rootId })).filesListFolder({ path: '' }));
		expect(foreign.status).toBe(422);
		expect(foreign.error.error_summary).toEqual(summary('no_permission'));
	});
});

describeRoute('files/upload', () => emu, () => {
	it('overlapping writes to one namespace: upload answers path/too_many_write_operations, RPC writes 429 + Retry-After', async () => {
		const held = Array.from({ length: MAX_CONCURRENT_WRITES }, (_, i) => heldUpload(`/Contention/held-${i}.txt`));
		// Until both held uploads have reached the emulator, a probe write still gets through.
		let rpc = await sdkFailure(client(emu).filesCreateFolderV2({ path: '/Contention/folder' })).catch(() => undefined);
		for (let i = 0; !rpc && i < 200; i++) {
			await client(emu).filesDeleteV2({ path: '/Contention/folder' }).catch(() => undefined);
			await new Promise((r) => setTimeout(r, 20));
			rpc = await sdkFailure(client(emu).filesCreateFolderV2({ path: '/Contention/folder' })).catch(() => undefined);
		}
		if (!rpc) throw new Error('the held uploads never took their write places');
		expect(rpc.status).toBe(429);
		expect(rpc.error.error).toEqual({ reason: { '.tag': 'too_many_write_operations' }, retry_after: 1 });
		expect(rpc.headers.get('retry-after')).toBe('1');

		const upload = await sdkFailure(client(emu).filesUpload({ path: '/Contention/third.txt', contents: 'x' }));
		expect(upload.status).toBe(409);
		expect(upload.error.error_summary).toEqual(summary('path/too_many_write_operations'));
		held.forEach((h) => h.finish());
		const answers = await Promise.all(held.map((h) => h.done));
		expect(answers.map((a) => a.status)).toEqual(Array(MAX_CONCURRENT_WRITES).fill(200));
		await client(emu).filesCreateFolderV2({ path: '/Contention/after' });
	});
});
