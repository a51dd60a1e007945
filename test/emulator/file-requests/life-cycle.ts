/**
 * When a file request takes files: it must be open, and before its deadline plus the grace period
 * (`allow_late_uploads`; `always` never closes it). A request past that is shown closed.
 */
import type { FileRequestRecord, GracePeriod } from './request-store';

const DAY_MS = 24 * 60 * 60 * 1000;

const GRACE_MS: Record<GracePeriod, number> = {
	one_day: DAY_MS,
	two_days: 2 * DAY_MS,
	seven_days: 7 * DAY_MS,
	thirty_days: 30 * DAY_MS,
	always: Number.POSITIVE_INFINITY,
};

export function isOpen(request: FileRequestRecord, now = Date.now()): boolean {
	if (!request.open) return false;
	if (request.deadline === undefined) return true;
	const grace = request.allowLateUploads === undefined ? 0 : GRACE_MS[request.allowLateUploads];
	return now < request.deadline + grace;
}
