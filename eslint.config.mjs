// Lint config. The important rule: src/core and webview must stay free of `vscode` and of
// Node built-ins, so the same code runs in the extension host, the CLI, web workers and webviews.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
/** Relative paths into the hosts, at any depth: `../vscode/x`, `../../cli/io`, `../../src/vscode`. */
const hostPaths = ['**/vscode', '**/vscode/**', '**/cli', '**/cli/**', '!vscode'];
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const dynamicBanned = `^(?:vscode|node:.*|${builtinModules.map(escapeRe).join('|')}|.*\\/(?:vscode|cli)(?:\\/.*)?)$`;

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/vscode-harness/node_modules/**', 'media/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core and webview must not import vscode: put editor code in src/vscode.' },
          ...nodeBuiltins.map((name) => ({ name, message: 'src/core and webview must not use Node built-ins: the host passes in what the core needs.' })),
        ],
        // The hosts by relative path too (`../vscode/log`, `../../cli/io`): the core must not reach into them.
        patterns: [{ group: hostPaths, message: 'src/core and webview must not import from src/vscode or src/cli: the hosts import the core, never the reverse.' }],
      }],
      // `import('node:fs')`, `import('vscode')` or a host module loaded at run time.
      'no-restricted-syntax': ['error', {
        selector: `ImportExpression[source.value=/${dynamicBanned}/]`,
        message: 'src/core and webview must not load vscode, Node built-ins or host modules, not even with import().',
      }],
      'no-restricted-globals': ['error', 'process', 'Buffer', '__dirname', '__filename', 'require'],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only src/vscode may import vscode.' }] }],
    },
  },
);
