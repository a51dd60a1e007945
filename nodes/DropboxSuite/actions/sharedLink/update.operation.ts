import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';
import { isEmpty, readLinkSettings, updateSettingsProperty } from './linkSettings';
import { readSharedLinkUrl, sharedLinkUrlProperty } from './linkUrl';

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a shared link',
	description: "Change a shared link's audience, password, expiry or download setting; settings not given stay as they are",
	properties: [sharedLinkUrlProperty('The shared link to change (one of your own)'), updateSettingsProperty],
	async execute(itemIndex) {
		const url = readSharedLinkUrl(this, itemIndex);
		const requested = readLinkSettings(this, itemIndex);
		if (isEmpty(requested)) {
			throw new NodeOperationError(this.getNode(), 'No setting to change', {
				itemIndex,
				description: 'Add at least one setting under "Settings" (audience, password, expiry, download, or removing a password or expiry).',
			});
		}
		const link = await dropboxSession(this).rpc<IDataObject>('sharing/modify_shared_link_settings', {
			arg: { url, settings: requested.settings, remove_expiration: requested.removeExpiration },
		});
		return [{ json: link }];
	},
});
