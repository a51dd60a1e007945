// The rules n8n verifies community packages with, taken from n8n's own scanner (@n8n/scan-community-package:
// community-nodes `recommended` plus eslint-plugin-n8n-nodes-base's node, credential and package.json rules, the
// same set `n8n-node lint` runs), so they follow n8n's releases; plus typescript-eslint's recommended set.
// Limited to what is published and verified; test/ has its own needs. `npm run scan` then runs the scanner itself,
// on the source and on the packed tarball, where eslint-disable comments do not count.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { buildScanConfig } from '@n8n/scan-community-package/scanner/scanner.mjs';

const shipped = ['nodes/**/*.ts', 'credentials/**/*.ts'];

export default defineConfig(
	// `extends` under `files` narrows every block of n8n's config to these files, and keeps its own narrowing.
	{ files: [...shipped, 'package.json'], extends: [await buildScanConfig()] },
	{ files: shipped, extends: [tseslint.configs.recommended] },
	{ files: shipped, languageOptions: { parserOptions: { project: './tsconfig.json' } } },
);
