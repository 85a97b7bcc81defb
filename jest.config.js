/** Unit and integration tests. Everything talks real HTTP on loopback to the in-process sandbox. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test', '<rootDir>/dev/sandbox'],
	testMatch: ['**/*.test.ts'],
	transform: {
		// Transpile each file on its own (fast); `npx tsc -p tsconfig.dev.json` type-checks. ts-jest
		// reads isolatedModules from the tsconfig (its own option of that name is deprecated).
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
	},
	setupFiles: ['<rootDir>/test/setup-env.js'],
	testTimeout: 30000,
};
