/** Metadata as the API returns it (files.stone FileMetadata / FolderMetadata / DeletedMetadata). */
import { exportInfo, isExportOnly } from '../paper/paper-files';
import { lowerName } from '../paths';
import type { Namespace } from './namespaces';
import type { Located } from './tree';

export interface FileMetadataJson {
	'.tag': 'file';
	name: string;
	path_lower: string;
	path_display: string;
	id: string;
	client_modified: string;
	server_modified: string;
	rev: string;
	size: number;
	is_downloadable: boolean;
	/** Paper docs (not downloadable): the formats `export` offers. */
	export_info?: { export_as: string; export_options: string[] };
	content_hash: string;
}

export interface FolderMetadataJson {
	'.tag': 'folder';
	name: string;
	path_lower: string;
	path_display: string;
	id: string;
}

export interface DeletedMetadataJson {
	'.tag': 'deleted';
	name: string;
	path_lower: string;
	path_display: string;
}

export type MetadataJson = FileMetadataJson | FolderMetadataJson | DeletedMetadataJson;

function paths(view: Namespace, names: string[]): { path_lower: string; path_display: string } {
	// A node outside the view (reached with an ns: path) is shown relative to its tree's root.
	const inView = names.length >= view.prefix.length && view.prefix.every((c, i) => lowerName(c) === lowerName(names[i]));
	const shown = inView ? names.slice(view.prefix.length) : names;
	const display = '/' + shown.join('/');
	return { path_lower: lowerName(display), path_display: display };
}

export function renderMetadata(view: Namespace, located: Located): FileMetadataJson | FolderMetadataJson {
	const { node, names } = located;
	if (node.kind === 'folder') return { '.tag': 'folder', name: node.name, ...paths(view, names), id: node.id };
	return {
		'.tag': 'file',
		name: node.name,
		...paths(view, names),
		id: node.id,
		client_modified: node.clientModified,
		server_modified: node.serverModified,
		rev: node.rev,
		size: node.size,
		...(isExportOnly(node) ? { is_downloadable: false, export_info: exportInfo() } : { is_downloadable: true }),
		content_hash: node.contentHash,
	};
}

export function renderFile(view: Namespace, located: Located): FileMetadataJson {
	return renderMetadata(view, located) as FileMetadataJson;
}

/** `display` is an absolute display path ("/Member/a.txt") as the journal keeps it. */
export function renderDeleted(view: Namespace, display: string): DeletedMetadataJson {
	const names = display === '/' ? [] : display.slice(1).split('/');
	return { '.tag': 'deleted', name: names[names.length - 1] ?? '', ...paths(view, names) };
}

/**
 * Where the declared type is FileMetadata or FolderMetadata itself (upload, download, create_folder_v2,
 * finish results) Stone's JSON carries no ".tag": only the polymorphic Metadata does.
 */
export function withoutTag<T extends { '.tag': string }>(metadata: T): Omit<T, '.tag'> {
	const { '.tag': _tag, ...rest } = metadata;
	return rest;
}
