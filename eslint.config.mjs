// Flat config for eslint 9.
//
// What applies where:
//   **/*.ts               typescript-eslint parser + typescript-eslint recommended
//   test/**/*.ts          only that (tests may use process, timers, fs)
//   bench/**/*.ts         only that, like the tests
//   credentials/**/*.ts   + n8n-nodes-base `credentials` rules, @n8n/community-nodes recommended, no-console
//   nodes/**/*.ts         + n8n-nodes-base `nodes` rules, @n8n/community-nodes recommended, no-console
//   package.json          n8n-nodes-base `community` rules + @n8n/community-nodes recommended
//   *.js, *.mjs           parsed only (build and test tooling)
//
// eslint-plugin-n8n-nodes-base 2.0.0 only ships old-style (eslintrc) configs, so their `rules`
// are spread into flat config objects here, each on its own files.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const shippedSources = ['credentials/**/*.ts', 'nodes/**/*.ts'];

const communityNodesRecommended = n8nCommunityNodesPlugin.configs.recommended;

export default tseslint.config(
	{
		ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.cache/**', 'bench-results/**'],
	},

	{
		files: ['**/*.ts'],
		extends: [tseslint.configs.recommended],
		languageOptions: {
			parser: tseslint.parser,
			sourceType: 'module',
		},
		rules: {
			// The same leniency tsc's noUnusedLocals / noUnusedParameters already give: leaving
			// properties out with `const { a: _a, ...rest } = x`, and `_`-named parameters.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ ignoreRestSiblings: true, argsIgnorePattern: '^_' },
			],
		},
	},

	// gulpfile.js, jest.config.js and the like are CommonJS (package.json has no "type").
	{
		files: ['**/*.js'],
		languageOptions: { sourceType: 'commonjs' },
	},

	// Both n8n plugins walk package.json as an ESTree `ObjectExpression` whose grandparent is
	// the Program. typescript-eslint's parser produces exactly that for a .json file (TypeScript
	// parses it as a JSON source file); jsonc-eslint-parser would produce `JSONObjectExpression`
	// nodes, on which none of these rules ever fire.
	{
		files: ['package.json'],
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { extraFileExtensions: ['.json'] },
		},
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.community.rules,
		},
	},

	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Written for n8n's own repository, where documentationUrl is a camelCase slug of
			// docs.n8n.io. A community credential links to the service's own docs with a full URL
			// (which `cred-class-field-documentation-url-not-http-url` checks), and this rule's
			// autofix would mangle that URL. n8n's scanner and node CLI switch it off too.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},

	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Both reject `[NodeConnectionTypes.Main]`, the form current n8n-workflow types and
			// n8n's own nodes use (they only accept the string literal 'main'). n8n's community
			// package scanner and its node CLI switch them off for the same reason.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			// Forbids `typeOptions.maxValue` on Limit parameters (a convention of n8n's own nodes).
			// Cal.com's list endpoints cap their page size (`take` <= 250 in its OpenAPI document),
			// so a Limit may rightly say so; n8n's
			// scanner and node CLI switch it off for the same reason.
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},

	// n8n Cloud's sandbox rules (restricted imports and globals, credential test, usableAsTool,
	// themed icons) and the package.json rules (no runtime dependencies, naming, peer deps).
	{
		...communityNodesRecommended,
		files: ['package.json', ...shippedSources],
	},

	// n8n's community package scanner adds this on top of the recommended rules.
	{
		files: shippedSources,
		rules: { 'no-console': 'error' },
	},
);
