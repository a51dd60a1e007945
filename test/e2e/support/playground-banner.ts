/**
 * What the playground prints once n8n answers (not before: a banner that scrolls past while n8n is still starting
 * sends people to a page that does not load). Everything a person needs to try the package, in the order they need
 * it; the end-to-end suite reads it back, so its line labels are part of the playground's contract.
 */
import { OWNER } from './n8n-server';
import { APP_CREDENTIAL, OAUTH2_CREDENTIAL } from './playground-data';

export const BANNER_FIRST_LINE = 'n8n is ready.';
export const BANNER_LAST_LINE = 'Stop: Ctrl-C (stops n8n and the emulator; everything above is kept).';

export interface BannerFacts {
	n8nVersion: string;
	n8nUrl: string;
	workflowUrl: string;
	workflowName: string;
	emulatorUrl: string;
	emulatorAdmin: string;
	demoAccountId: string;
	browserCommand: string;
	folder: string;
	n8nLog: string;
}

export function banner(facts: BannerFacts): string {
	const rule = '='.repeat(100);
	return [
		rule,
		BANNER_FIRST_LINE,
		`  Open:        ${facts.n8nUrl}  (n8n ${facts.n8nVersion}, with this package loaded)`,
		`  Sign in as:  ${OWNER.email} / ${OWNER.password}`,
		`  Workflow:    ${facts.workflowUrl}  ("${facts.workflowName}": press "Execute workflow")`,
		`  Credentials: "${APP_CREDENTIAL.name}" and "${OAUTH2_CREDENTIAL.name}", both connected to the emulator's demo account`,
		`  Emulator:    ${facts.emulatorUrl}  (admin: ${facts.emulatorAdmin}; demo account ${facts.demoAccountId})`,
		'',
		'OAuth2 "Connect" opens www.dropbox.com in your browser. To reach the emulator instead, use this Chromium',
		'(its own profile; sign in to n8n in it, then Connect shows the emulator\'s approve page):',
		`  ${facts.browserCommand}`,
		'',
		`Kept in ${facts.folder} across restarts: workflows, credentials, the emulator's files and account.`,
		'  Start over with: npm run playground -- --reset',
		`n8n's log: ${facts.n8nLog} (its errors are shown here too)`,
		BANNER_LAST_LINE,
		rule,
	].join('\n');
}
