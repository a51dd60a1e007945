import { NodeOperationError, type IExecuteFunctions, type INodeParameterResourceLocator, type INodeProperties } from 'n8n-workflow';

/** Hosts Dropbox gives shared links on (dropbox.com, www.dropbox.com, the db.tt short links). */
const SHARED_LINK_HOST = /^((www|dl)\.)?dropbox\.com$|^db\.tt$/i;

/** The shared link an operation works on, pasted as the address Dropbox gave (`url` mode). */
export const sharedLinkUrlProperty = (description: string): INodeProperties => ({
	displayName: 'Shared Link',
	name: 'url',
	type: 'resourceLocator',
	default: { mode: 'url', value: '' },
	required: true,
	description,
	modes: [
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'https://www.dropbox.com/scl/fi/abc123/report.pdf?rlkey=xyz&dl=0',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^https?://((www|dl)\\.)?(dropbox\\.com|db\\.tt)/.+',
						errorMessage: 'Paste a Dropbox shared link, such as https://www.dropbox.com/scl/fi/…',
					},
				},
			],
		},
	],
});

/**
 * The shared link's URL, as given (Dropbox recognises its own variants: `dl=1`, another name segment). An address
 * that cannot be a Dropbox shared link fails here, before anything is sent.
 */
export function readSharedLinkUrl(ctx: IExecuteFunctions, itemIndex: number): string {
	const locator = ctx.getNodeParameter('url', itemIndex) as INodeParameterResourceLocator | string;
	const value = String((typeof locator === 'string' ? locator : locator.value) ?? '').trim();
	let parsed: URL | undefined;
	try {
		parsed = new URL(value);
	} catch {
		parsed = undefined;
	}
	const looksRight = parsed && /^https?:$/.test(parsed.protocol) && SHARED_LINK_HOST.test(parsed.hostname) && parsed.pathname.length > 1;
	if (!looksRight) {
		throw new NodeOperationError(ctx.getNode(), value ? `"${value}" is not a Dropbox shared link` : '"Shared Link" is empty', {
			itemIndex,
			description:
				'Give the link\'s full address as Dropbox shows it, such as https://www.dropbox.com/scl/fi/abc123/report.pdf?rlkey=xyz&dl=0 (the "url" of Shared Link → Create or List).',
		});
	}
	return value;
}
