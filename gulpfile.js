// tsc emits only what TypeScript compiles: copy the icons, and each node's codex (its categories and documentation
// links, which n8n reads from the .node.json beside the .node.js), into dist.
const { src, dest, task } = require('gulp');

task('build:icons', () =>
	src(
		[
			'nodes/**/*.{png,svg}',
			'nodes/**/*.node.json',
			'credentials/**/*.{png,svg}',
			'icons/**/*.{png,svg}',
		],
		{ base: '.', encoding: false },
	).pipe(dest('dist')),
);
