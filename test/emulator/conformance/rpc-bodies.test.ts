/**
 * RPC bodies as strictly as Dropbox takes them: JSON under one of three Content-Types; a route without
 * arguments takes `null`, or no body and no Content-Type at all. A form post (even an empty one) and a
 * JSON Content-Type with an empty body are 400s. Plain HTTP: the SDK always sends the right thing.
 */
import { Dropbox } from 'dropbox';
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import { bearer, rawCall } from '../../support/raw-http';

let emu: TestEmulator;
beforeAll(async () => {
	emu = await startTestEmulator();
});
afterAll(() => emu.stop());

const API = 'https://api.dropboxapi.com/2';
const JSON_TYPES = '"application/json", "application/json; charset=utf-8", "text/plain; charset=dropbox-cors-hack"';

function post(route: string, headers: Record<string, string>, body?: string) {
	return rawCall(`${API}/${route}`, { headers: { ...bearer(emu.demo.access_token), ...headers }, body });
}

describe('a form post to an RPC route', () => {
	// What n8n 2.41's own Dropbox node sends for full-access credentials: a form post with no body.
	it('is refused with Dropbox\'s 400 text even without a body', async () => {
		const answer = await post('users/get_current_account', { 'Content-Type': 'application/x-www-form-urlencoded' });
		expect(answer.status).toBe(400);
		expect(answer.headers['content-type']).toMatch(/^text\/plain/);
		expect(answer.text).toBe(
			'Error in call to API function "users/get_current_account": Bad HTTP "Content-Type" header: ' +
				`"application/x-www-form-urlencoded".  Expecting one of ${JSON_TYPES}.`,
		);
	});

	it('is refused with a body too, on a route that takes arguments', async () => {
		const answer = await post('files/get_metadata', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'path=%2FPhotos');
		expect(answer.status).toBe(400);
		expect(answer.text).toBe(
			'Error in call to API function "files/get_metadata": Bad HTTP "Content-Type" header: ' +
				`"application/x-www-form-urlencoded".  Expecting one of ${JSON_TYPES}.`,
		);
	});
});

describe('an empty body', () => {
	it('under a JSON Content-Type is not JSON, even for a route without arguments', async () => {
		for (const route of ['users/get_current_account', 'files/get_metadata']) {
			const answer = await post(route, { 'Content-Type': 'application/json' }, '');
			expect([answer.status, answer.text]).toEqual([400, `Error in call to API function "${route}": request body: could not decode input as JSON`]);
		}
	});

	it('with no Content-Type at all is how a route without arguments is called', async () => {
		const answer = await post('users/get_current_account', {});
		expect(answer.status).toBe(200);
		expect(answer.json()).toMatchObject({ account_id: emu.demo.account_id });
	});

	it('with no Content-Type is still refused where the route needs arguments', async () => {
		const answer = await post('files/get_metadata', {});
		expect(answer.status).toBe(400);
		expect(answer.text).toMatch(/^Error in call to API function "files\/get_metadata": Bad HTTP "Content-Type" header: ""\./);
	});
});

describe('what is accepted', () => {
	it('`null` under each of the three JSON Content-Types, for a route without arguments', async () => {
		for (const type of ['application/json', 'application/json; charset=utf-8', 'text/plain; charset=dropbox-cors-hack']) {
			const answer = await post('users/get_current_account', { 'Content-Type': type }, 'null');
			expect([type, answer.status]).toEqual([type, 200]);
		}
	});

	it('the official SDK (no body and no Content-Type for a route without arguments)', async () => {
		const { result } = await new Dropbox({ accessToken: emu.demo.access_token }).usersGetCurrentAccount();
		expect(result.account_id).toBe(emu.demo.account_id);
	});
});
