// ESLint 9 flat config for the backend projects (libs, services, gateway, tools).
// The portal is linted by its own Angular setup, so it is ignored here.
//
// Module boundaries come from the tags in each project.json:
//   type:service (services/*, gateway)  -> may use type:lib only
//   type:lib     (libs/*)               -> may use type:lib only
//   type:app     (portal)               -> may use type:lib only (today it uses none)
//   type:tool    (tools)                -> may use anything (composition, embedded starter, seeds)
// and scope:<service> may use only its own scope and scope:shared, so one service importing
// another fails lint (what crosses a service line is a federated reference or an event contract).
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const SERVICE_SCOPES = ['customers', 'orders', 'dealers', 'incentives', 'gateway'];

/** Options of @nx/enforce-module-boundaries; `allow` lists imports exempt from every check. */
function moduleBoundaries(allow) {
  return {
    enforceBuildableLibDependency: false,
    allow,
    depConstraints: [
      { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib'] },
      { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
      { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['*'] },
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'scope:portal', onlyDependOnLibsWithTags: ['scope:shared'] },
      ...SERVICE_SCOPES.map((scope) => ({
        sourceTag: `scope:${scope}`,
        onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared'],
      })),
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.angular/**',
      '**/.nx/**',
      '**/coverage/**',
      'portal/**',
      'data/**',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { '@nx/enforce-module-boundaries': ['error', moduleBoundaries([])] },
  },
  {
    // Services and the gateway are Nx "application" projects, and Nx refuses any import of an
    // application before it looks at tags ("Imports of apps are forbidden"). tools/ hosts them
    // (embedded host, SDL printer, migration runner), so only there their entry points are allowed.
    files: ['tools/**/*.ts', 'tools/**/*.js', 'tools/**/*.mjs', 'tools/**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        moduleBoundaries(SERVICE_SCOPES.map((scope) => `@lianxiao/${scope}`)),
      ],
    },
  },
  {
    // Unused parameters prefixed with _ are deliberate (resolver signatures, interface shapes).
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests may use loose typing for fixtures and mocks.
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
