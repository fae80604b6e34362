// Builds every runnable artifact with esbuild. One entry per target; `vscode` is always external.
//   node scripts/build.mjs            production build (minified where shipped)
//   node scripts/build.mjs --watch    rebuild on change
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { chmod } from 'node:fs/promises';

const watch = process.argv.includes('--watch');
const dev = watch || process.argv.includes('--dev');

/** @type {esbuild.BuildOptions[]} */
const targets = [
  // The `postmortem` CLI (Node).
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  // The CLI's lint worker thread.
  { entryPoints: ['src/cli/lintWorker.ts'], outfile: 'dist/lintWorker.js', platform: 'node', format: 'cjs' },
  // The extension for the Node extension host.
  { entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', minify: !dev },
  // The same extension for the web-worker host (vscode.dev, github.dev).
  { entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', minify: !dev, define: { 'process.env.NODE_ENV': '"production"' }, alias: {} },
  // Webview apps (browser, ESM so Mermaid's lazy chunks load under the nonce).
  { entryPoints: ['webview/diagram/main.ts'], outdir: 'media/dist/diagram', platform: 'browser', format: 'esm', splitting: true, minify: !dev },
  { entryPoints: ['webview/metrics/main.ts'], outdir: 'media/dist/metrics', platform: 'browser', format: 'esm', splitting: true, minify: !dev },
  // Benchmarks.
  { entryPoints: ['scripts/bench/main.ts'], outfile: 'dist/bench.js', platform: 'node', format: 'cjs' },
];

const common = { bundle: true, sourcemap: true, logLevel: 'warning', external: ['vscode'], target: 'es2022' };

const active = targets.filter((t) => t.entryPoints.every((e) => existsSync(e)));
if (watch) {
  for (const t of active) await (await esbuild.context({ ...common, ...t })).watch();
  console.log(`watching ${active.length} targets`);
} else {
  await Promise.all(active.map((t) => esbuild.build({ ...common, ...t })));
  if (existsSync('dist/cli.js')) await chmod('dist/cli.js', 0o755);
  console.log(`built ${active.map((t) => t.outfile ?? t.outdir).join(', ')}`);
}
