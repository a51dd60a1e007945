/** What the figures were measured on: they mean little without it. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';

export interface Machine {
	cpus: number;
	cpuModel: string;
	ramGiB: number;
	os: string;
	benchNode: string;
	n8nNode: string;
	n8nVersion: string;
	curl: string;
}

export function describeMachine(n8nNodeBinary: string, runtimeDir: string): Machine {
	const n8nPackage = JSON.parse(fs.readFileSync(`${runtimeDir}/node_modules/n8n/package.json`, 'utf8')) as { version: string };
	return {
		cpus: Number(execFileSync('nproc').toString().trim()),
		cpuModel: os.cpus()[0]?.model ?? 'unknown',
		ramGiB: os.totalmem() / 1024 ** 3,
		os: `${os.type()} ${os.release()}`,
		benchNode: process.version,
		n8nNode: execFileSync(n8nNodeBinary, ['--version']).toString().trim(),
		n8nVersion: n8nPackage.version,
		curl: execFileSync('curl', ['--version']).toString().split('\n')[0],
	};
}
