import type { INodeProperties } from 'n8n-workflow';

/** Whether people who lose a shared folder keep its files as a folder of their own. */
export function leaveACopyProperty(description: string): INodeProperties {
	return { displayName: 'Leave a Copy', name: 'leaveACopy', type: 'boolean', default: false, description };
}
