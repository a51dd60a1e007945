import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';

import { FakeKeyApi } from './fake-credentials';
import { FakeHttpNode } from './fake-http.node';
import { binaryInput, getHarnessEnvironment, runNode } from './index';
import { LocalHttpServer } from './local-http-server';

describe('runNode with binary data', () => {
	let server: LocalHttpServer;

	beforeAll(async () => {
		server = await LocalHttpServer.start((request, response) => {
			// Echo the upload back reversed, so a passed-through buffer cannot fake the round trip.
			response.writeHead(200, { 'content-type': 'application/octet-stream' });
			response.end(Buffer.from(request.body).reverse());
		});
	});
	afterAll(async () => await server.stop());

	it('stores inputs in the filesystem BinaryDataService and round-trips getBinaryStream → prepareBinaryData(stream)', async () => {
		const content = randomBytes(300 * 1024);
		const result = await runNode({
			nodeType: new FakeHttpNode(),
			parameters: { operation: 'echoBinary', url: `${server.url}/echo` },
			credentials: { fakeKeyApi: { id: 'k', name: 'Key', data: { apiKey: 'x' } } },
			credentialTypes: [new FakeKeyApi()],
			inputItems: [{ json: {}, binary: { data: binaryInput(content, 'photo.bin') } }],
		});

		expect(result.error).toBeUndefined();
		const emitted = result.runData['Emit Items'][0].data!.main[0]![0].binary!.data;
		expect(emitted.id).toMatch(/^filesystem-v2:/);
		expect(server.requestsTo('/echo')[0].body.equals(content)).toBe(true);

		const echoed = result.items[0].binary!.data;
		expect(echoed.id).toMatch(/^filesystem-v2:/);
		expect(echoed.fileName).toBe('echo-photo.bin');
		expect(echoed.bytes).toBe(content.length);
		expect((await result.readBinary(echoed)).equals(Buffer.from(content).reverse())).toBe(true);
		expect(result.items[0].json).toEqual({ sentBytes: content.length });

		const { binaryDataService, rootDir } = await getHarnessEnvironment();
		const onDisk = binaryDataService.getPath(echoed.id!);
		expect(onDisk.startsWith(rootDir)).toBe(true);
		expect(existsSync(onDisk)).toBe(true);
	});

	it('fails the item clearly when the binary property is missing', async () => {
		const result = await runNode({
			nodeType: new FakeHttpNode(),
			parameters: { operation: 'echoBinary', url: `${server.url}/echo`, binaryPropertyName: 'other' },
			credentials: { fakeKeyApi: { id: 'k', name: 'Key', data: { apiKey: 'x' } } },
			credentialTypes: [new FakeKeyApi()],
			inputItems: [{ json: {}, binary: { data: binaryInput('hello', 'a.txt', 'text/plain') } }],
			continueOnFail: true,
		});

		expect(result.items[0].json.error).toMatch(/other/);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});
});
