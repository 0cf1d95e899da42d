import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeOnly = ['electron', 'better-sqlite3', 'xlsx', 'playwright-core'];
const pureMessage =
  'src-shared is pure TypeScript: move this code to src-main (Node) or src-renderer (UI).';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'demo-out/**', 'test-results/**', '.budget-clair/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeOnly, 'react', 'react-dom'].map((name) => ({ name, message: pureMessage })),
          patterns: [{ group: ['node:*', '../src-main/*', '../src-renderer/*'], message: pureMessage }],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: nodeOnly.map((name) => ({
            name,
            message: 'The renderer has no Node: call the service through src-renderer/api.',
          })),
          patterns: [
            {
              group: ['node:*', '**/src-main/**'],
              message: 'The renderer has no Node: call the service through src-renderer/api.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts', 'tests/**/*.ts', 'samples/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // Only the shell may load electron: anywhere else it starts a binary download.
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only src-main/app may import electron; services run in plain Node.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: globals.node },
  },
);
