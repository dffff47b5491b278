// Lint guards the architecture: no import cycles, and the pure flow model imports neither Node nor React.
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'child_process', 'crypto', 'stream', 'url', 'util'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'bench/.peers/**', 'bench/.data/**', 'test-results/**', 'playwright-report/**'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        // Without the alias `./x.js` imports would not resolve to `./x.ts` and cycles would go unseen.
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js'], extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } }),
      ],
    },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['packages/flow/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'packages/flow is the pure model: no Node APIs (it runs in the browser too).' },
          { group: ['react', 'react-*', '@xyflow/*'], message: 'packages/flow is the pure model: no React.' },
          { group: ['@seam/*'], message: 'packages/flow is the bottom of the graph: it imports no other Seam package.' },
        ],
      }],
    },
  },
  {
    // The browser gets only the pure model; the runtime's contract may be read as types (erased from the bundle).
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['@seam/runtime', '!@seam/runtime/api', '@seam/server', '@seam/cli', '@seam/contracts'], message: 'apps/web runs in the browser: import @seam/flow, or types from @seam/runtime/api.' },
          { group: ['@seam/runtime/api'], allowTypeImports: true, message: 'only `import type` from @seam/runtime/api in the browser.' },
          { group: nodeBuiltins, message: 'apps/web runs in the browser: no Node APIs.' },
        ],
      }],
    },
  },
  {
    files: ['packages/runtime/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['express', '@seam/server', '@seam/cli', '@seam/web', '@seam/contracts', 'react'], message: 'packages/runtime is below the apps and @seam/contracts: no Express, no apps.' },
        ],
      }],
    },
  },
  {
    // Contract verification is shared by `seam test` and the server: it sits on the model and the runtime, below both.
    files: ['packages/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['express', 'react', 'react-*', '@xyflow/*'], message: 'packages/contracts is below the apps: no Express, no React.' },
          { group: ['@seam/server', '@seam/cli', '@seam/web', '@seam/jsonata-compiler'], message: 'packages/contracts imports only @seam/flow and @seam/runtime.' },
        ],
      }],
    },
  },
);
