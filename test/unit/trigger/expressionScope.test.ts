import type { ITriggerFunctions } from 'n8n-workflow';

import { expressionScope } from '../../../nodes/DropboxSuiteTrigger/expressionScope';

/** A context whose workflow has n8n 2.x's isolate calls, held by "n8n" for the first `heldFor` attempts. */
function contextWithIsolate(heldFor: number) {
	const calls: string[] = [];
	let attempts = 0;
	let held = false;
	const expression = {
		async acquireIsolate() {
			attempts++;
			if (attempts <= heldFor || held) {
				calls.push('busy');
				return false;
			}
			held = true;
			calls.push('acquire');
			return true;
		},
		async releaseIsolate() {
			held = false;
			calls.push('release');
		},
	};
	return { ctx: { workflow: { expression } } as unknown as ITriggerFunctions, calls, isHeld: () => held };
}

describe('expression scope for a trigger\'s own calls', () => {
	it('holds the workflow\'s isolate while the work runs and gives it back, even when the work fails', async () => {
		const { ctx, calls, isHeld } = contextWithIsolate(0);
		const scope = expressionScope(ctx, new AbortController().signal);
		await expect(scope(async () => (isHeld() ? 'inside' : 'outside'))).resolves.toBe('inside');
		await expect(scope(async () => Promise.reject(new Error('failed')))).rejects.toThrow('failed');
		expect(calls).toEqual(['acquire', 'release', 'acquire', 'release']);
		expect(isHeld()).toBe(false);
	});

	it('waits while n8n itself holds the isolate, and never releases what it did not take', async () => {
		const { ctx, calls } = contextWithIsolate(3);
		const scope = expressionScope(ctx, new AbortController().signal);
		await scope(async () => undefined);
		expect(calls).toEqual(['busy', 'busy', 'busy', 'acquire', 'release']);
	});

	it('runs the work as is on an n8n without isolates', async () => {
		const scope = expressionScope({ workflow: {} } as unknown as ITriggerFunctions, new AbortController().signal);
		await expect(scope(async () => 42)).resolves.toBe(42);
	});
});
