/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		// Type checking is done once by `npm run typecheck`; jest only transpiles.
		'^.+\\.ts$': ['ts-jest', { diagnostics: false }],
	},
	// Fetches Cal.com's reference files when neither CALCOM_SHARED_DIR nor ../shared has them.
	globalSetup: '<rootDir>/test/global-setup.ts',
	setupFiles: ['<rootDir>/test/setup-env.ts'],
	testTimeout: 30000,
	reporters: ['default', '<rootDir>/test/reporters/summary.js'],
};
