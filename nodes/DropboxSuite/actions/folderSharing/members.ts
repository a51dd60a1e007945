import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

/** How Dropbox's sharing routes name a person: by email address or by Dropbox account (or team member) ID. */
export type MemberSelector = { '.tag': 'email'; email: string } | { '.tag': 'dropbox_id'; dropbox_id: string };

/** Dropbox's EmailAddress pattern, so that a typo is caught before anything is sent. */
const EMAIL = /^['#&A-Za-z0-9._%+-]+@[A-Za-z0-9-][A-Za-z0-9.-]*\.[A-Za-z]{2,15}$/;

/** Account IDs (dbid:…), team member IDs (dbmid:…) and group IDs (g:…). */
const DROPBOX_ID = /^(dbid|dbmid|g):\S+$/;

export const accessLevelProperty: INodeProperties = {
	displayName: 'Access Level',
	name: 'accessLevel',
	type: 'options',
	options: [
		{ name: 'Editor', value: 'editor', description: 'Can view, edit, add and delete files in the folder' },
		{ name: 'Viewer', value: 'viewer', description: 'Can view and comment on files, not change them' },
		{ name: 'Viewer (No Comments)', value: 'viewer_no_comment', description: 'Can only view files' },
	],
	default: 'viewer',
	description: 'What the member may do in the shared folder',
};

/** One member, by email address or Dropbox ID. */
export function memberProperty(description: string): INodeProperties {
	return {
		displayName: 'Member',
		name: 'member',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'name@example.com or dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc',
		description,
	};
}

/** A selector from an email address or a Dropbox ID, or a clear error naming what is neither. */
export function toMemberSelector(ctx: IExecuteFunctions, text: string): MemberSelector {
	const value = text.trim();
	if (DROPBOX_ID.test(value)) return { '.tag': 'dropbox_id', dropbox_id: value };
	if (EMAIL.test(value)) return { '.tag': 'email', email: value };
	throw new NodeOperationError(ctx.getNode(), `"${value}" is neither an email address nor a Dropbox ID`, {
		description:
			'Give an email address such as name@example.com, or a Dropbox account ID such as dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc (List Members shows both).',
	});
}

/** The members a parameter lists: a comma-, semicolon- or newline-separated text, or a list from an expression. */
export function readMemberList(ctx: IExecuteFunctions, name: string, itemIndex: number): MemberSelector[] {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const texts = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(/[,;\n]/))
		.map((text) => text.trim())
		.filter(Boolean);
	if (texts.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'No member to add', {
			description: 'Give at least one email address or Dropbox ID in "Members".',
		});
	}
	return texts.map((text) => toMemberSelector(ctx, text));
}

export function readMember(ctx: IExecuteFunctions, itemIndex: number): MemberSelector {
	const text = String(ctx.getNodeParameter('member', itemIndex, '') ?? '').trim();
	if (!text) {
		throw new NodeOperationError(ctx.getNode(), '"Member" is empty', {
			description: 'Give the member\'s email address or Dropbox ID (List Members shows both).',
		});
	}
	return toMemberSelector(ctx, text);
}

/** The selector's email address or ID, as shown in output items. */
export function selectorText(selector: MemberSelector): string {
	return selector['.tag'] === 'email' ? selector.email : selector.dropbox_id;
}
