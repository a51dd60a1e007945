/** files.stone FileCategory: which category a name falls in, by its extension (folders are `folder`). */
const CATEGORY_EXTENSIONS: Record<string, string[]> = {
	image: ['jpg', 'jpeg', 'png', 'gif', 'bmp', 'tif', 'tiff', 'heic', 'webp', 'svg', 'raw'],
	document: ['doc', 'docx', 'txt', 'rtf', 'odt', 'md', 'pages', 'tex'],
	pdf: ['pdf'],
	spreadsheet: ['xls', 'xlsx', 'xlsm', 'csv', 'ods', 'numbers', 'tsv'],
	presentation: ['ppt', 'pptx', 'key', 'odp'],
	audio: ['mp3', 'wav', 'mid', 'midi', 'aac', 'flac', 'm4a', 'ogg', 'aiff'],
	video: ['mov', 'wmv', 'mp4', 'avi', 'mkv', 'm4v', 'webm', 'mpg', 'mpeg'],
	paper: ['paper'],
};

const BY_EXTENSION = new Map(Object.entries(CATEGORY_EXTENSIONS).flatMap(([category, extensions]) => extensions.map((ext) => [ext, category] as const)));

/** The lower-case extension of a name without its dot ("" when it has none). */
export function extensionOf(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function categoryOf(name: string, isFolder: boolean): string {
	if (isFolder) return 'folder';
	return BY_EXTENSION.get(extensionOf(name)) ?? 'others';
}
