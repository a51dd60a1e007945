/**
 * Account → Get Space Usage through n8n-core against the emulator: Dropbox's own answer, unchanged, with the figures
 * a person reads added beside it, for an individual and a team account, and a missing scope explained.
 */
import type { AccountCredentials } from '../emulator/accounts/credentials';
import { assertPairedItems } from '../support/n8n';
import { runSuite, seed, useEmulator } from './file-ops.fixture';

const env = useEmulator();

const MIB = 1024 ** 2;
const spaceUsage = (account: AccountCredentials, extra = {}) =>
	runSuite(env.emulator, { resource: 'account', operation: 'getSpaceUsage' }, extra, account);

describe('account → getSpaceUsage', () => {
	it("reports an individual account's use against its quota, in bytes, GiB and percent", async () => {
		const account = await env.emulator.admin<AccountCredentials>('POST', '/accounts', { quota_bytes: 100 * MIB });
		await seed(env.emulator, '/a.bin', Buffer.alloc(MIB, 1), account.account_id);
		await env.emulator.admin('POST', '/files', { account_id: account.account_id, path: '/big.bin', size: 24 * MIB });
		const result = await spaceUsage(account);
		expect(result.error).toBeUndefined();
		assertPairedItems(result.nodeOutput[0]);
		expect(result.items[0].json).toEqual({
			used: 25 * MIB,
			allocation: { '.tag': 'individual', allocated: 100 * MIB },
			allocation_type: 'individual',
			quota: 'individual',
			used_gib: 0.02,
			allocated_gib: 0.1,
			free_bytes: 75 * MIB,
			free_gib: 0.07,
			used_percent: 25,
		});
	});

	it("reports a team account's use of the team's shared quota", async () => {
		const account = await env.emulator.admin<AccountCredentials>('POST', '/accounts', { team: true, quota_bytes: 1024 * MIB });
		await env.emulator.admin('POST', '/files', { account_id: account.account_id, path: '/team.bin', size: 256 * MIB });
		const result = await spaceUsage(account);
		expect(result.error).toBeUndefined();
		const json = result.items[0].json;
		expect(json.allocation).toMatchObject({ '.tag': 'team', used: 256 * MIB, allocated: 1024 * MIB });
		expect(json).toMatchObject({ used: 256 * MIB, allocation_type: 'team', quota: 'team', used_gib: 0.25, allocated_gib: 1, free_gib: 0.75, used_percent: 25 });
	});

	it('names the scope to enable when the app lacks it', async () => {
		const account = await env.emulator.admin<AccountCredentials>('POST', '/accounts', { scopes: ['files.metadata.read'] });
		const result = await spaceUsage(account);
		expect(result.error?.message).toMatch(/missing_scope/);
		expect(result.error?.description).toContain('"account_info.read"');
	});
});
