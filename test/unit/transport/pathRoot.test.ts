import type { DropboxContext } from '../../../nodes/Dropbox/transport/context';
import { pathRootHeader } from '../../../nodes/Dropbox/transport/pathRoot';
import { pathRootValue } from '../../../nodes/Dropbox/transport/space';
import { dropboxNode } from './node.fixture';

function fakeContext(accessType: 'full' | 'appFolder', authentication = 'oAuth2') {
	const node = dropboxNode({ authentication });
	const requestedCredentials: string[] = [];
	const ctx = {
		getNode: () => node,
		getCredentials: async (type: string) => {
			requestedCredentials.push(type);
			return { accessType };
		},
	} as unknown as DropboxContext;
	return { ctx, requestedCredentials };
}

describe('path root (Space)', () => {
	it('sends no header for the member\'s own folder', async () => {
		const { ctx } = fakeContext('full');
		const lookup = jest.fn();
		expect(await pathRootHeader(ctx, { kind: 'own' }, lookup)).toEqual({});
		expect(await pathRootHeader(ctx, undefined, lookup)).toEqual({});
		expect(lookup).not.toHaveBeenCalled();
	});

	it('roots at the team space with the account\'s root namespace, looked up once per execution context', async () => {
		const { ctx, requestedCredentials } = fakeContext('full');
		const lookup = jest.fn(async () => '7001');
		const headers = await Promise.all([1, 2, 3].map(async () => await pathRootHeader(ctx, { kind: 'team' }, lookup)));
		for (const header of headers) {
			expect(JSON.parse(header['Dropbox-API-Path-Root'])).toEqual({ '.tag': 'root', root: '7001' });
		}
		expect(lookup).toHaveBeenCalledTimes(1);
		// The access type is read from the credential once per execution too.
		await pathRootHeader(ctx, { kind: 'namespace', namespaceId: '5' }, lookup);
		expect(requestedCredentials).toHaveLength(1);

		const other = fakeContext('full');
		await pathRootHeader(other.ctx, { kind: 'team' }, lookup);
		expect(lookup).toHaveBeenCalledTimes(2);
	});

	it('does not keep a failed lookup: the next call tries again', async () => {
		const { ctx } = fakeContext('full');
		const lookup = jest.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValueOnce('42');
		await expect(pathRootHeader(ctx, { kind: 'team' }, lookup)).rejects.toThrow('down');
		expect(await pathRootHeader(ctx, { kind: 'team' }, lookup)).toEqual({
			'Dropbox-API-Path-Root': '{".tag":"root","root":"42"}',
		});
	});

	it('roots at a shared folder by namespace ID without a lookup', async () => {
		const { ctx } = fakeContext('full', 'appApi');
		const lookup = jest.fn();
		const header = await pathRootHeader(ctx, { kind: 'namespace', namespaceId: '123' }, lookup);
		expect(header).toEqual({ 'Dropbox-API-Path-Root': '{".tag":"namespace_id","namespace_id":"123"}' });
		expect(lookup).not.toHaveBeenCalled();
	});

	it('never sends (or looks up) a path root for an app-folder app: it says why instead', async () => {
		const { ctx, requestedCredentials } = fakeContext('appFolder', 'appApi');
		const lookup = jest.fn();
		await expect(pathRootHeader(ctx, { kind: 'team' }, lookup)).rejects.toThrow(/app-folder/);
		expect(lookup).not.toHaveBeenCalled();
		expect(requestedCredentials).toEqual(['dropboxToolkitAppApi']);
	});

	it('builds the header values', () => {
		expect(pathRootValue({ kind: 'own' })).toBeUndefined();
		expect(pathRootValue({ kind: 'team' }, '9')).toEqual({ '.tag': 'root', root: '9' });
		expect(() => pathRootValue({ kind: 'team' })).toThrow();
	});
});
