// Lint config: recommended JS + TypeScript rules; the compiler's strict mode does the heavy lifting.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    // src/ reads hostile input: no pattern may backtrack or rescan super-linearly (ReDoS), checked
    // statically. (scripts/ and bench/ read only our own or ../shared files.)
    files: ['src/**/*.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    // A failing assert.ok(x) without a message makes Node re-read and parse the test's source to
    // print the expression; under the tsx loader that can take minutes (nodejs/node#52962), so a
    // red test would look like a hung CI. Every truthiness assertion carries its own message.
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='assert'][callee.property.name='ok'][arguments.length=1]", message: 'give assert.ok a message (a failing one without it can hang under tsx)' },
        { selector: "CallExpression[callee.name='assert'][arguments.length=1]", message: 'give assert a message (a failing one without it can hang under tsx)' },
      ],
    },
  },
  {
    // the web UI: plain browser ES modules, no build step
    files: ['web/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'module' },
  },
);
