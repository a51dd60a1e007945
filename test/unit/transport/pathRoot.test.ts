import { pathRootHeader } from '../../../nodes/shared/transport/pathRoot';
import { pathRootValue } from '../../../nodes/shared/transport/space';
import { fakeSession, routeOf, type FakeAnswer } from './session.fixture';

const account = (rootNamespaceId: string): FakeAnswer => ({
	statusCode: 200,
	body: JSON.stringify({ account_id: 'dbid:1', root_info: { root_namespace_id: rootNamespaceId } }),
});

describe('path root (Space)', () => {
	it("sends no header for the member's own folder, and looks nothing up", async () => {
		const { session, sent, credentialReads } = fakeSession({});
		expect(await pathRootHeader(session, { kind: 'own' })).toEqual({});
		expect(await pathRootHeader(session, undefined)).toEqual({});
		expect(sent).toHaveLength(0);
		expect(credentialReads).toHaveLength(0);
	});

	it("roots at the team space with the account's root namespace, looked up once per session", async () => {
		const { session, sent, credentialReads } = fakeSession({ answer: () => account('7001') });
		const headers = await Promise.all([1, 2, 3].map(async () => await pathRootHeader(session, { kind: 'team' })));
		for (const header of headers) {
			expect(JSON.parse(header['Dropbox-API-Path-Root'])).toEqual({ '.tag': 'root', root: '7001' });
		}
		expect(sent.map(routeOf)).toEqual(['users/get_current_account']);
		// The lookup is an RPC without an argument: its body is JSON null, as Dropbox requires.
		expect(sent[0].body).toBe('null');
		expect(sent[0].headers).toMatchObject({ 'Content-Type': 'application/json' });
		await pathRootHeader(session, { kind: 'namespace', namespaceId: '5' });
		expect(credentialReads).toHaveLength(1);

		const other = fakeSession({ answer: () => account('7001') });
		await pathRootHeader(other.session, { kind: 'team' });
		expect(other.sent).toHaveLength(1);
	});

	it('does not keep a failed lookup: the next call asks again', async () => {
		const { session, sent } = fakeSession({
			answer: (_request, index) =>
				index === 0
					? { statusCode: 409, body: '{"error_summary":"other/..","error":{".tag":"other"}}' }
					: account('42'),
		});
		await expect(pathRootHeader(session, { kind: 'team' })).rejects.toThrow(/other/);
		expect(await pathRootHeader(session, { kind: 'team' })).toEqual({
			'Dropbox-API-Path-Root': '{".tag":"root","root":"42"}',
		});
		expect(sent).toHaveLength(2);
	});

	it('does not keep a failed credential read either (a trigger lives for days)', async () => {
		let reads = 0;
		const { session } = fakeSession({
			credentialRead: async () => {
				reads++;
				if (reads === 1) throw new Error('credential store unavailable');
				return { accessType: 'full' };
			},
		});
		const space = { kind: 'namespace', namespaceId: '5' } as const;
		await expect(pathRootHeader(session, space)).rejects.toThrow('credential store unavailable');
		expect(await pathRootHeader(session, space)).toEqual({
			'Dropbox-API-Path-Root': '{".tag":"namespace_id","namespace_id":"5"}',
		});
		expect(reads).toBe(2);
	});

	it('roots at a shared folder by namespace ID without a lookup', async () => {
		const { session, sent } = fakeSession({});
		const header = await pathRootHeader(session, { kind: 'namespace', namespaceId: '123' });
		expect(header).toEqual({ 'Dropbox-API-Path-Root': '{".tag":"namespace_id","namespace_id":"123"}' });
		expect(sent).toHaveLength(0);
	});

	it('never sends (or looks up) a path root for an app-folder app: it says why instead', async () => {
		const { session, sent, credentialReads } = fakeSession({ accessType: 'appFolder' });
		await expect(pathRootHeader(session, { kind: 'team' })).rejects.toThrow(/app-folder/);
		expect(sent).toHaveLength(0);
		expect(credentialReads).toEqual(['dropboxSuiteAppApi']);
	});

	it('builds the header values', () => {
		expect(pathRootValue({ kind: 'own' })).toBeUndefined();
		expect(pathRootValue({ kind: 'team' }, '9')).toEqual({ '.tag': 'root', root: '9' });
		expect(() => pathRootValue({ kind: 'team' })).toThrow();
	});
});
