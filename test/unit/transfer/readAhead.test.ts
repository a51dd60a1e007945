import { readAhead } from '../../../nodes/shared/transfer/readAhead';

/** A source that records when each value was asked for and when the source was closed. */
function recordingSource(count: number, log: string[]) {
	return {
		async *[Symbol.asyncIterator]() {
			try {
				for (let value = 1; value <= count; value++) {
					log.push(`read ${value}`);
					await Promise.resolve();
					yield value;
				}
			} finally {
				log.push('closed');
			}
		},
	};
}

describe('readAhead', () => {
	it('reads the next value while the consumer works on the current one, and no further', async () => {
		const log: string[] = [];
		for await (const value of readAhead(recordingSource(3, log))) {
			await new Promise((resolve) => setImmediate(resolve));
			log.push(`used ${value}`);
		}
		// The source is read to its end while the last value is still in use.
		expect(log).toEqual(['read 1', 'read 2', 'used 1', 'read 3', 'used 2', 'closed', 'used 3']);
	});

	it('closes the source when the consumer stops early', async () => {
		const log: string[] = [];
		for await (const value of readAhead(recordingSource(5, log))) {
			if (value === 2) break;
		}
		expect(log.at(-1)).toBe('closed');
		expect(log).not.toContain('read 4');
	});

	it('passes on a failure of the source at the value where it happened', async () => {
		async function* failing() {
			yield 1;
			throw new Error('disk gone');
		}
		const seen: number[] = [];
		await expect(
			(async () => {
				for await (const value of readAhead(failing())) seen.push(value);
			})(),
		).rejects.toThrow('disk gone');
		expect(seen).toEqual([1]);
	});

	it('leaves no unhandled rejection when the consumer stops before a failing read', async () => {
		const unhandled = jest.fn();
		process.on('unhandledRejection', unhandled);
		async function* failing() {
			yield 1;
			throw new Error('never read');
		}
		for await (const value of readAhead(failing())) {
			if (value === 1) break;
		}
		await new Promise((resolve) => setImmediate(resolve));
		process.off('unhandledRejection', unhandled);
		expect(unhandled).not.toHaveBeenCalled();
	});
});
