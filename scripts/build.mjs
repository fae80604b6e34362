// Builds every runnable artifact with esbuild. One entry per target; `vscode` is always external.
//   node scripts/build.mjs            production build (minified where shipped)
//   node scripts/build.mjs --watch    rebuild on change
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const watch = process.argv.includes('--watch');
const dev = watch || process.argv.includes('--dev');

/** Mermaid's lazily imported ELK layout chunk is replaced by a stub: see webview/shared/noElkLayout.ts. */
const withoutElkLayout = {
  name: 'without-elk-layout',
  setup(build) {
    build.onResolve({ filter: /^\.\/elk-[A-Z0-9]+\.mjs$/ }, (args) =>
      args.importer.includes('/node_modules/mermaid/') ? { path: fileURLToPath(new URL('../webview/shared/noElkLayout.ts', import.meta.url)) } : undefined);
  },
};

/** @type {esbuild.BuildOptions[]} */
const targets = [
  // The `postmortem` CLI (Node).
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  // The CLI's lint worker thread.
  { entryPoints: ['src/cli/lintWorker.ts'], outfile: 'dist/lintWorker.js', platform: 'node', format: 'cjs' },
  // The extension for the Node extension host.
  { entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', minify: !dev },
  // The extension's lint worker thread (Node host only; src/vscode/lintWorker/workerPool.ts starts it).
  { entryPoints: ['src/vscode/lintWorker/worker.ts'], outfile: 'dist/editorLintWorker.js', platform: 'node', format: 'cjs', minify: !dev },
  // The same extension for the web-worker host (vscode.dev, github.dev).
  // `worker` condition: packages such as decode-named-character-reference otherwise pick a build that needs `document`.
  { entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', minify: !dev, conditions: ['worker'], define: { 'process.env.NODE_ENV': '"production"' } },
  // Webview apps (browser, ESM so Mermaid's lazy chunks load under the nonce).
  // Both apps in one build so they share Mermaid's chunks (media/dist/chunks) instead of shipping two copies.
  { entryPoints: ['webview/diagram/main.ts', 'webview/metrics/main.ts'], outbase: 'webview', outdir: 'media/dist', chunkNames: 'chunks/[name]-[hash]', platform: 'browser', format: 'esm', splitting: true, minify: !dev, plugins: [withoutElkLayout] },
  // Mermaid for VS Code's built-in Markdown preview (markdown.previewScripts wants one classic script).
  { entryPoints: ['webview/preview/main.ts'], outfile: 'media/dist/preview/mermaid-preview.js', platform: 'browser', format: 'iife', minify: !dev, plugins: [withoutElkLayout] },
  // Benchmarks.
  { entryPoints: ['scripts/bench/main.ts'], outfile: 'dist/bench.js', platform: 'node', format: 'cjs', external: ['vscode', 'playwright-core', 'esbuild'] },
];

const common = { bundle: true, sourcemap: true, logLevel: 'warning', external: ['vscode'], target: 'es2022', metafile: true };

/**
 * Browser bundles (web extension, webviews) must not pull a Node built-in, not even through a
 * package's `browser` field shim: fail the build and name the importer, rather than fail in vscode.dev.
 */
function assertNoNodeBuiltins(target, result) {
  if (target.platform !== 'browser') return;
  const offenders = [];
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    for (const imp of input.imports) {
      if (/^(node:)?(fs|path|os|child_process|worker_threads|crypto|util|stream|net|http|https|zlib|url|module|process|buffer)(\/|$)/.test(imp.path) || imp.path.startsWith('node:')) {
        offenders.push(`${file} imports ${imp.path}`);
      }
    }
  }
  if (offenders.length) throw new Error(`${target.outfile ?? target.outdir} (browser) would pull Node built-ins:\n  ${offenders.join('\n  ')}`);
}

/**
 * The codicon font and its stylesheet, served from the extension's own media folder: the webviews
 * load no remote content, and @vscode-elements/elements finds the sheet by its id on the page.
 */
function copyCodicons(target) {
  mkdirSync(target, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(fileURLToPath(new URL(`../node_modules/@vscode/codicons/dist/${file}`, import.meta.url)), `${target}/${file}`);
}

// Start clean: split chunks get content hashes, and stale ones would otherwise pile up in the .vsix.
for (const dir of ['dist', 'media/dist']) rmSync(dir, { recursive: true, force: true });

const active = targets.filter((t) => t.entryPoints.every((e) => existsSync(e)));
if (watch) {
  for (const t of active) await (await esbuild.context({ ...common, ...t })).watch();
  copyCodicons('media/dist/codicons');
  console.log(`watching ${active.length} targets`);
} else {
  await Promise.all(active.map(async (t) => assertNoNodeBuiltins(t, await esbuild.build({ ...common, ...t }))));
  if (existsSync('dist/cli.js')) await chmod('dist/cli.js', 0o755);
  copyCodicons('media/dist/codicons');
  console.log(`built ${active.map((t) => t.outfile ?? t.outdir).join(', ')}`);
}
