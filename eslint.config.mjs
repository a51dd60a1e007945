// n8n's own lint setup for community nodes, the one `n8n-node lint` runs (community-nodes rules, the node,
// credential and package.json rules of eslint-plugin-n8n-nodes-base, typescript-eslint's recommended set), taken
// whole from @n8n/node-cli so that it follows n8n's releases. Limited to what is published and verified; test/ has
// its own needs. `npm run scan` then runs n8n's verification scanner itself, which ignores eslint-disable comments.
import { defineConfig } from 'eslint/config';
import { config as n8nCommunityNodeConfig } from '@n8n/node-cli/eslint';

const shipped = ['nodes/**/*.ts', 'credentials/**/*.ts'];

export default defineConfig(
	// `extends` under `files` narrows every block of n8n's config to these files, and keeps its own narrowing.
	{ files: [...shipped, 'package.json'], extends: [n8nCommunityNodeConfig] },
	{ files: shipped, languageOptions: { parserOptions: { project: './tsconfig.json' } } },
);
