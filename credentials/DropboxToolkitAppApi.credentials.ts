import { createHash } from 'crypto';
import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { accessTypeProperty } from './shared/accessType.property';
import { currentAccountRequest } from './shared/currentAccountRequest';

const TOKEN_URL = 'https://api.dropboxapi.com/oauth2/token';

/** An access token obtained from the token endpoint. */
interface TokenGrant {
	accessToken: string;
	obtainedAt: number;
	expiresInS: number;
}

interface TokenSlot {
	inFlight?: Promise<TokenGrant>;
	latest?: TokenGrant;
}

/**
 * Renewals by app and refresh token, shared by everything in this n8n instance. n8n calls
 * preAuthentication once per request that finds the token missing or refused, so parallel items
 * would each renew: here they share one renewal, and a request still holding a token older than one
 * obtained moments ago is handed the newer token instead of renewing again.
 */
const tokenSlots = new Map<string, TokenSlot>();

/**
 * Thrown when no token could be obtained. n8n-core wraps it in a NodeApiError that keeps only the
 * message, `description`, and a code read from `errorCode`: the transport and n8n's credential test
 * both see what to do from those.
 */
export class DropboxTokenError extends Error {
	readonly errorCode: string;

	constructor(
		message: string,
		readonly dropboxTokenError: string,
		readonly description: string,
	) {
		super(message);
		this.name = 'DropboxTokenError';
		this.errorCode = dropboxTokenError;
	}
}

export type TokenRequester = (form: {
	appKey: string;
	appSecret: string;
	refreshToken: string;
}) => Promise<{ access_token: string; expires_in?: number }>;

/**
 * Returns an access token for the credential, renewing at most once at a time per app + refresh
 * token. `heldToken` is the token the caller has (maybe refused); it is never handed back.
 */
export async function obtainAccessToken(
	credentials: { appKey: string; appSecret: string; refreshToken: string; heldToken?: string },
	requestToken: TokenRequester,
	now: () => number = Date.now,
): Promise<string> {
	const key = createHash('sha256')
		.update([credentials.appKey, credentials.appSecret, credentials.refreshToken].join('\n'))
		.digest('hex');
	let slot = tokenSlots.get(key);
	if (!slot) {
		slot = {};
		tokenSlots.set(key, slot);
	}
	const latest = slot.latest;
	if (latest && latest.accessToken !== credentials.heldToken && isFresh(latest, now())) {
		return latest.accessToken;
	}
	let pending = slot.inFlight;
	if (!pending) {
		const current = slot;
		pending = requestToken(credentials)
			.then((answer) => {
				const grant: TokenGrant = {
					accessToken: answer.access_token,
					obtainedAt: now(),
					expiresInS: answer.expires_in ?? 14400,
				};
				current.latest = grant;
				return grant;
			})
			.finally(() => {
				current.inFlight = undefined;
			});
		current.inFlight = pending;
	}
	return (await pending).accessToken;
}

/** A grant is reused while well inside its lifetime (the last quarter, at most a minute, is kept back). */
function isFresh(grant: TokenGrant, at: number): boolean {
	const lifetimeMs = grant.expiresInS * 1000;
	const margin = Math.min(60_000, lifetimeMs / 4);
	return at < grant.obtainedAt + lifetimeMs - margin;
}

/** Turns the token endpoint's refusals and network failures into messages that say what to fix. */
export function tokenEndpointError(status: number | undefined, body: unknown): DropboxTokenError {
	if (status === undefined) {
		// No network code in the text: n8n would replace the whole message with a generic one.
		return new DropboxTokenError(
			'Could not reach api.dropboxapi.com to obtain an access token',
			'token_endpoint_unreachable',
			'The n8n server could not connect to Dropbox. Check its network, proxy and firewall; the app key, secret and refresh token were not checked.',
		);
	}
	const parsed = typeof body === 'string' ? safeParse(body) : body;
	const error =
		typeof parsed === 'object' && parsed !== null && typeof (parsed as { error?: unknown }).error === 'string'
			? (parsed as { error: string }).error
			: `http_${status}`;
	const description =
		typeof parsed === 'object' && parsed !== null && typeof (parsed as { error_description?: unknown }).error_description === 'string'
			? ` (${(parsed as { error_description: string }).error_description})`
			: '';
	if (error === 'invalid_client' || error === 'unauthorized_client') {
		return new DropboxTokenError(
			`Dropbox refused the app key or app secret${description}`,
			'invalid_client',
			"Copy both again from the app's Settings tab in the Dropbox App Console.",
		);
	}
	if (error === 'invalid_grant') {
		return new DropboxTokenError(
			`Dropbox refused the refresh token${description}`,
			'invalid_grant',
			'The refresh token was revoked, the app was disconnected from the account, or the token belongs to another app. Obtain a new refresh token as the credential explains, and paste it into the credential.',
		);
	}
	return new DropboxTokenError(
		`Dropbox's token endpoint answered HTTP ${status}${description}: ${typeof parsed === 'string' ? parsed.slice(0, 200) : error}`,
		'token_endpoint_error',
		'Check the app key, app secret and refresh token; if they are right, try again later.',
	);
}

function safeParse(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

export class DropboxToolkitAppApi implements ICredentialType {
	name = 'dropboxToolkitAppApi';

	displayName = 'Dropbox Toolkit App Key & Refresh Token API';

	documentationUrl = 'https://developers.dropbox.com/oauth-guide';

	icon: Icon = { light: 'file:../icons/dropbox.svg', dark: 'file:../icons/dropbox.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName:
				'For servers without a browser flow. In the Dropbox App Console, create an app and copy its key and secret. Open https://www.dropbox.com/oauth2/authorize?client_id=APP_KEY&response_type=code&token_access_type=offline (with your app key), approve, and copy the code shown. Then exchange it once: curl https://api.dropboxapi.com/oauth2/token -d code=CODE -d grant_type=authorization_code -u APP_KEY:APP_SECRET — the answer\'s "refresh_token" goes below. n8n obtains short-lived access tokens from it by itself.',
			name: 'setupNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'App Key',
			name: 'appKey',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Long-lived; obtained once with the steps above. It stays valid until revoked.',
		},
		accessTypeProperty,
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const helpers = this.helpers;
		const accessToken = await obtainAccessToken(
			{
				appKey: String(credentials.appKey ?? ''),
				appSecret: String(credentials.appSecret ?? ''),
				refreshToken: String(credentials.refreshToken ?? ''),
				heldToken: typeof credentials.accessToken === 'string' ? credentials.accessToken : undefined,
			},
			async ({ appKey, appSecret, refreshToken }) => {
				const request: IHttpRequestOptions = {
					method: 'POST',
					url: TOKEN_URL,
					headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
					body: `grant_type=refresh_token&refresh_token=${encodeURIComponent(refreshToken)}`,
					auth: { username: appKey, password: appSecret },
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
				};
				let response: { statusCode: number; body: unknown };
				try {
					response = (await helpers.httpRequest(request)) as { statusCode: number; body: unknown };
				} catch {
					throw tokenEndpointError(undefined, undefined);
				}
				const body = typeof response.body === 'string' ? safeParse(response.body) : response.body;
				if (response.statusCode !== 200 || typeof (body as { access_token?: unknown })?.access_token !== 'string') {
					throw tokenEndpointError(response.statusCode, body);
				}
				return body as { access_token: string; expires_in?: number };
			},
		);
		return { accessToken };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: currentAccountRequest,
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Dropbox refused the access token obtained with this refresh token. Obtain a new refresh token as described above.',
				},
			},
		],
	};
}
