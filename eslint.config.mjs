// The rules n8n applies to verified community nodes, plus typescript-eslint's recommended set.
import tseslint from 'typescript-eslint';
import { configs as communityNodes } from '@n8n/eslint-plugin-community-nodes';

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'bench/**', 'gulpfile.js', 'jest.config.js'] },
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		extends: [...tseslint.configs.recommended],
		languageOptions: { parser: tseslint.parser, parserOptions: { project: './tsconfig.json' } },
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
		...communityNodes.recommended,
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
	},
);
