import {
	NodeConnectionTypes,
	type ITriggerFunctions,
	type ITriggerResponse,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { searchSharedFolders } from '../DropboxSuite/methods/listSearch';
import { authenticationProperty, credentialsDescription } from '../shared/parameters';
import { activate } from './activation';
import { searchWatchedFolders } from './methods/listSearch';
import { triggerProperties } from './properties';
import { readTriggerSettings } from './settings';

/**
 * Starts a workflow for each change in a Dropbox folder, by long-poll (within a second, no public URL) or on a
 * schedule. It implements `trigger()` only: n8n activates a node that also has `poll()` twice.
 */
export class DropboxSuiteTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dropbox Suite Trigger',
		name: 'dropboxSuiteTrigger',
		icon: { light: 'file:../../icons/dropbox.svg', dark: 'file:../../icons/dropbox.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["mode"] === "poll" ? "On a schedule" : "Instant"}}',
		description: 'Starts the workflow when files or folders change in Dropbox',
		eventTriggerDescription: 'Waiting for a change in Dropbox',
		defaults: { name: 'Dropbox Suite Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsDescription,
		properties: [authenticationProperty, ...triggerProperties],
	};

	methods = {
		listSearch: { searchWatchedFolders, searchSharedFolders },
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		return await activate(this, readTriggerSettings(this));
	}
}
