import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';
import { readSharedLinkUrl, sharedLinkUrlProperty } from './linkUrl';

export const revoke = defineOperation({
	value: 'revoke',
	name: 'Revoke',
	action: 'Revoke a shared link',
	description: 'Turn a shared link off for good: nobody can open it any more (the file or folder stays)',
	properties: [sharedLinkUrlProperty('The shared link to turn off (one of your own)')],
	async execute(itemIndex) {
		const url = readSharedLinkUrl(this, itemIndex);
		await dropboxSession(this).rpc('sharing/revoke_shared_link', { arg: { url } });
		return [{ json: { url, revoked: true } }];
	},
});
