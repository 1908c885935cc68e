// Copies the static files n8n reads beside the compiled code into dist/, keeping their paths:
// node and credential icons (so `file:calcom.svg` resolves as it does in the sources) and each
// node's codex (`X.node.json`, which n8n loads from beside `X.node.js` for the node's category
// and documentation links; tsc does not emit it because nothing imports it).
const { src, dest, task } = require('gulp');

function buildIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}', 'nodes/**/*.node.json'], {
		base: '.',
		// gulp 5 decodes files as UTF-8 unless told not to, which would corrupt PNG icons.
		encoding: false,
		allowEmpty: true,
	}).pipe(dest('dist'));
}

task('build:icons', buildIcons);
