import { type FilesWorld, makeFilesWorld } from './testing/files-world';

describe('namespaces and Dropbox-API-Path-Root', () => {
	let world: FilesWorld;
	beforeEach(async () => {
		world = await makeFilesWorld();
	});
	afterEach(() => world.close());

	const root = (id: string) => JSON.stringify({ '.tag': 'root', root: id });
	const ns = (id: string) => JSON.stringify({ '.tag': 'namespace_id', namespace_id: id });

	it('a team member sees the home folder by default and the team space with a root header', async () => {
		const member = world.teamMember;
		await world.json('files/upload', { path: '/mine.txt' }, { body: Buffer.from('m'), account: member });
		const home = await world.json('files/list_folder', { path: '' }, { account: member });
		expect(home.entries.map((e: { path_display: string }) => e.path_display)).toEqual(['/mine.txt']);

		const space = await world.json('files/list_folder', { path: '', recursive: true }, { account: member, pathRoot: root(member.rootNamespaceId) });
		expect(space.entries.map((e: { path_display: string }) => e.path_display)).toEqual(['/Team Member', '/Team Member/mine.txt']);

		await world.json('files/create_folder_v2', { path: '/Shared Projects' }, { account: member, pathRoot: root(member.rootNamespaceId) });
		const viaNs = await world.json('files/get_metadata', { path: `ns:${member.rootNamespaceId}/Shared Projects` }, { account: member });
		expect(viaNs.path_display).toBe('/Shared Projects');
		const viaHomeHeader = await world.json('files/get_metadata', { path: '/mine.txt' }, { account: member, pathRoot: ns(member.homeNamespaceId) });
		expect(viaHomeHeader.path_display).toBe('/mine.txt');
	});

	it('a cursor of the home namespace sees changes made through the team space', async () => {
		const member = world.teamMember;
		const { cursor } = await world.json('files/list_folder/get_latest_cursor', { path: '' }, { account: member });
		await world.json('files/upload', { path: '/Team Member/via-root.txt' }, { body: Buffer.from('r'), account: member, pathRoot: root(member.rootNamespaceId) });
		await world.json('files/upload', { path: '/outside.txt' }, { body: Buffer.from('o'), account: member, pathRoot: root(member.rootNamespaceId) });
		const delta = await world.json('files/list_folder/continue', { cursor }, { account: member });
		expect(delta.entries.map((e: { path_display: string }) => e.path_display)).toEqual(['/via-root.txt']);
	});

	it('a root that is not the caller\'s is invalid_root with the current root info', async () => {
		const member = world.teamMember;
		const wrong = await world.failure('files/list_folder', { path: '' }, { account: member, pathRoot: root('123') });
		expect(wrong.status).toBe(422);
		expect(wrong.error).toEqual({
			'.tag': 'invalid_root',
			invalid_root: {
				'.tag': 'team',
				root_namespace_id: member.rootNamespaceId,
				home_namespace_id: member.homeNamespaceId,
				home_path: '/Team Member',
			},
		});
		const personal = await world.failure('files/list_folder', { path: '' }, { pathRoot: root('123') });
		expect(personal.error).toMatchObject({ invalid_root: { '.tag': 'user', root_namespace_id: world.user.rootNamespaceId } });
	});

	it('a namespace the caller cannot reach is no_permission; a bad header is a 400', async () => {
		const other = await world.failure('files/list_folder', { path: '' }, { pathRoot: ns(world.teamMember.rootNamespaceId) });
		expect(other.status).toBe(422);
		expect(other.error).toEqual({ '.tag': 'no_permission' });
		expect((await world.failure('files/list_folder', { path: '' }, { pathRoot: '{oops' })).status).toBe(400);
		const foreignNsPath = await world.failure('files/get_metadata', { path: `ns:${world.teamMember.homeNamespaceId}/x` });
		expect(foreignNsPath.error).toEqual({ '.tag': 'path', path: { '.tag': 'not_found' } });
	});

	it('home header is the default', async () => {
		await world.json('files/upload', { path: '/h.txt' }, { body: Buffer.from('h') });
		const meta = await world.json('files/get_metadata', { path: '/h.txt' }, { pathRoot: JSON.stringify({ '.tag': 'home' }) });
		expect(meta.name).toBe('h.txt');
	});
});
