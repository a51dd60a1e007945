import { isOpen } from './life-cycle';
import type { FileRequestRecord } from './request-store';

const DAY = 24 * 60 * 60 * 1000;
const request = (changes: Partial<FileRequestRecord>): FileRequestRecord => ({
	id: 'r',
	owner: 'dbid:o',
	title: 't',
	namespaceId: '1',
	folderId: 'id:f',
	created: new Date(0),
	open: true,
	...changes,
});

describe('a file request is open', () => {
	const deadline = 1_000_000;
	it('while its flag is set and before its deadline', () => {
		expect(isOpen(request({}), deadline)).toBe(true);
		expect(isOpen(request({ open: false }), 0)).toBe(false);
		expect(isOpen(request({ deadline }), deadline - 1)).toBe(true);
		expect(isOpen(request({ deadline }), deadline)).toBe(false);
	});

	it('through the grace period of late uploads', () => {
		expect(isOpen(request({ deadline, allowLateUploads: 'two_days' }), deadline + 2 * DAY - 1)).toBe(true);
		expect(isOpen(request({ deadline, allowLateUploads: 'two_days' }), deadline + 2 * DAY)).toBe(false);
		expect(isOpen(request({ deadline, allowLateUploads: 'always' }), deadline + 3650 * DAY)).toBe(true);
		expect(isOpen(request({ deadline, allowLateUploads: 'always', open: false }), 0)).toBe(false);
	});
});
