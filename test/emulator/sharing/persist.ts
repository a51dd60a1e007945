/**
 * Shared links, file requests and shared folders in the emulator's state file, so that a restart with the
 * same data directory finds them (after the files: they point at file and folder ids).
 */
import type { AccountRegistry, FileService } from '../contract';
import { fileRequests } from '../file-requests/request-store';
import type { FileRequestRecord } from '../file-requests/request-store';
import { fileStoreOf } from '../files/context';
import { type Access, type Policy, sharedFolders } from './folders/folder-store';
import { mountedMembers, remount, watchJournal } from './folders/mounts';
import { type SharedLink, sharedLinks } from './links/link-store';

type Dated<T> = Omit<T, 'invited'> & { invited: string };

export interface SharingSnapshot {
	links: SharedLink[];
	fileRequests: Array<Omit<FileRequestRecord, 'created'> & { created: string }>;
	folders: Array<{
		namespaceId: string;
		ownerId: string;
		folderId: string;
		members: Array<[string, Dated<{ access: Access; invited: Date }>]>;
		invitees: Array<[string, Dated<{ access: Access; invited: Date }>]>;
		policy: Policy;
		accessInheritance?: 'inherit' | 'no_inherit';
		mounted: string[];
	}>;
}

export function saveSharing(service: FileService): SharingSnapshot | undefined {
	const store = fileStoreOf(service);
	if (!store) return undefined;
	const dated = <T extends { invited: Date }>([key, value]: [string, T]): [string, Dated<T>] => [key, { ...value, invited: value.invited.toISOString() }];
	return {
		links: sharedLinks.of(store).all(),
		fileRequests: fileRequests.of(store).all().map((request) => ({ ...request, created: request.created.toISOString() })),
		folders: sharedFolders
			.of(store)
			.all()
			.map((record) => ({
				namespaceId: record.namespaceId,
				ownerId: record.ownerId,
				folderId: record.folderId,
				members: [...record.members].map(dated),
				invitees: [...record.invitees].map(dated),
				policy: record.policy,
				accessInheritance: record.accessInheritance,
				mounted: mountedMembers(record),
			})),
	};
}

/** Puts a snapshot back into the (restored) file service. A folder whose owner's folder is gone is dropped. */
export function loadSharing(service: FileService, accounts: AccountRegistry, snapshot: SharingSnapshot): void {
	const store = fileStoreOf(service);
	if (!store) return;
	const links = sharedLinks.of(store);
	for (const link of snapshot.links) links.restore(link);
	const requests = fileRequests.of(store);
	for (const request of snapshot.fileRequests) requests.restore({ ...request, created: new Date(request.created) });
	const table = sharedFolders.of(store);
	for (const saved of snapshot.folders) {
		const tree = store.namespaces.get(saved.namespaceId)?.tree;
		const folder = tree?.findById(saved.folderId);
		if (!tree || folder?.node.kind !== 'folder') continue;
		const undated = <T extends { invited: string }>([key, value]: [string, T]) => [key, { ...value, invited: new Date(value.invited) }] as const;
		const record = {
			namespaceId: saved.namespaceId,
			ownerId: saved.ownerId,
			folderId: saved.folderId,
			children: folder.node.children,
			members: new Map(saved.members.map(undated)),
			invitees: new Map(saved.invitees.map(undated)),
			policy: saved.policy,
			accessInheritance: saved.accessInheritance,
		};
		table.add(record);
		store.namespaces.restoreShared(saved.namespaceId, [...record.members.keys()]);
		watchJournal(store, tree);
		for (const accountId of saved.mounted) {
			const member = accounts.byId(accountId);
			if (member) remount(store, record, member);
		}
	}
}
