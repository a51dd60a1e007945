/**
 * File requests: each belongs to its owner and points at its destination folder by id, so that the
 * request follows the folder through moves and shows no destination once the folder is gone.
 */
import { randomBytes } from 'node:crypto';
import { storeScoped } from '../sharing/store-scoped';

export type GracePeriod = 'one_day' | 'two_days' | 'seven_days' | 'thirty_days' | 'always';

export interface FileRequestRecord {
	id: string;
	owner: string;
	title: string;
	/** The namespace the destination was given in (paths are shown relative to it) and the folder's id. */
	namespaceId: string;
	folderId: string;
	created: Date;
	/** Milliseconds since the epoch. */
	deadline?: number;
	allowLateUploads?: GracePeriod;
	open: boolean;
	description?: string;
}

export class FileRequestTable {
	private readonly byId = new Map<string, FileRequestRecord>();

	add(request: Omit<FileRequestRecord, 'id'>): FileRequestRecord {
		const made = { ...request, id: newRequestId() };
		this.byId.set(made.id, made);
		return made;
	}

	/** Puts back a request of a snapshot (../sharing/persist.ts). */
	restore(request: FileRequestRecord): void {
		this.byId.set(request.id, request);
	}

	all(): FileRequestRecord[] {
		return [...this.byId.values()];
	}

	/** The owner's request with that id; another account's requests are not found. */
	get(owner: string, id: string): FileRequestRecord | undefined {
		const found = this.byId.get(id);
		return found?.owner === owner ? found : undefined;
	}

	ofOwner(owner: string): FileRequestRecord[] {
		return [...this.byId.values()].filter((request) => request.owner === owner);
	}

	remove(request: FileRequestRecord): void {
		this.byId.delete(request.id);
	}
}

export const fileRequests = storeScoped(() => new FileRequestTable());

/** 20 letters and digits, as Dropbox's request ids. */
function newRequestId(): string {
	return randomBytes(30).toString('base64').replace(/[^a-zA-Z0-9]/g, '').slice(0, 20);
}
