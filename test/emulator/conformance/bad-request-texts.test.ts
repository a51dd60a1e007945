/**
 * Every way the emulator answers 400 to an API call, side by side: each is plain text in Dropbox's form
 * `Error in call to API function "<route>": <what is wrong>`, the route being the one called.
 */
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import { basic, bearer, rawCall } from '../../support/raw-http';

let emu: TestEmulator;
beforeAll(async () => {
	emu = await startTestEmulator();
});
afterAll(() => emu.stop());

const API = 'https://api.dropboxapi.com/2';
const CONTENT = 'https://content.dropboxapi.com/2';
const NOTIFY = 'https://notify.dropboxapi.com/2';

interface Case {
	name: string;
	route: string;
	call: () => ReturnType<typeof rawCall>;
}

const token = () => emu.demo.access_token;
let rootNamespace = '';
beforeAll(async () => {
	const account = await rawCall(`${API}/users/get_current_account`, { headers: bearer(token()) });
	rootNamespace = account.json<{ root_info: { root_namespace_id: string } }>().root_info.root_namespace_id;
});
const rpc = (route: string, body: string, headers: Record<string, string> = {}) =>
	rawCall(`${API}/${route}`, { headers: { ...bearer(token()), 'Content-Type': 'application/json', ...headers }, body });
const content = (route: string, arg: unknown, headers: Record<string, string> = {}, body?: string) =>
	rawCall(`${CONTENT}/${route}`, { headers: { ...bearer(token()), 'Dropbox-API-Arg': JSON.stringify(arg), ...headers }, body });

const cases: Case[] = [
	{ name: 'an unknown function', route: 'files/no_such_route', call: () => rpc('files/no_such_route', '{}') },
	{ name: 'a route on the wrong host', route: 'files/download_zip', call: () => rawCall(`${API}/files/download_zip`, { headers: { ...bearer(token()), 'Dropbox-API-Arg': '{"path":"/x"}' } }) },
	{ name: 'a team route', route: 'team/get_info', call: () => rpc('team/get_info', 'null') },
	{ name: 'a body that is not JSON', route: 'files/upload_session/finish_batch_v2', call: () => rpc('files/upload_session/finish_batch_v2', '{"entries":') },
	{ name: 'a wrong RPC Content-Type', route: 'files/upload_session/finish_batch/check', call: () => rpc('files/upload_session/finish_batch/check', '{}', { 'Content-Type': 'text/plain' }) },
	{ name: 'no Authorization', route: 'files/list_folder', call: () => rawCall(`${API}/files/list_folder`, { headers: { 'Content-Type': 'application/json' }, body: '{"path":""}' }) },
	{ name: 'a malformed Authorization', route: 'files/list_folder', call: () => rpc('files/list_folder', '{"path":""}', { Authorization: 'Token abc' }) },
	{ name: 'Basic auth on a user route', route: 'files/get_metadata', call: () => rpc('files/get_metadata', '{"path":"/x"}', basic('key', 'secret')) },
	{ name: 'an Authorization header on the notify host', route: 'files/list_folder/longpoll', call: () => rawCall(`${NOTIFY}/files/list_folder/longpoll`, { headers: { ...bearer(token()), 'Content-Type': 'application/json' }, body: '{"cursor":"x"}' }) },
	{ name: 'an argument against the spec', route: 'files/upload_session/finish_batch_v2', call: () => rpc('files/upload_session/finish_batch_v2', '{"entries":[{}]}') },
	{ name: 'more than 1000 batch entries', route: 'files/upload_session/finish_batch_v2', call: () => rpc('files/upload_session/finish_batch_v2', JSON.stringify({ entries: Array.from({ length: 1001 }, () => ({ cursor: { session_id: 's', offset: 0 }, commit: { path: '/x' } })) })) },
	{ name: 'a download with a body', route: 'files/download_zip', call: () => content('files/download_zip', { path: '/Photos' }, { 'Content-Type': 'application/json' }, '{}') },
	{ name: 'a download without an argument', route: 'files/download', call: () => rawCall(`${CONTENT}/files/download`, { headers: bearer(token()) }) },
	{ name: 'an upload with a wrong Content-Type', route: 'files/upload_session/append_v2', call: () => content('files/upload_session/append_v2', { cursor: { session_id: 's', offset: 0 } }, { 'Content-Type': 'application/json' }, 'x') },
	{ name: 'a Dropbox-API-Arg that is not JSON', route: 'files/download_zip', call: () => rawCall(`${CONTENT}/files/download_zip`, { headers: { ...bearer(token()), 'Dropbox-API-Arg': '{path' } }) },
	{ name: 'a malformed Dropbox-API-Path-Root', route: 'files/download_zip', call: () => content('files/download_zip', { path: '/Photos' }, { 'Dropbox-API-Path-Root': '{' }) },
	{ name: 'the root folder to download_zip', route: 'files/download_zip', call: () => content('files/download_zip', { path: `ns:${rootNamespace}` }) },
	{ name: 'list_folder of "/"', route: 'files/list_folder', call: () => rpc('files/list_folder', '{"path":"/"}') },
	{ name: 'get_metadata of the root', route: 'files/get_metadata', call: () => rpc('files/get_metadata', '{"path":""}') },
	{ name: 'a string that is not a cursor', route: 'files/list_folder/continue', call: () => rpc('files/list_folder/continue', '{"cursor":"not a cursor"}') },
];

describe('400 answers', () => {
	it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, { route, call }) => {
		const answer = await call();
		expect(answer.status).toBe(400);
		expect(answer.headers['content-type']).toMatch(/^text\/plain/);
		expect(answer.text.startsWith(`Error in call to API function "${route}": `)).toBe(true);
		expect(answer.text.length).toBeGreaterThan(`Error in call to API function "${route}": `.length);
	});

	it('an injected 400 fault too', async () => {
		await emu.admin('POST', '/faults', { route: 'files/download_zip', kind: 'status', status: 400 });
		const answer = await content('files/download_zip', { path: '/Photos' });
		expect([answer.status, answer.text]).toEqual([400, 'Error in call to API function "files/download_zip": injected fault']);
	});
});
