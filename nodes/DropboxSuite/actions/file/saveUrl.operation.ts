import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { pathLocator, readPath, readRequiredText, readSpace, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { readTagChain, type DropboxSession, type ErrorContext, type Space } from '../../../shared/transport';
import { defineOperation } from '../operation';

/** Dropbox gives up on a transfer after 15 minutes. */
const DROPBOX_LIMIT_S = 15 * 60;
const FIRST_CHECK_MS = 500;
const MAX_CHECK_INTERVAL_MS = 5000;

type JobStatus = ({ '.tag': 'complete' } & IDataObject) | { '.tag': 'in_progress' } | { '.tag': 'failed'; failed: unknown };

export const saveUrl = defineOperation({
	value: 'saveUrl',
	name: 'Save URL',
	action: 'Save a file from a URL',
	description:
		'Have Dropbox download a web address into a file, without the bytes passing through n8n; waits until the file is saved',
	properties: [
		...spaceProperties,
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://example.com/report.pdf',
			description: 'The address Dropbox downloads from; it must be reachable from the internet, without a login',
		},
		pathLocator({
			displayName: 'Destination',
			name: 'path',
			description: 'The full path of the file to create, its name included, such as /Downloads/report.pdf',
		}),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Time Limit (Seconds)',
					name: 'timeLimit',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: DROPBOX_LIMIT_S },
					default: 300,
					description:
						'How long to wait for Dropbox to finish. Past it the item fails, but Dropbox goes on (for up to 15 minutes): the file may still appear.',
				},
			],
		},
	],
	async execute(itemIndex) {
		const url = readRequiredText(this, 'url', itemIndex, 'URL', 'Give the web address to save, such as https://example.com/report.pdf.');
		const path = readPath(this, 'path', itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as { timeLimit?: number };
		const timeLimitS = Math.max(1, Math.min(DROPBOX_LIMIT_S, options.timeLimit ?? 300));
		const space = readSpace(this, itemIndex);
		const session = dropboxSession(this);
		const errorContext: ErrorContext = { path };

		const started = await session.rpc<JobStatus | { '.tag': 'async_job_id'; async_job_id: string }>('files/save_url', {
			arg: { path, url },
			space,
			errorContext,
		});
		const status = started['.tag'] === 'async_job_id'
			? await waitForJob(session, started.async_job_id as string, { space, errorContext, deadline: Date.now() + timeLimitS * 1000 })
			: (started as JobStatus);
		if (status['.tag'] === 'complete') {
			const metadata: IDataObject = { ...status };
			delete metadata['.tag'];
			return [{ json: metadata }];
		}
		if (status['.tag'] === 'failed') {
			const { tags, fields } = readTagChain(status.failed);
			const summary = tags.join('/');
			throw session.failed({ status: 409, summary, tags, fields, body: { error_summary: summary, error: status.failed } }, errorContext);
		}
		throw new NodeOperationError(this.getNode(), `Dropbox was still saving "${url}" to "${path}" after ${timeLimitS} s`, {
			description:
				`Dropbox goes on for up to 15 minutes, so the file may still appear at "${path}". Raise "Time Limit" (up to ${DROPBOX_LIMIT_S} s) for large or slow downloads, or check for the file later with Get.`,
		});
	},
});

/** Checks the job, waiting longer between checks each time, until it ends or the deadline passes (then `in_progress`). */
async function waitForJob(
	session: DropboxSession,
	asyncJobId: string,
	job: { space: Space; errorContext: ErrorContext; deadline: number },
): Promise<JobStatus> {
	let interval = FIRST_CHECK_MS;
	for (;;) {
		const remaining = job.deadline - Date.now();
		if (remaining <= 0) return { '.tag': 'in_progress' };
		// Cancelling the execution ends the wait at once.
		await session.wait(Math.min(interval, remaining), job.errorContext);
		interval = Math.min(interval * 2, MAX_CHECK_INTERVAL_MS);
		const status = await session.rpc<JobStatus>('files/save_url/check_job_status', {
			arg: { async_job_id: asyncJobId },
			space: job.space,
			errorContext: job.errorContext,
		});
		if (status['.tag'] !== 'in_progress') return status;
	}
}
