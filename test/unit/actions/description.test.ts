import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Workflow, type INode, type INodeTypes } from 'n8n-workflow';

import { DropboxSuiteAppApi } from '../../../credentials/DropboxSuiteAppApi.credentials';
import { DropboxSuiteOAuth2Api } from '../../../credentials/DropboxSuiteOAuth2Api.credentials';
import { DropboxSuite } from '../../../nodes/DropboxSuite/DropboxSuite.node';

const root = path.resolve(__dirname, '../../..');
const description = new DropboxSuite().description;

/** Evaluates the subtitle as the editor does, with n8n's expression engine, for the given parameters. */
function subtitleFor(parameters: INode['parameters']): unknown {
	const node: INode = {
		id: '1',
		name: 'Dropbox Suite',
		type: 'n8n-nodes-dropbox-suite.dropboxSuite',
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const nodeTypes = {
		getByName: () => new DropboxSuite(),
		getByNameAndVersion: () => new DropboxSuite(),
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, description.subtitle!, 'internal', {});
}

/** GitHub's anchor for a Markdown heading. */
function anchorOf(heading: string): string {
	return heading
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s-]/gu, '')
		.trim()
		.replace(/\s/g, '-');
}

describe('the node as the editor shows it', () => {
	it('subtitles the node with the chosen operation\'s action text', () => {
		expect(subtitleFor({ resource: 'file', operation: 'get' })).toBe('Get file or folder metadata');
		expect(subtitleFor({ resource: 'account', operation: 'getCurrent' })).toBe('Get the current account');
	});

	it('puts Space with the path it qualifies, before the options', () => {
		const forGet = description.properties
			.filter(
				(property) =>
					property.displayOptions?.show?.resource?.includes('file') && property.displayOptions?.show?.operation?.includes('get'),
			)
			.map((property) => property.name);
		expect(forGet).toEqual(['space', 'namespace', 'path', 'options']);
		const namespace = description.properties.find((property) => property.name === 'namespace');
		expect(namespace?.displayOptions?.show).toEqual({ resource: ['file'], operation: ['get'], space: ['namespace'] });
		const forAccount = description.properties.filter((property) =>
			property.displayOptions?.show?.resource?.includes('account'),
		);
		expect(forAccount.map((property) => property.name)).toEqual(['operation']);
	});

	it('links documentation to sections of the README that exist', () => {
		const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
		const anchors = new Set(['readme', ...[...readme.matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchorOf(match[1]))]);
		const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { repository: { url: string } };
		const repository = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
		const codex = JSON.parse(readFileSync(path.join(root, 'nodes/DropboxSuite/DropboxSuite.node.json'), 'utf8')) as {
			resources: Record<string, Array<{ url: string }>>;
		};
		const links = [
			...Object.values(codex.resources).flat().map((resource) => resource.url),
			new DropboxSuiteOAuth2Api().documentationUrl,
			new DropboxSuiteAppApi().documentationUrl,
		];
		for (const link of links) {
			const [page, anchor] = link.split('#');
			expect({ link, page }).toEqual({ link, page: repository });
			expect({ link, exists: anchors.has(anchor) }).toEqual({ link, exists: true });
		}
	});
});
