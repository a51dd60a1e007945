import type { INode } from 'n8n-workflow';

/** A Dropbox Toolkit node as the transport sees it through `ctx.getNode()`. */
export function dropboxNode(parameters: INode['parameters'] = {}, credentials?: INode['credentials']): INode {
	return {
		id: '1',
		name: 'Dropbox Toolkit',
		type: 'n8n-nodes-dropbox-toolkit.dropboxToolkit',
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials,
	};
}
