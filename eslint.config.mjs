// Lint config. The important rule: src/core and webview must stay free of `vscode` and of
// Node built-ins, so the same code runs in the extension host, the CLI, web workers and webviews.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
/** Relative paths into the hosts, at any depth: `../vscode/x`, `../../cli/io`, `../../src/vscode`. */
const hostPaths = ['**/vscode', '**/vscode/**', '**/cli', '**/cli/**', '!vscode'];
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const dynamicBanned = `^(?:vscode|node:.*|${builtinModules.map(escapeRe).join('|')}|.*\\/(?:vscode|cli)(?:\\/.*)?)$`;

// `xs.push(...items)`, `Math.max(...values)`: each spread element becomes a call argument, and past
// ~125,000 of them the call throws RangeError (150k timeline entries crashed lint). User-sized data
// goes through a loop instead. A literal array (`push(...[a, b])`) is bounded and allowed.
const SPREAD_CALLS = new Set(['push', 'unshift', 'splice', 'concat', 'max', 'min', 'fromCharCode', 'fromCodePoint']);
const noSpreadArguments = {
  meta: { type: 'problem', messages: { spread: 'No spread into {{name}}(…): a user-sized array overflows the call stack; use a loop (see issue 9).' } },
  create(context) {
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || !SPREAD_CALLS.has(callee.property.name)) return;
        for (const arg of node.arguments) {
          if (arg.type === 'SpreadElement' && arg.argument.type !== 'ArrayExpression') context.report({ node: arg, messageId: 'spread', data: { name: callee.property.name } });
        }
      },
    };
  },
};

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
    files: ['src/**/*.ts', 'webview/**/*.ts'],
    plugins: { local: { rules: { 'no-spread-arguments': noSpreadArguments } } },
    rules: { 'local/no-spread-arguments': 'error' },
  },
  {
    // Bounded: 16 nonce bytes; 32 KB chunks of an image.
    files: ['src/vscode/diagrams/webviewHtml.ts', 'webview/diagram/exportDrawing.ts'],
    rules: { 'local/no-spread-arguments': 'off' },
  },
  {
    files: ['src/cli/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only src/vscode may import vscode.' }] }],
    },
  },
  {
    // Every CLI write goes through src/cli/files/safeWrite.ts (atomic, checked against what was read, inside the roots).
    files: ['src/cli/**/*.ts'],
    ignores: ['src/cli/files/safeWrite.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'Only src/vscode may import vscode.' },
          ...['fs', 'node:fs', 'fs/promises', 'node:fs/promises'].map((name) => ({
            name,
            importNames: ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'rename', 'renameSync', 'copyFile', 'copyFileSync', 'truncate', 'truncateSync'],
            message: 'Write files with writeFileSafely (src/cli/files/safeWrite.ts).',
          })),
        ],
      }],
    },
  },
  {
    // A spread into call arguments overflows the stack beyond ~125k elements (issue 9): loop instead.
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.property.name='push'] > SpreadElement", message: 'push(...array) overflows the call stack on big input: append in a loop.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement", message: 'Math.max/min(...array) overflows the call stack on big input: use a loop.' },
      ],
    },
  },
);
