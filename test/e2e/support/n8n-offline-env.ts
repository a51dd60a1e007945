/**
 * What n8n 2.41 would fetch from n8n's own web services, turned off: here (and on a machine without internet) each
 * attempt ends in a `getaddrinfo ENOTFOUND` stack trace, and none of it matters for trying a community package.
 * Every name is one n8n 2.41.1 reads (its config classes' `@Env` names; the suite checks them against the install).
 */
export const OFFLINE_ENV = {
	/** The "new version available" check, at start-up and in the editor. */
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	/** The workflow templates gallery. */
	N8N_TEMPLATES_ENABLED: 'false',
	/** Anonymous usage reports (telemetry, PostHog). */
	N8N_DIAGNOSTICS_ENABLED: 'false',
	/** The "tell us about you" survey after the first sign-in. */
	N8N_PERSONALIZATION_ENABLED: 'false',
	/** Banners the editor loads from n8n's servers. */
	N8N_DYNAMIC_BANNERS_ENABLED: 'false',
	N8N_HIRING_BANNER_ENABLED: 'false',
	/** The MCP server registry, which a system task refreshes from n8n's API right after start-up. */
	N8N_DISABLED_MODULES: 'mcp-registry',
} as const satisfies NodeJS.ProcessEnv;
