/**
 * n8n loads each file listed in package.json's `n8n` block and instantiates the export named after the file
 * (`DropboxSuite.node.js` → class `DropboxSuite`): a mismatch makes n8n skip the whole package.
 */
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import type { ICredentialType, INodeType } from 'n8n-workflow';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	n8n: { nodes: string[]; credentials: string[] };
};

function loadListed(distPath: string, suffix: string): { className: string; instance: unknown } {
	const source = path.join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	const className = path.basename(distPath, suffix);
	const exported = (require(source) as Record<string, new () => unknown>)[className];
	expect(typeof exported).toBe('function');
	return { className, instance: new exported() };
}

describe('package.json n8n block', () => {
	it.each(manifest.n8n.nodes)('%s exports a node class named after its file', (file) => {
		const { instance } = loadListed(file, '.node.js');
		expect((instance as INodeType).description.name).toMatch(/^dropboxSuite/);
	});

	it.each(manifest.n8n.credentials)('%s exports a credential class named after its file', (file) => {
		const { className, instance } = loadListed(file, '.credentials.js');
		const credential = instance as ICredentialType;
		expect(credential.name.toLowerCase()).toBe(className.toLowerCase());
	});
});
