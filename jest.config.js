// Three projects: `unit` (*.spec.ts beside the code), `api` (integration through the real
// gateway, run once against the embedded SQLite stack and once against the MariaDB cluster) and
// `portal` (Chromium via playwright-core). tools/test/run-tests.mjs starts the stacks.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^@lianxiao/(platform|contracts|demo-data|testing)$': '<rootDir>/libs/$1/src' },
  modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/.*/dist/'],
};

module.exports = {
  // Jest reads testTimeout from the root config only (a project's own value is ignored).
  testTimeout: 90_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{libs,services,gateway,tools,portal}/**/src/**/*.spec.ts'] },
    { ...shared, displayName: 'api', testMatch: ['<rootDir>/{libs,services,gateway,tools}/**/test/**/*.e2e.ts'], slowTestThreshold: 30 },
    { ...shared, displayName: 'mariadb', testMatch: ['<rootDir>/{libs,tools}/**/test/**/*.mariadb.ts'] },
    { ...shared, displayName: 'portal', testMatch: ['<rootDir>/portal/e2e/**/*.e2e.ts'], slowTestThreshold: 60 },
  ],
};
