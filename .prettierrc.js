// The community-node starter's settings (n8n's node CLI writes this same file into new
// packages), so `n8n-node` tooling and this repository format code alike.
module.exports = {
	semi: true,
	trailingComma: 'all',
	bracketSpacing: true,
	useTabs: true,
	tabWidth: 2,
	arrowParens: 'always',
	singleQuote: true,
	quoteProps: 'as-needed',
	endOfLine: 'lf',
	printWidth: 100,

	// npm writes package-lock.json with package.json's indentation: tabs here would rewrite
	// every line of the lockfile and conflict with every branch that touches a dependency.
	overrides: [{ files: ['package.json'], options: { useTabs: false } }],
};
