import { Dropbox } from 'dropbox';
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import type { AccountCredentials } from '../accounts/credentials';
import { describeRoute } from './describe-route';
import { sdkFailure } from './sdk-support';
import { summary } from './summary';

let emu: TestEmulator;
let teamMember: AccountCredentials;
beforeAll(async () => {
	emu = await startTestEmulator();
	teamMember = await emu.admin<AccountCredentials>('POST', '/accounts', { team: true, quota_bytes: 5_000_000 });
});
afterAll(() => emu.stop());

const demoClient = () => new Dropbox({ accessToken: emu.demo.access_token });
/** A well-formed account id (40 characters) that no account has. */
const UNKNOWN_ACCOUNT_ID = `dbid:AA${'x'.repeat(33)}`;

describeRoute('users/get_current_account', () => emu, () => {
	it('describes a personal account (FullAccount, root_info user)', async () => {
		const { result } = await demoClient().usersGetCurrentAccount();
		expect(result).toMatchObject({
			account_id: emu.demo.account_id,
			email: 'demo@example.com',
			email_verified: true,
			disabled: false,
			is_paired: false,
			locale: 'en',
			name: { given_name: 'Demo', surname: 'User', familiar_name: 'Demo', display_name: 'Demo User', abbreviated_name: 'DU' },
			account_type: { '.tag': 'basic' },
			root_info: { '.tag': 'user' },
		});
		expect(result.root_info.root_namespace_id).toBe(result.root_info.home_namespace_id);
		expect(result.team).toBeUndefined();
	});

	it('describes a team member: a team root distinct from the home namespace, and the member folder', async () => {
		const { result } = await new Dropbox({ accessToken: teamMember.access_token }).usersGetCurrentAccount();
		expect(result.account_type['.tag']).toBe('business');
		expect(result.root_info['.tag']).toBe('team');
		expect(result.root_info.root_namespace_id).not.toBe(result.root_info.home_namespace_id);
		expect((result.root_info as { home_path: string }).home_path).toBe(`/${result.name.display_name}`);
		expect(result.team?.id).toMatch(/^dbtid:/);
		expect(result.team_member_id).toMatch(/^dbmid:/);
	});
});

describeRoute('users/get_space_usage', () => emu, () => {
	it('reports the bytes stored and the quota', async () => {
		const dbx = new Dropbox({ accessToken: teamMember.access_token });
		const before = (await dbx.usersGetSpaceUsage()).result;
		await emu.admin('POST', '/files', { account_id: teamMember.account_id, path: '/usage.bin', size: 1234 });
		const after = (await dbx.usersGetSpaceUsage()).result;
		expect(after.used - before.used).toBe(1234);
		expect(after.allocation).toMatchObject({ '.tag': 'team', allocated: 5_000_000 });
	});

	it('shows an individual allocation for a personal account', async () => {
		const { result } = await demoClient().usersGetSpaceUsage();
		expect(result.allocation).toEqual({ '.tag': 'individual', allocated: 2 * 1024 ** 3 });
		expect(result.used).toBeGreaterThan(0); // the demo files
	});
});

describeRoute('users/get_account', () => emu, () => {
	it('describes another account (BasicAccount)', async () => {
		const { result } = await demoClient().usersGetAccount({ account_id: teamMember.account_id });
		expect(result).toMatchObject({ account_id: teamMember.account_id, is_teammate: false, disabled: false });
		expect(result.name.display_name).toBeTruthy();
	});

	it('answers 409 no_account for an unknown account id', async () => {
		const error = await sdkFailure(demoClient().usersGetAccount({ account_id: UNKNOWN_ACCOUNT_ID }));
		expect(error.status).toBe(409);
		expect(error.error).toEqual({ error_summary: summary('no_account'), error: { '.tag': 'no_account' } });
	});
});

describeRoute('users/get_account_batch', () => emu, () => {
	it('describes several accounts in order', async () => {
		const ids = [teamMember.account_id, emu.demo.account_id];
		const { result } = await demoClient().usersGetAccountBatch({ account_ids: ids });
		expect(result.map((a) => a.account_id)).toEqual(ids);
	});

	it('names the unknown account in no_account', async () => {
		const error = await sdkFailure(demoClient().usersGetAccountBatch({ account_ids: [emu.demo.account_id, UNKNOWN_ACCOUNT_ID] }));
		expect(error.status).toBe(409);
		expect(error.error.error).toEqual({ '.tag': 'no_account', no_account: UNKNOWN_ACCOUNT_ID });
	});
});

describeRoute('users/features/get_values', () => emu, () => {
	it('answers one value per feature asked', async () => {
		const { result } = await demoClient().usersFeaturesGetValues({
			features: [{ '.tag': 'paper_as_files' }, { '.tag': 'file_locking' }],
		});
		expect(result.values).toEqual([
			{ '.tag': 'paper_as_files', paper_as_files: { '.tag': 'enabled', enabled: true } },
			{ '.tag': 'file_locking', file_locking: { '.tag': 'enabled', enabled: false } },
		]);
	});

	it('refuses an empty list with empty_features_list', async () => {
		const error = await sdkFailure(demoClient().usersFeaturesGetValues({ features: [] }));
		expect(error.status).toBe(409);
		expect(error.error.error_summary).toEqual(summary('empty_features_list'));
	});
});
