import type {
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { Readable } from 'node:stream';

/**
 * A node for the harness's own tests: per item it calls `url` through
 * httpRequestWithAuthentication ("request"), or sends the item's binary there and stores
 * the streamed answer as a new binary ("echoBinary"). Errors become error items under
 * Continue On Fail, as our router does.
 */
export class FakeHttpNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fake HTTP',
		name: 'fakeHttp',
		group: ['transform'],
		version: [1, 2],
		description: 'Calls a local test server',
		defaults: { name: 'Fake HTTP' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'fakeKeyApi', required: true, displayOptions: { show: { authentication: ['key'] } } },
			{ name: 'fakeOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
			{ name: 'fakeSessionApi', required: true, displayOptions: { show: { authentication: ['session'] } } },
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'Key', value: 'key' },
					{ name: 'OAuth2', value: 'oAuth2' },
					{ name: 'Session', value: 'session' },
				],
				default: 'key',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				options: [
					{ name: 'Request', value: 'request' },
					{ name: 'Echo Binary', value: 'echoBinary' },
				],
				default: 'request',
			},
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Binary Property', name: 'binaryPropertyName', type: 'string', default: 'data' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const returned: INodeExecutionData[] = [];
		const items = this.getInputData();
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const operation = this.getNodeParameter('operation', itemIndex) as string;
				const json =
					operation === 'echoBinary'
						? await echoBinary(this, itemIndex)
						: { json: await request(this, itemIndex) };
				returned.push({ ...json, pairedItem: { item: itemIndex } });
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				returned.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
			}
		}
		return [returned];
	}
}

function credentialType(context: IExecuteFunctions): string {
	const authentication = context.getNodeParameter('authentication', 0) as string;
	return { key: 'fakeKeyApi', oAuth2: 'fakeOAuth2Api', session: 'fakeSessionApi' }[authentication]!;
}

async function request(context: IExecuteFunctions, itemIndex: number) {
	const url = context.getNodeParameter('url', itemIndex) as string;
	if (url === '') throw new NodeOperationError(context.getNode(), 'URL is empty', { itemIndex });
	return await context.helpers.httpRequestWithAuthentication.call(context, credentialType(context), {
		url,
		method: context.getNodeParameter('method', itemIndex) as IHttpRequestMethods,
		json: true,
	});
}

async function echoBinary(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	const property = context.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const binary = context.helpers.assertBinaryData(itemIndex, property);
	const stream = await context.helpers.getBinaryStream(binary.id!, 1024);
	const sent = await context.helpers.binaryToBuffer(stream);
	const response = (await context.helpers.httpRequestWithAuthentication.call(context, credentialType(context), {
		url: context.getNodeParameter('url', itemIndex) as string,
		method: 'POST',
		body: sent,
		headers: { 'content-type': 'application/octet-stream' },
		encoding: 'stream',
	})) as Readable;
	const echoed = await context.helpers.prepareBinaryData(response, `echo-${binary.fileName}`);
	return { json: { sentBytes: sent.length }, binary: { [property]: echoed } };
}
