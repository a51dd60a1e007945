import { Dropbox } from 'dropbox';
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import { describeRoute } from './describe-route';
import { sdkFailure } from './sdk-support';
import { summary } from './summary';

let emu: TestEmulator;
beforeAll(async () => {
	emu = await startTestEmulator();
});
afterAll(() => emu.stop());

describeRoute('check/user', () => emu, () => {
	it('echoes the query for a valid user token', async () => {
		const dbx = new Dropbox({ accessToken: emu.demo.access_token });
		expect((await dbx.checkUser({ query: 'ping – ü' })).result).toEqual({ result: 'ping – ü' });
	});

	it('echoes an empty string when no query is given (the spec default)', async () => {
		const dbx = new Dropbox({ accessToken: emu.demo.access_token });
		expect((await dbx.checkUser({})).result).toEqual({ result: '' });
	});

	it('answers 401 invalid_access_token for a token it never issued', async () => {
		const error = await sdkFailure(new Dropbox({ accessToken: 'sl.not-a-token' }).checkUser({ query: 'x' }));
		expect(error.status).toBe(401);
		expect(error.error).toEqual({ error_summary: summary('invalid_access_token'), error: { '.tag': 'invalid_access_token' } });
	});
});

describeRoute('check/app', () => emu, () => {
	it('echoes the query for the right app key and secret (Basic auth)', async () => {
		const dbx = new Dropbox({ clientId: emu.demo.app_key, clientSecret: emu.demo.app_secret });
		expect((await dbx.checkApp({ query: 'hello' })).result).toEqual({ result: 'hello' });
	});

	it('answers 401 for a wrong app secret', async () => {
		const dbx = new Dropbox({ clientId: emu.demo.app_key, clientSecret: 'wrong-secret' });
		const error = await sdkFailure(dbx.checkApp({ query: 'x' }));
		expect(error.status).toBe(401);
		expect(error.error.error_summary).toEqual(summary('invalid_access_token'));
	});
});
