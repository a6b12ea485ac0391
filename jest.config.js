// lowdb and steno are ESM-only: jest loads them only with Node's --experimental-vm-modules, which
// `npm test` passes. A bare `npx jest` would fail later, suite by suite, with a cryptic "Must use
// import to load ES Module": refuse at once instead, saying what to run.
const flags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
if (!flags.includes('--experimental-vm-modules')) {
  process.stderr.write(
    [
      'Lancez les tests avec `npm test` (ou `npm test -- test/chemin/fichier.test.ts` pour un seul fichier) :',
      'ils ont besoin de l’option de Node --experimental-vm-modules, que `npx jest` seul ne passe pas.',
      'Run the tests with `npm test` (or `npm test -- test/path/file.test.ts`): they need Node’s',
      '--experimental-vm-modules flag, which a bare `npx jest` does not pass.',
      '',
    ].join('\n'),
  );
  process.exit(2);
}

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // Builds dist/ once for the suites that run the compiled program (CLI, bot process).
  globalSetup: '<rootDir>/test/support/globalSetup.js',
  reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
  // Many suites start the real app (knowledge read, FAQ trained): on a loaded 2-core machine that alone can take 30 s.
  testTimeout: 60000,
  maxWorkers: 2,
};
