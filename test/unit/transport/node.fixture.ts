import type { INode } from 'n8n-workflow';

/** A Dropbox Suite node as the transport sees it through `ctx.getNode()`. */
export function dropboxNode(parameters: INode['parameters'] = {}, credentials?: INode['credentials']): INode {
	return {
		id: '1',
		name: 'Dropbox Suite',
		type: 'n8n-nodes-dropbox-suite.dropboxSuite',
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials,
	};
}
