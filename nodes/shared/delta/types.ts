/** What Dropbox's list_folder routes hand out, and what the delta engine turns it into. */
import type { INodeExecutionData } from 'n8n-workflow';

export interface FileEntry {
	'.tag': 'file';
	id: string;
	name: string;
	path_lower: string;
	path_display: string;
	rev: string;
	size: number;
	server_modified: string;
	client_modified?: string;
	content_hash?: string;
}

export interface FolderEntry {
	'.tag': 'folder';
	id: string;
	name: string;
	path_lower: string;
	path_display: string;
}

/** A deleted entry says neither whether it was a file or a folder nor which ID it had. */
export interface DeletedEntry {
	'.tag': 'deleted';
	name: string;
	path_lower: string;
	path_display: string;
}

export type ListedEntry = FileEntry | FolderEntry | DeletedEntry;

export interface ListFolderPage {
	entries: ListedEntry[];
	cursor: string;
	has_more: boolean;
}

export const EVENT_NAMES = ['fileCreated', 'fileUpdated', 'fileDeleted', 'folderCreated', 'folderDeleted'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** One change, ready to hand to n8n: the output item's JSON and the key that makes handing it over twice harmless. */
export interface ChangeEvent {
	event: EventName;
	entry: ListedEntry;
	/** Identifies this change of this entry (see keys.ts), without the workflow and node prefix. */
	changeKey: string;
}

/** The output item of one change. */
export type ChangeItem = INodeExecutionData;
