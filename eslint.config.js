// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The core (runbook format, engine, incidents) stays pure: no web framework, storage, file
// system or clock. Time, ids and I/O come in as parameters so it is deterministic and testable.
const CORE = ['src/runbook/**/*.ts', 'src/engine/**/*.ts', 'src/incidents/**/*.ts'];
const IMPURE_MODULES = ['express', 'socket.io', 'socket.io-client', 'lowdb', 'lowdb/node', 'fs', 'fs/promises', 'node:fs', 'node:fs/promises', 'node:child_process', 'child_process', 'node:net', 'node:http', 'node:https', 'undici', 'pino'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/.out/**', 'web/dist/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'bench/*.js'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: CORE,
    rules: {
      'no-restricted-imports': ['error', {
        paths: IMPURE_MODULES.map((name) => ({ name, message: 'The core (src/runbook, src/engine, src/incidents) must stay pure: pass I/O in as a parameter.' })),
        patterns: [{ group: ['**/server/**', '**/store/**', '**/cli/**', '**/metrics/**'], message: 'The core must not import outer layers.' }],
      }],
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'No clock in the core: take the time as a parameter.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No clock in the core: take the time as a parameter.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'No randomness in the core: take ids as a parameter.' },
        { selector: "MemberExpression[object.name='performance']", message: 'No clock in the core: take the time as a parameter.' },
        { selector: "MemberExpression[object.name='process']", message: 'The core does not read process state: pass it in.' },
      ],
    },
  },
  {
    // The browser client: browser globals, and nothing of Node's.
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx', 'test/web/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['node:*', 'fs', 'path', 'express', 'lowdb', 'socket.io', '**/server/**', '**/store/**', '**/cli/**', '**/metrics/**'], message: 'The browser client takes only the API types and the pure core; it runs in the browser.' }],
      }],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
