/** Runs a write under its namespace's write gate (see store/write-gate.ts). */
import { tooManyWriteOperations } from './errors';
import type { Tree } from './store/tree';

export async function withWriteSlot<T>(tree: Tree, work: () => T | Promise<T>): Promise<T> {
	const release = tree.gate.tryEnter();
	if (!release) throw tooManyWriteOperations();
	try {
		return await work();
	} finally {
		release();
	}
}
