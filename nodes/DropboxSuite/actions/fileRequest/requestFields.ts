import type { INodeProperties } from 'n8n-workflow';

/** Fields of a file request that Create and Update both set. */
export const descriptionProperty: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	description: 'Shown to the uploaders under the title',
};

export const openProperty = (description: string): INodeProperties => ({
	displayName: 'Open',
	name: 'open',
	type: 'boolean',
	default: true,
	description,
});
