/** What a new account hands its owner: the admin answer and the demo line. */
export interface AccountCredentials {
	account_id: string;
	app_key: string;
	app_secret: string;
	refresh_token: string;
	access_token: string;
}
