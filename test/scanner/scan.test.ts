/**
 * The local scan is only worth running if it can fail: a tiny package that passes both legs, then the same package
 * with one violation in its source and one in what its build ships.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const scanTool = path.join(__dirname, 'scan.mjs');

const manifest = {
	name: 'n8n-nodes-scan-fixture',
	version: '0.1.0',
	description: 'A package for the scan tool to fail on.',
	keywords: ['n8n-community-node-package'],
	license: 'MIT',
	homepage: 'https://github.com/n8n-nodes-dropbox-suite/n8n-nodes-dropbox-suite#readme',
	author: { name: 'Fixture', email: 'fixture@n8n-nodes-dropbox-suite.dev' },
	repository: { type: 'git', url: 'git+https://github.com/n8n-nodes-dropbox-suite/n8n-nodes-dropbox-suite.git' },
	files: ['dist'],
	scripts: { build: 'node build.js' },
	n8n: { n8nNodesApiVersion: 1, strict: true, credentials: [], nodes: ['dist/nodes/Fixture/helper.js'] },
	peerDependencies: { 'n8n-workflow': '*' },
};

function writeFixture(dir: string, body: string): void {
	fs.mkdirSync(path.join(dir, 'nodes/Fixture'), { recursive: true });
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
	// The scanner ignores inline disables; the directive proves that this tool does too.
	fs.writeFileSync(
		path.join(dir, 'nodes/Fixture/helper.ts'),
		`// eslint-disable-next-line no-console\n${body}\nexport const ready = true;\n`,
	);
	fs.writeFileSync(
		path.join(dir, 'build.js'),
		[
			"const fs = require('fs');",
			"fs.mkdirSync('dist/nodes/Fixture', { recursive: true });",
			`fs.writeFileSync('dist/nodes/Fixture/helper.js', ${JSON.stringify(`${body}\nexports.ready = true;\n`)});`,
		].join('\n'),
	);
}

function scan(dir: string): { status: number | null; output: string } {
	const result = spawnSync(process.execPath, [scanTool, '--dir', dir], { encoding: 'utf8' });
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('test/scanner/scan.mjs', () => {
	let dir: string;
	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-fixture-'));
	});
	afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('passes a package with nothing to report', () => {
		writeFixture(dir, 'export const label = "fixture";');
		const { status, output } = scan(dir);
		expect(output).toContain('scan source: pass');
		expect(output).toContain('scan tarball: pass');
		expect(status).toBe(0);
	});

	it('reports a violation in the source and in the packed build, one line each, and fails', () => {
		writeFixture(dir, 'console.log("fixture");');
		const { status, output } = scan(dir);
		expect(output).toContain('scan source: FAIL (1 error)');
		expect(output).toMatch(/^nodes\/Fixture\/helper\.ts:2 no-console /m);
		expect(output).toContain('scan tarball: FAIL (1 error)');
		expect(output).toMatch(/^package\/dist\/nodes\/Fixture\/helper\.js:1 no-console /m);
		expect(status).toBe(1);
	});
});
