import { Logger } from '@n8n/backend-common';
import type { InstanceSettingsConfig } from '@n8n/config';
import { Container } from '@n8n/di';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BinaryDataService, ErrorReporter, InstanceSettings } from 'n8n-core';
import type { BinaryDataConfig } from 'n8n-core';
// Not re-exported by n8n-core's index, but the very module its execute context resolves.
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

/**
 * The process-wide services n8n-core looks up in its DI container while a node runs:
 * a real InstanceSettings and a real filesystem BinaryDataService, both rooted in a
 * temporary folder so tests never touch ~/.n8n.
 */
export interface HarnessEnvironment {
	readonly rootDir: string;
	readonly binaryDataService: BinaryDataService;
	/** Everything n8n-core logged at warn/error level, and every error it reported. */
	readonly problems: LoggedProblem[];
}

export interface LoggedProblem {
	level: 'warn' | 'error';
	message: string;
	metadata?: unknown;
}

let current: Promise<HarnessEnvironment> | undefined;
let currentRootDir: string | undefined;

/** Creates the environment once per module registry (one per jest test file). */
export async function getHarnessEnvironment(): Promise<HarnessEnvironment> {
	current ??= createEnvironment();
	return await current;
}

/** Removes the temporary folder; the next run creates a fresh environment. */
export function disposeHarnessEnvironment(): void {
	if (currentRootDir !== undefined) rmSync(currentRootDir, { recursive: true, force: true });
	current = undefined;
	currentRootDir = undefined;
}

async function createEnvironment(): Promise<HarnessEnvironment> {
	const rootDir = mkdtempSync(path.join(tmpdir(), 'n8n-harness-'));
	currentRootDir = rootDir;
	const problems: LoggedProblem[] = [];

	const logger = createQuietLogger(problems);
	Container.set(Logger, logger);
	Container.set(ErrorReporter, createRecordingErrorReporter(problems));

	const instanceSettingsConfig: InstanceSettingsConfig = {
		n8nFolder: path.join(rootDir, '.n8n'),
		userHome: rootDir,
		encryptionKey: 'harness-encryption-key',
		enforceSettingsFilePermissions: false,
	};
	Container.set(InstanceSettings, new InstanceSettings(instanceSettingsConfig, logger));

	const binaryDataConfig: BinaryDataConfig = {
		availableModes: ['filesystem'],
		mode: 'filesystem',
		localStoragePath: path.join(rootDir, 'binaryData'),
		signingSecret: 'harness-signing-secret',
		dbMaxFileSize: 512,
	};
	const binaryDataService = new BinaryDataService(
		binaryDataConfig,
		Container.get(ErrorReporter),
		logger,
	);
	await binaryDataService.init();
	Container.set(BinaryDataService, binaryDataService);

	releaseSshCleanupTimer();

	return { rootDir, binaryDataService, problems };
}

/**
 * Every execute context resolves the SSH clients manager, whose constructor starts a
 * one-minute cleanup interval that would keep the test process alive after the tests.
 */
function releaseSshCleanupTimer(): void {
	const manager = Container.get(SSHClientsManager) as unknown as { cleanupTimer?: NodeJS.Timeout };
	manager.cleanupTimer?.unref();
}

/** n8n's Logger class configures winston from env; tests only need the calls recorded. */
function createQuietLogger(problems: LoggedProblem[]): Logger {
	const logger = {
		error: (message: string, metadata?: unknown) => problems.push({ level: 'error', message, metadata }),
		warn: (message: string, metadata?: unknown) => problems.push({ level: 'warn', message, metadata }),
		info: () => undefined,
		debug: () => undefined,
		scoped: () => logger,
	};
	return logger as unknown as Logger;
}

function createRecordingErrorReporter(problems: LoggedProblem[]): ErrorReporter {
	const reporter = {
		error: (error: unknown, options?: unknown) =>
			problems.push({ level: 'error', message: describe(error), metadata: options }),
		warn: (warning: unknown, options?: unknown) =>
			problems.push({ level: 'warn', message: describe(warning), metadata: options }),
		info: () => undefined,
	};
	return reporter as unknown as ErrorReporter;
}

function describe(value: unknown): string {
	return value instanceof Error ? value.message : String(value);
}

// Registered while the test file imports this module (hooks cannot be added inside a test).
if (typeof afterAll === 'function') afterAll(() => disposeHarnessEnvironment());
