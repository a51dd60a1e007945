import {
	changeKey,
	cursorDigest,
	deduplicationKey,
	handOverPage,
	IN_FLIGHT,
	type ChangeEvent,
	type ChangeSink,
} from '../../../nodes/shared/delta';

const events = (count: number): ChangeEvent[] =>
	Array.from({ length: count }, (_, i) => ({
		event: 'fileCreated',
		changeKey: `id:${i}:rev${i}`,
		entry: { '.tag': 'file', id: `id:${i}`, name: `${i}`, path_lower: `/${i}`, path_display: `/${i}`, rev: `rev${i}`, size: 1, server_modified: '' },
	}));

function recordingSink(settle: (key: string) => Promise<void> = async () => undefined) {
	const emitted: string[] = [];
	let inFlight = 0;
	let maxInFlight = 0;
	const sink: ChangeSink = {
		async deliver(_item, key) {
			emitted.push(key);
			inFlight++;
			maxInFlight = Math.max(maxInFlight, inFlight);
			try {
				await settle(key);
			} finally {
				inFlight--;
			}
		},
	};
	return { sink, emitted, maxInFlight: () => maxInFlight };
}

const page = (list: ChangeEvent[], delivered: string[] = [], onDelivered: (key: string) => void = () => undefined) => ({
	events: list,
	delivered: new Set(delivered),
	toItem: async (event: ChangeEvent) => ({ json: { key: event.changeKey } }),
	onDelivered,
	stopped: () => false,
});

describe('handing a page of changes over', () => {
	it('emits in order, skips what was handed over already, and confirms each key', async () => {
		const { sink, emitted } = recordingSink();
		const confirmed: string[] = [];
		const list = events(5);
		await expect(handOverPage(sink, page(list, [list[1].changeKey], (key) => confirmed.push(key)))).resolves.toBe('complete');
		expect(emitted).toEqual([0, 2, 3, 4].map((i) => list[i].changeKey));
		expect([...confirmed].sort()).toEqual([...emitted].sort());
	});

	it('keeps at most IN_FLIGHT changes unconfirmed', async () => {
		const { sink, emitted, maxInFlight } = recordingSink(async () => await new Promise((resolve) => setTimeout(resolve, 1)));
		await handOverPage(sink, page(events(IN_FLIGHT * 3)));
		expect(emitted).toHaveLength(IN_FLIGHT * 3);
		expect(maxInFlight()).toBe(IN_FLIGHT);
	});

	it('rejects when n8n could not take a change, after the others in flight settled', async () => {
		const list = events(4);
		const { sink } = recordingSink(async (key) => {
			if (key === list[1].changeKey) throw new Error('execution crashed');
		});
		const confirmed: string[] = [];
		await expect(handOverPage(sink, page(list, [], (key) => confirmed.push(key)))).rejects.toThrow('execution crashed');
		expect(confirmed).not.toContain(list[1].changeKey);
		expect(confirmed).toContain(list[0].changeKey);
	});
});

describe('change keys', () => {
	const file = { '.tag': 'file' as const, id: 'id:F', name: 'a', path_lower: '/a', path_display: '/a', rev: 'r1', size: 1, server_modified: '' };
	it('name a file by ID and revision, whatever page it comes in', () => {
		expect(changeKey(file, cursorDigest('c1'))).toBe(changeKey(file, cursorDigest('c2')));
		expect(changeKey({ ...file, rev: 'r2' }, 'x')).not.toBe(changeKey(file, 'x'));
	});
	it('name folders and deletions by the cursor they were fetched from', () => {
		const gone = { '.tag': 'deleted' as const, name: 'a', path_lower: '/a', path_display: '/a' };
		expect(changeKey(gone, cursorDigest('c1'))).toBe(changeKey(gone, cursorDigest('c1')));
		expect(changeKey(gone, cursorDigest('c1'))).not.toBe(changeKey(gone, cursorDigest('c2')));
		expect(cursorDigest(undefined)).toBe('listing');
	});
	it('are prefixed with workflow and node for an instance-wide index', () => {
		expect(deduplicationKey('wf1', 'node1', 'id:F:r1')).toBe('wf1:node1:id:F:r1');
	});
});
