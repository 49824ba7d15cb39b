/** Browser tests against a running portal: LIANXIAO_BASE_URL=http://127.0.0.1:3000/ npx jest -c jest.e2e.config.cjs */
module.exports = {
  displayName: 'portal-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  testTimeout: 60_000,
};
