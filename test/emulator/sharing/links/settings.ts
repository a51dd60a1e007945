/**
 * SharedLinkSettings (sharing.stone) applied to a link's settings, or the SharedLinkSettingsError that refuses
 * them: `invalid_settings` for settings that cannot hold (a password required but not given, an expiry in the
 * past, a deprecated audience), `not_authorized` for what the account may not do (see ../plans.ts).
 */
import type { Account } from '../../contract';
import { routeError } from '../../files/errors';
import { hasPaidSharing } from '../plans';
import type { Audience, LinkSettings } from './link-store';

type Tag<T extends string = string> = { '.tag': T };

export interface SettingsArg {
	require_password?: boolean;
	link_password?: string;
	expires?: string;
	audience?: Tag;
	access?: Tag;
	requested_visibility?: Tag;
	allow_download?: boolean;
}

export const DEFAULT_SETTINGS: LinkSettings = { audience: 'public', access: 'viewer', allowDownload: true };

class SettingsRefused extends Error {
	constructor(readonly reason: 'invalid_settings' | 'not_authorized') {
		super(reason);
	}
}

/** Throws the route's `settings_error` when the settings are refused. */
export function applySettings(account: Account, base: LinkSettings, arg: SettingsArg, options: { removeExpiration?: boolean } = {}): LinkSettings {
	try {
		return settingsAfter(account, base, arg, options.removeExpiration ?? false);
	} catch (error) {
		if (error instanceof SettingsRefused) throw routeError({ '.tag': 'settings_error', settings_error: { '.tag': error.reason } });
		throw error;
	}
}

export function isEmptySettings(arg: SettingsArg): boolean {
	return Object.values(arg).every((value) => value === undefined || value === null);
}

function settingsAfter(account: Account, base: LinkSettings, arg: SettingsArg, removeExpiration: boolean): LinkSettings {
	const next: LinkSettings = { ...base };
	const visibility = arg.requested_visibility?.['.tag'];
	if (visibility === 'public') next.audience = 'public';
	if (visibility === 'team_only') next.audience = 'team';
	if (arg.audience) next.audience = audienceOf(arg.audience['.tag']);

	const wantsPassword = arg.require_password ?? (visibility === 'password' || arg.link_password !== undefined ? true : undefined);
	if (arg.link_password !== undefined && arg.link_password === '') throw new SettingsRefused('invalid_settings');
	if (wantsPassword === false) delete next.password;
	if (wantsPassword === true) {
		const password = arg.link_password ?? base.password;
		if (password === undefined) throw new SettingsRefused('invalid_settings');
		next.password = password;
	}

	if (removeExpiration) delete next.expires;
	if (arg.expires !== undefined) {
		const expires = Date.parse(arg.expires);
		if (Number.isNaN(expires) || expires <= Date.now()) throw new SettingsRefused('invalid_settings');
		next.expires = expires;
	}
	if (arg.access) next.access = arg.access['.tag'] === 'editor' || arg.access['.tag'] === 'max' ? 'editor' : 'viewer';
	if (arg.allow_download !== undefined) next.allowDownload = arg.allow_download;

	const paid = hasPaidSharing(account);
	if (!paid && (arg.link_password !== undefined || wantsPassword === true || arg.expires !== undefined || arg.allow_download === false)) {
		throw new SettingsRefused('not_authorized');
	}
	if (next.audience === 'team' && !account.team) throw new SettingsRefused('not_authorized');
	return next;
}

function audienceOf(tag: string): Audience {
	if (tag === 'public' || tag === 'team' || tag === 'no_one') return tag;
	// `password` and `members` are deprecated audiences Dropbox no longer accepts.
	throw new SettingsRefused('invalid_settings');
}
