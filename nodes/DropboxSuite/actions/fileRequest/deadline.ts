import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readDropboxTimestamp } from '../../../shared/parameters';

export type GracePeriod = 'one_day' | 'two_days' | 'seven_days' | 'thirty_days' | 'always';

/** The deadline and its grace period, as options of Create and fields of Update. */
export const deadlineProperties: INodeProperties[] = [
	{
		displayName: 'Deadline',
		name: 'deadline',
		type: 'dateTime',
		default: '',
		description:
			"When the request stops taking files (in the workflow's time zone unless the value says otherwise). Dropbox Basic accounts cannot set deadlines.",
	},
	{
		displayName: 'Late Uploads',
		name: 'allowLateUploads',
		type: 'options',
		options: [
			{ name: 'Always', value: 'always', description: 'Files sent after the deadline are taken and marked late' },
			{ name: 'For 1 Day', value: 'one_day' },
			{ name: 'For 2 Days', value: 'two_days' },
			{ name: 'For 30 Days', value: 'thirty_days' },
			{ name: 'For 7 Days', value: 'seven_days' },
			{ name: 'Not Allowed', value: 'none', description: 'The request closes at the deadline' },
		],
		default: 'none',
		description: 'How long after the deadline files are still taken (marked as late); applies with a deadline',
	},
];

interface DeadlineInput {
	allowLateUploads?: GracePeriod | 'none';
}

/**
 * `FileRequestDeadline` from a collection (`options` of Create, `updateFields` of Update); undefined without a
 * deadline. A deadline already past fails before anything is sent.
 */
export function readDeadline(ctx: IExecuteFunctions, collection: string, itemIndex: number): IDataObject | undefined {
	const deadline = readDropboxTimestamp(ctx, `${collection}.deadline`, itemIndex, 'Deadline', { future: true });
	if (!deadline) return undefined;
	return withGracePeriod({ deadline }, readGracePeriod(ctx, collection, itemIndex));
}

/** The grace period chosen in the collection: a period, "none", or undefined when not chosen. */
export function readGracePeriod(ctx: IExecuteFunctions, collection: string, itemIndex: number): GracePeriod | 'none' | undefined {
	return (ctx.getNodeParameter(collection, itemIndex, {}) as DeadlineInput).allowLateUploads;
}

export function withGracePeriod(deadline: IDataObject, grace: GracePeriod | 'none' | undefined): IDataObject {
	return grace && grace !== 'none' ? { ...deadline, allow_late_uploads: { '.tag': grace } } : { deadline: deadline.deadline };
}
