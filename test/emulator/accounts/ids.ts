/** Random identifiers shaped like Dropbox's own, so clients that check formats accept them. */
import { randomBytes, randomInt } from 'node:crypto';

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomFrom(alphabet: string, length: number): string {
	let out = '';
	for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
	return out;
}

function base64url(bytes: number): string {
	return randomBytes(bytes).toString('base64url');
}

/** `dbid:` + 35 characters: Dropbox account ids are 40 characters long (the spec checks the length). */
export const newAccountId = (): string => `dbid:AA${base64url(30).slice(0, 33)}`;
/** Namespace ids are decimal numbers written as strings. */
export const newNamespaceId = (): string => String(1_000_000_000 + randomInt(2_000_000_000));
export const newTeamId = (): string => `dbtid:AA${base64url(30).slice(0, 33)}`;
export const newAppKey = (): string => randomFrom(ALPHANUMERIC, 15);
export const newAppSecret = (): string => randomFrom(ALPHANUMERIC, 15);
export const newRefreshToken = (): string => base64url(48);
/** Short-lived tokens start with `sl.` like Dropbox's. */
export const newAccessToken = (): string => `sl.u.${base64url(96)}`;
export const newAuthorizationCode = (): string => base64url(32);
