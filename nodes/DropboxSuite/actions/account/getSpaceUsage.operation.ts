import type { IDataObject } from 'n8n-workflow';

import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';

interface SpaceUsage extends IDataObject {
	used: number;
	allocation: {
		'.tag': 'individual' | 'team' | string;
		allocated?: number;
		used?: number;
		user_within_team_space_allocated?: number;
	};
}

const GIB = 1024 ** 3;

export const getSpaceUsage = defineOperation({
	value: 'getSpaceUsage',
	name: 'Get Space Usage',
	action: 'Get the space used and available',
	description:
		"Get how much storage the account uses and how much it has (its own quota, or its team's shared quota), in bytes, GiB and percent",
	properties: [],
	async execute() {
		const usage = await dropboxSession(this).rpc<SpaceUsage>('users/get_space_usage');
		return [{ json: { ...usage, ...readableUsage(usage) } }];
	},
});

/**
 * Dropbox's answer, kept as it is, plus the figures a person reads. For a team the limit that binds is the member's
 * own limit when the team set one (`user_within_team_space_allocated` > 0), else the team's quota, shared by all.
 */
function readableUsage(usage: SpaceUsage): IDataObject {
	const { allocation } = usage;
	const memberLimit = allocation['.tag'] === 'team' ? allocation.user_within_team_space_allocated ?? 0 : 0;
	const [used, allocated, quota] =
		allocation['.tag'] === 'team' && memberLimit === 0
			? [allocation.used ?? usage.used, allocation.allocated, 'team']
			: [usage.used, memberLimit > 0 ? memberLimit : allocation.allocated, memberLimit > 0 ? 'member_limit' : allocation['.tag']];
	const figures: IDataObject = { allocation_type: allocation['.tag'], quota, used_gib: gib(used) };
	if (typeof allocated === 'number' && allocated > 0) {
		Object.assign(figures, {
			allocated_gib: gib(allocated),
			free_bytes: Math.max(0, allocated - used),
			free_gib: gib(Math.max(0, allocated - used)),
			used_percent: Math.round((used / allocated) * 10000) / 100,
		});
	}
	return figures;
}

const gib = (bytes: number) => Math.round((bytes / GIB) * 100) / 100;
