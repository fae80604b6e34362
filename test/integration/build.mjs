// Bundles the integration suite for both extension hosts (one CommonJS file each, `vscode` external,
// mocha's browser build inside): out/integration/node/suite.js and out/integration/web/suite.js.
//   node test/integration/build.mjs
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mochaBrowserBuild } from '../vscode-harness/esbuild-mocha-browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const suiteBundles = {
  node: join(root, 'out', 'integration', 'node', 'suite.js'),
  web: join(root, 'out', 'integration', 'web', 'suite.js'),
};

export async function buildSuites() {
  const common = {
    entryPoints: [join(root, 'test', 'integration', 'suite', 'index.ts')],
    bundle: true, format: 'cjs', external: ['vscode'], target: 'es2022', sourcemap: 'inline',
    logLevel: 'warning', plugins: [mochaBrowserBuild],
  };
  await Promise.all([
    esbuild.build({ ...common, outfile: suiteBundles.node, platform: 'node', define: { PM_EXPECTED_HOST: '"node"' } }),
    // `worker` before `browser`: packages like decode-named-character-reference have a DOM-only
    // `browser` build (document.createElement) that fails in the web-worker extension host.
    esbuild.build({ ...common, outfile: suiteBundles.web, platform: 'browser', conditions: ['worker'], define: { 'process.env.NODE_ENV': '"test"', PM_EXPECTED_HOST: '"webworker"' } }),
  ]);
}

/**
 * A private copy of the extension for one test run (what a .vsix holds: manifest, bundles,
 * snippets, media, schemas, and the built suites), so builds other people start meanwhile cannot swap dist/ under the
 * running suite. The Node bundle is scripts/build.mjs's; the web bundle is rebuilt with the
 * `worker` export condition while scripts/build.mjs (lead-owned) lacks it: packages such as
 * decode-named-character-reference have a DOM-only `browser` build that fails in the web worker.
 */
export async function stageExtension() {
  const dir = mkdtempSync(join(tmpdir(), 'pm-it-ext-'));
  for (const item of ['package.json', 'snippets', 'media', 'schemas', join('dist', 'extension.js'), join('dist', 'extension.js.map'), join('dist', 'editorLintWorker.js'), join('dist', 'editorLintWorker.js.map')]) {
    if (existsSync(join(root, item))) cpSync(join(root, item), join(dir, item), { recursive: true });
  }
  const script = readFileSync(join(root, 'scripts', 'build.mjs'), 'utf8');
  const webOut = join(dir, 'dist', 'web', 'extension.js');
  if (/conditions:\s*\[[^\]]*'worker'/.test(script)) cpSync(join(root, 'dist', 'web'), join(dir, 'dist', 'web'), { recursive: true });
  else {
    await esbuild.build({
      entryPoints: [join(root, 'src', 'vscode', 'extension.ts')], outfile: webOut,
      bundle: true, format: 'cjs', platform: 'browser', conditions: ['worker'], external: ['vscode'], target: 'es2022',
      sourcemap: true, minify: true, logLevel: 'warning', define: { 'process.env.NODE_ENV': '"production"' },
    });
  }
  // The web worker loads the tests module only from inside the extension folder.
  const suites = {};
  for (const [host, file] of Object.entries(suiteBundles)) {
    suites[host] = join(dir, 'out', 'integration', host, 'suite.js');
    if (existsSync(file)) cpSync(file, suites[host]);
  }
  if (!existsSync(join(dir, 'dist', 'extension.js')) || !existsSync(webOut)) throw new Error(`staging the extension in ${dir} failed: run scripts/build.mjs first`);
  return { dir, suites, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildSuites();
  console.log(`built ${Object.values(suiteBundles).join(', ')}`);
}
