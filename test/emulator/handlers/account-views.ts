/** An Account as the users namespace shows it: FullAccount, BasicAccount, Name. */
import type { Account } from '../contract';
import type { PlannedAccount } from '../sharing/plans';

export function nameOf(account: Account): Record<string, string> {
	const parts = account.displayName.trim().split(/\s+/);
	const givenName = parts[0] ?? '';
	const surname = parts.slice(1).join(' ');
	const abbreviated = parts.map((p) => p[0]?.toUpperCase() ?? '').join('').slice(0, 2);
	return {
		given_name: givenName,
		surname,
		familiar_name: givenName,
		display_name: account.displayName,
		abbreviated_name: abbreviated,
	};
}

export function fullAccount(account: Account): Record<string, unknown> {
	const view: Record<string, unknown> = {
		account_id: account.accountId,
		name: nameOf(account),
		email: account.email,
		email_verified: true,
		disabled: false,
		country: 'US',
		locale: 'en',
		referral_link: `https://db.tt/${account.accountId.slice(-8)}`,
		is_paired: false,
		account_type: { '.tag': account.team ? 'business' : ((account as PlannedAccount).plan ?? 'basic') },
		root_info: rootInfo(account),
	};
	if (account.team) {
		view.team = {
			id: account.team.teamId,
			name: account.team.name,
			sharing_policies: {
				shared_folder_member_policy: { '.tag': 'anyone' },
				shared_folder_join_policy: { '.tag': 'from_anyone' },
				shared_link_create_policy: { '.tag': 'default_public' },
				group_creation_policy: { '.tag': 'admins_and_members' },
				shared_folder_link_restriction_policy: { '.tag': 'anyone' },
				enforce_link_password_policy: { '.tag': 'optional' },
				default_link_expiration_days_policy: { '.tag': 'none' },
				shared_link_default_permissions_policy: { '.tag': 'default' },
			},
			office_addin_policy: { '.tag': 'disabled' },
			top_level_content_policy: { '.tag': 'admin_only' },
		};
		view.team_member_id = `dbmid:${account.accountId.slice(5)}`;
	}
	return view;
}

export function rootInfo(account: Account): Record<string, unknown> {
	if (account.team) {
		return {
			'.tag': 'team',
			root_namespace_id: account.rootNamespaceId,
			home_namespace_id: account.homeNamespaceId,
			home_path: `/${account.team.memberFolderName}`,
		};
	}
	return { '.tag': 'user', root_namespace_id: account.rootNamespaceId, home_namespace_id: account.homeNamespaceId };
}

export function basicAccount(account: Account, viewer: Account): Record<string, unknown> {
	const isTeammate = account.team !== undefined && account.team.teamId === viewer.team?.teamId;
	const view: Record<string, unknown> = {
		account_id: account.accountId,
		name: nameOf(account),
		email: account.email,
		email_verified: true,
		disabled: false,
		is_teammate: isTeammate,
	};
	if (isTeammate) view.team_member_id = `dbmid:${account.accountId.slice(5)}`;
	return view;
}
