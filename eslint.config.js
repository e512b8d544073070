// Lint keeps the process boundaries (see docs/architecture.md):
//   shared/   imports no Node, DOM, Electron, main/ or renderer/ code;
//   renderer/ imports no Node, Electron or main/ code;
//   only main/electron/ imports `electron`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'http',
  'crypto',
  'url',
];
const nodeOnlyPackages = ['better-sqlite3', 'kysely', 'kysely/*', 'xlsx', 'playwright-core'];

const banned = (groups, message) => ({ group: groups, message });

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'release', 'test-artifacts', '.tools', 'main/core/regions/data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'electron 只能在 main/electron/ 中引用' }] },
      ],
    },
  },
  {
    files: ['main/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['shared/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ 不得引用 Electron' }],
          patterns: [
            banned([...nodeBuiltins, ...nodeOnlyPackages], 'shared/ 不得引用 Node 或 Electron'),
            banned(['react', 'react-dom', 'antd', '@ant-design/*'], 'shared/ 不得引用界面代码'),
            banned(
              ['**/main/**', '../main/*', '**/renderer/**', '../renderer/*'],
              'shared/ 不得引用 main/ 或 renderer/',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'renderer/ 不得引用 Electron' }],
          patterns: [
            banned([...nodeBuiltins, ...nodeOnlyPackages], 'renderer/ 不得引用 Node 或 Electron'),
            banned(['**/main/**', '../main/*', '../../main/*'], 'renderer/ 不得引用 main/'),
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': 'off' },
  },
);
