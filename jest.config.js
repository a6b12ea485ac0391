/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // lowdb and steno are ESM-only; jest 30 on Node 20 cannot require(esm), so down-level them.
    '^.+\\.m?js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(lowdb|steno)/)'],
  reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
  testTimeout: 30000,
  maxWorkers: 2,
};
