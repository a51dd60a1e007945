import { FakeKeyApi } from './fake-credentials';
import { FakeHttpNode } from './fake-http.node';
import { assertPairedItems, runNode } from './index';
import { LocalHttpServer, sendJson } from './local-http-server';

describe('runNode', () => {
	let server: LocalHttpServer;

	beforeAll(async () => {
		server = await LocalHttpServer.start((request, response) => {
			if (request.path.startsWith('/fail')) return sendJson(response, 500, { message: 'boom' });
			sendJson(response, 200, { path: request.path, authorization: request.headers.authorization });
		});
	});
	afterAll(async () => await server.stop());

	const keyCredential = {
		fakeKeyApi: { id: 'key-1', name: 'Key', data: { apiKey: 'secret-key' } },
	};

	it('runs the node in WorkflowExecute and signs the request with a generic authenticate', async () => {
		const result = await runNode({
			nodeType: new FakeHttpNode(),
			parameters: { url: `${server.url}/items` },
			credentials: keyCredential,
			credentialTypes: [new FakeKeyApi()],
			inputItems: [{ json: { n: 1 } }, { json: { n: 2 } }],
		});

		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		// The expression in the credential's header and the type's default region both apply.
		expect(result.items.map((item) => item.json)).toEqual([
			{ path: '/items?region=eu', authorization: 'Key secret-key' },
			{ path: '/items?region=eu', authorization: 'Key secret-key' },
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.nodeOutput[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(server.requestsTo('/items')).toHaveLength(2);
		expect(Object.keys(result.runData)).toEqual(['Emit Items', 'Fake HTTP']);
	});

	it('returns the execution error when the node fails without Continue On Fail', async () => {
		const result = await runNode({
			nodeType: new FakeHttpNode(),
			parameters: { url: `${server.url}/fail` },
			credentials: keyCredential,
			credentialTypes: [new FakeKeyApi()],
		});

		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({ httpCode: '500', description: 'boom' });
		expect(result.nodeError?.message).toBe(result.error?.message);
		expect(result.items).toEqual([]);
	});

	it('keeps the node going under Continue On Fail, one paired error item per failed item', async () => {
		const result = await runNode({
			nodeType: new FakeHttpNode(),
			parameters: { url: `={{ $json.ok ? "${server.url}/fine" : "${server.url}/fail" }}` },
			credentials: keyCredential,
			credentialTypes: [new FakeKeyApi()],
			inputItems: [{ json: { ok: true } }, { json: { ok: false } }, { json: { ok: true } }],
			continueOnFail: true,
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(result.items[0].json.path).toBe('/fine?region=eu');
		expect(result.items[1].json.error).toEqual(expect.any(String));
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
		assertPairedItems(result.nodeOutput[0], 3);
	});

	it('resolves expressions stored in credential data, as n8n does when decrypting', async () => {
		const result = await runNode({
			nodeType: new FakeHttpNode(),
			parameters: { url: `${server.url}/items` },
			credentials: { fakeKeyApi: { id: 'key-2', name: 'Key', data: { apiKey: '={{ "k-" + (40 + 2) }}', region: 'us' } } },
			credentialTypes: [new FakeKeyApi()],
		});

		expect(result.items[0].json).toEqual({ path: '/items?region=us', authorization: 'Key k-42' });
	});

	it('reports a missing credential as n8n does', async () => {
		const result = await runNode({
			nodeType: new FakeHttpNode(),
			parameters: { url: `${server.url}/items` },
			credentialTypes: [new FakeKeyApi()],
		});

		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/credentials/i);
	});
});
