/**
 * The playground's shell side, without installing anything: a long step shows what it does, how far along it is
 * and the expected total, with the step's own output in a log file that is named (and its end shown) on failure;
 * the README quotes the first-start figure the scripts print; and every variable the playground sets to keep n8n
 * off the internet is one that n8n 2.41.1 reads.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runtimeDir } from './support/n8n-instance';
import { OFFLINE_ENV } from './support/n8n-offline-env';

const REPO_ROOT = path.resolve(__dirname, '../..');
let scratch: string;

beforeAll(() => {
	scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-scripts-'));
});

afterAll(() => {
	fs.rmSync(scratch, { recursive: true, force: true });
});

/** Runs `script` in bash with test/e2e/step.sh sourced; progress every second. */
function bash(script: string) {
	const result = spawnSync('bash', ['-c', `set -euo pipefail; source test/e2e/step.sh; source test/e2e/expected-times.sh; ${script}`], {
		cwd: REPO_ROOT,
		env: { ...process.env, PLAYGROUND_PROGRESS_INTERVAL_S: '1' },
		encoding: 'utf8',
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

it('shows a long npm step as it goes: what runs, packages so far of the expected number, time of the expected total', () => {
	const log = path.join(scratch, 'npm.log');
	const fakeNpm = `for i in 1 2 3 4 5 6; do echo "npm http fetch GET 200 https://registry.npmjs.org/pkg$i/-/pkg$i-1.0.$i.tgz 5ms (cache miss)"; sleep 0.5; done`;
	const { code, stderr } = bash(`packages() { npm_progress "$1" 6; }; run_step "npm install demo" 3 ${log} packages -- bash -c '${fakeNpm}'`);
	expect(code).toBe(0);
	expect(stderr).toContain(`-> npm install demo (about 0:03); log: ${log}`);
	expect(stderr).toMatch(/ {3}\[0:0\d of about 0:03\] npm install demo: \d of about 6 packages downloaded \(last: pkg\d-1\.0\.\d\)/);
	expect(stderr).toMatch(/ {3}npm install demo: done in 0:0\d/);
	expect(fs.readFileSync(log, 'utf8').split('\n')).toHaveLength(7);
});

it('shows a compiler as its compile steps, and keeps its warnings in the log', () => {
	const log = path.join(scratch, 'gyp.log');
	fs.writeFileSync(log, '  CC(target) Release/obj.target/sqlite3/gen/sqlite3.o\nwarning: unused variable\n   | ^~~~\n');
	expect(bash(`compile_progress ${log} 9`).stdout.trim()).toBe('1 of about 9 compile steps (now: CC(target) sqlite3/gen/sqlite3.o)');
});

it('names the log of a step that fails and shows its end, not its whole output', () => {
	const log = path.join(scratch, 'failing.log');
	const { code, stderr } = bash(
		`run_step "compiling" 60 ${log} - -- bash -c 'for i in $(seq 150); do echo "warning $i"; done; echo "error: no compiler"; exit 3'`,
	);
	expect(code).toBe(3);
	expect(stderr).toMatch(new RegExp(`!! compiling failed \\(exit 3\\) after 0:0\\d; full log: ${log}`));
	expect(stderr).toContain('   | error: no compiler');
	expect(stderr).not.toContain('warning 100\n');
	expect(fs.readFileSync(log, 'utf8')).toContain('warning 100\n');
});

it('quotes in the README the first-start figure that the scripts print', () => {
	const { stdout } = bash('echo "$FIRST_RUN_TEXT"');
	expect(stdout.trim()).toMatch(/^about \d+ minutes/);
	expect(fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')).toContain(stdout.trim());
	expect(fs.readFileSync(path.join(REPO_ROOT, 'test/e2e/playground.sh'), 'utf8')).toContain('$FIRST_RUN_TEXT');
});

it('turns n8n off the internet only with variables that n8n 2.41.1 reads', () => {
	const names = new Set<string>();
	const collect = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const file = path.join(dir, entry.name);
			if (entry.isDirectory()) collect(file);
			else if (entry.name.endsWith('.js')) for (const [, name] of fs.readFileSync(file, 'utf8').matchAll(/Env\)\('([A-Z0-9_]+)'/g)) names.add(name);
		}
	};
	const modules = path.join(runtimeDir(), 'node_modules');
	for (const dir of ['@n8n/config/dist', '@n8n/backend-common/dist', 'n8n/dist']) collect(path.join(modules, dir));
	expect(Object.keys(OFFLINE_ENV).filter((name) => !names.has(name))).toEqual([]);
});
