/** Unit tests of framework-free portal code (pure functions); browser tests are in jest.e2e.config.cjs. */
module.exports = {
  displayName: 'portal',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
};
