#!/usr/bin/env node
/**
 * n8n's verification scan (@n8n/scan-community-package), run here without the registry or GitHub.
 *
 * The real scan downloads the published tarball and the source commit its provenance attests, then lints both.
 * Here the "source" leg lints the working tree and the "tarball" leg lints what `npm pack` makes of a fresh build.
 * Both go through the scanner's own `analyzePackage` (its ESLint config, file globs, inline-disable policy and
 * pass/fail rule), so a scanner upgrade changes what is checked here without anyone re-typing a rule list.
 *
 * Usage: node test/scanner/scan.mjs [source] [tarball] [--dir <package root>]
 * Prints one `file:line rule message` line per error and exits 1 if either leg would fail verification.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const scannerUrl = import.meta.resolve('@n8n/scan-community-package/scanner/scanner.mjs');
const scanner = await import(scannerUrl);
// Resolved from the scanner's own folder so that we hook the very instances it uses.
const fromScanner = createRequire(scannerUrl);
const { ESLint } = await import(pathToFileURL(fromScanner.resolve('eslint')).href);
// The scanner makes a temp folder on import and only removes it under graceful cleanup.
fromScanner('tmp').setGracefulCleanup();

// analyzePackageByName scans the tarball with this inline list; it exports the source patterns only.
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

/**
 * The scanner reports its findings only as a formatted text block, produced only when a leg fails; capture the
 * ESLint results it hands to the formatter instead so each finding can be printed on its own line.
 */
async function analyze(dir, patterns) {
	let captured;
	const loadFormatter = ESLint.prototype.loadFormatter;
	ESLint.prototype.loadFormatter = async () => ({
		format: (results) => {
			captured = results;
			return '';
		},
	});
	try {
		const verdict = await scanner.analyzePackage(dir, patterns);
		return { verdict, results: captured ?? [] };
	} finally {
		ESLint.prototype.loadFormatter = loadFormatter;
	}
}

function run(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
	if (result.error) throw result.error;
	return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

/**
 * What the publish workflow builds from a fresh clone: the files git would commit (tracked plus untracked but not
 * ignored), without the working tree's own dist/, which may hold output of files that no longer exist.
 */
function stageCleanCopy(root, stage) {
	const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
		cwd: root,
		encoding: 'utf8',
	});
	if (listed.status === 0) {
		for (const file of listed.stdout.split('\0').filter(Boolean)) {
			const from = path.join(root, file);
			if (!fs.existsSync(from)) continue;
			fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
			fs.copyFileSync(from, path.join(stage, file));
		}
	} else {
		const skipped = new Set(['node_modules', 'dist', '.git']);
		fs.cpSync(root, stage, {
			recursive: true,
			filter: (from) => path.relative(root, from).split(path.sep).every((part) => !skipped.has(part)),
		});
	}
	if (fs.existsSync(path.join(root, 'node_modules'))) {
		fs.symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
	}
}

async function sourceLeg(root) {
	const { verdict, results } = await analyze(root, scanner.SOURCE_FILE_PATTERNS);
	return { verdict, results, base: root, notes: [] };
}

async function tarballLeg(root) {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-scan-'));
	try {
		const stage = path.join(work, 'stage');
		const packed = path.join(work, 'packed');
		const unpacked = path.join(work, 'package');
		for (const dir of [stage, packed, unpacked]) fs.mkdirSync(dir);
		stageCleanCopy(root, stage);

		const notes = [];
		// tsc still emits when it reports errors, so a failed build is reported and what it produced is scanned.
		const build = run('npm', ['run', 'build'], stage);
		if (!build.ok) notes.push(`npm run build failed; scanning what it emitted:\n${build.output}`);
		const pack = run('npm', ['pack', '--pack-destination', packed], stage);
		if (!pack.ok) throw new Error(`npm pack failed:\n${pack.output}`);
		const tarball = fs.readdirSync(packed).find((file) => file.endsWith('.tgz'));
		const untar = run('tar', ['-xzf', path.join(packed, tarball), '-C', unpacked, '--strip-components=1'], work);
		if (!untar.ok) throw new Error(`tar failed:\n${untar.output}`);

		const { verdict, results } = await analyze(unpacked, TARBALL_FILE_PATTERNS);
		return { verdict, results, base: unpacked, shownAs: 'package', notes, buildFailed: !build.ok };
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

function report(name, leg, seconds) {
	const lines = [];
	for (const result of leg.results) {
		const relative = path.relative(leg.base, result.filePath);
		const file = leg.shownAs ? path.posix.join(leg.shownAs, relative) : relative;
		for (const message of result.messages.filter((m) => m.severity === 2 || m.fatal)) {
			const rule = message.ruleId ?? (message.fatal ? 'parse-error' : 'eslint');
			lines.push(`${file}:${message.line ?? 0} ${rule} ${message.message.replace(/\s+/g, ' ')}`);
		}
	}
	// A failed verdict whose findings were not captured (the scanner crashed, or changed how it reports) still fails.
	if (!leg.verdict.passed && lines.length === 0) {
		lines.push(`${leg.verdict.message ?? 'failed'}${leg.verdict.details ? `\n${leg.verdict.details}` : ''}`);
	}
	const failed = !leg.verdict.passed || leg.buildFailed;
	const status = failed ? `FAIL (${lines.length} error${lines.length === 1 ? '' : 's'})` : 'pass';
	console.log(`scan ${name}: ${status} in ${seconds.toFixed(1)} s`);
	for (const note of leg.notes) console.log(note);
	if (leg.verdict.passed && leg.verdict.message) console.log(leg.verdict.message);
	for (const line of lines) console.log(line);
	return failed;
}

const args = process.argv.slice(2);
const dirFlag = args.indexOf('--dir');
const root = path.resolve(dirFlag >= 0 ? args.splice(dirFlag, 2)[1] : path.join(import.meta.dirname, '../..'));
const unknown = args.filter((arg) => arg !== 'source' && arg !== 'tarball');
if (unknown.length > 0) {
	console.error(`unknown argument(s) ${unknown.join(' ')}; usage: scan.mjs [source] [tarball] [--dir <root>]`);
	process.exit(2);
}
const legs = args.length > 0 ? args : ['source', 'tarball'];

let failed = false;
for (const name of legs) {
	const started = performance.now();
	const leg = name === 'source' ? await sourceLeg(root) : await tarballLeg(root);
	failed = report(name, leg, (performance.now() - started) / 1000) || failed;
}
process.exit(failed ? 1 : 0);
