#!/usr/bin/env node
// Builds the extension and the integration suites, then runs them in a real VS Code through the
// harness (test/vscode-harness): the Node extension host, the web-worker host (issue 6) and the
// Playwright UI checks. Each run gets a fresh copy of the fixture workspace (tests edit files).
// Exits non-zero when any run fails, including when the harness cannot start (never skips).
//   node test/integration/run.mjs [--only node,web,ui,ui-web,zone] [--ui-scripts diagramChecks,…]
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSuites, stageExtension } from './build.mjs';
import { ensureHarness } from '../vscode-harness/ensure-installed.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const { values } = parseArgs({ options: { only: { type: 'string' }, 'ui-scripts': { type: 'string' } } });
const UI_SCRIPTS = ['checks.mjs', 'actionItemsChecks.mjs', 'libraryChecks.mjs', 'diagramChecks.mjs', 'metricsChecks.mjs', 'metricsThemeChecks.mjs'];
// `--ui-scripts diagramChecks`: only those UI scripts (a change to one screen need not wait for all six).
const uiScripts = values['ui-scripts'] ? values['ui-scripts'].split(',').map((n) => (n.endsWith('.mjs') ? n : `${n}.mjs`)) : UI_SCRIPTS;
const unknownScripts = uiScripts.filter((n) => !UI_SCRIPTS.includes(n));
if (unknownScripts.length) {
  console.error(`unknown UI script(s) ${unknownScripts.join(', ')} (${UI_SCRIPTS.join(', ')})`);
  process.exit(2);
}
const runs = values.only ? values.only.split(',') : ['node', 'web', 'ui', 'ui-web', 'zone'];
// The `zone` run: the Node host on a machine in Europe/Berlin, set through the environment as a
// user's machine sets it (TZ reaches the extension host's process.env and Intl). It runs only the
// writer's-zone suite (suite/zone.itest.ts), which a machine in UTC could not show.
const ZONE_ENV = { TZ: 'Europe/Berlin', PM_IT_ONLY: 'zone' };
const screenshots = join(root, 'test-results', 'screenshots');
// The harness's limit for one suite run (its own default is 300 s). The Node suite took ~340 s on an
// idle fresh CI machine and more under load: 15 min leaves room for a machine a few times slower,
// while a hung run still ends well inside CI's 90 min (three suite runs: 45 min at most).
const SUITE_TIMEOUT_MS = process.env.PM_VSCODE_TIMEOUT_MS || String(15 * 60_000);

function node(args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

/**
 * A copy of the fixture workspace in a plainly named folder (`acme-shop`) inside a scratch one: the
 * folder's name is the window title in every screenshot, and README images must not show
 * `pm-it-ws-BNtVNq`. Removing it removes the scratch folder too.
 */
function freshWorkspace({ writeTargets = false } = {}) {
  const dir = join(mkdtempSync(join(tmpdir(), 'pm-it-ws-')), 'acme-shop');
  cpSync(join(here, 'workspace'), dir, { recursive: true });
  if (writeTargets) stageWriteTargets(dir);
  return dir;
}

/**
 * Files git cannot carry, for suite/writeTargets.itest.ts (in both hosts: the web worker cannot make
 * them): a read-only file, and symlinks out of the workspace (to a file, to a folder, as an evidence
 * folder) and within it, next to an `outside` folder beside the workspace. Not under postmortems/ and without
 * `type: postmortem`, so no other suite's index or counts see them; not in the UI runs' screenshots.
 */
function stageWriteTargets(dir) {
  const item = (what) => `# ${what}\n\n## Action items\n\n- [ ] Rotate the deploy key @alice\n`;
  const outside = join(dirname(dir), 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'keys.md'), item('Outside the workspace'));
  writeFileSync(join(outside, 'notes.md'), '# Checkout outage\n\n## Timeline\n\n- 2026-11-02 10:00 UTC Alerts fired for checkout\n');
  const targets = join(dir, 'write-targets');
  mkdirSync(targets);
  writeFileSync(join(targets, 'read-only.md'), item('Read-only'));
  chmodSync(join(targets, 'read-only.md'), 0o444);
  writeFileSync(join(targets, 'plain.md'), item('Linked from inside'));
  symlinkSync('plain.md', join(targets, 'linked-in.md'));
  symlinkSync(join('..', '..', 'outside', 'keys.md'), join(targets, 'linked-out.md'));
  symlinkSync(join('..', '..', 'outside'), join(targets, 'linked-folder'));
  // plain.md's evidence folder (plain.assets/) leads out of the workspace too.
  symlinkSync(join('..', '..', 'outside'), join(targets, 'plain.assets'));
}

async function suite(web, env = {}) {
  const workspace = freshWorkspace({ writeTargets: true });
  try {
    return await node([
      join(root, 'test', 'vscode-harness', 'run-tests.mjs'),
      '--extension', extension.dir,
      '--tests', web ? extension.suites.web : extension.suites.node,
      '--workspace', workspace,
      // settings.json sets files.autoSave to off, desktop VS Code's default: code-server is VS Code for
      // the web, which saves 1 s after an edit, and tests that revert unsaved edits then found them saved
      // whenever a test took longer than that (the fixture on disk changed under the later suites).
      '--settings', join(here, 'settings.json'),
      '--screenshots', screenshots,
      '--timeout', SUITE_TIMEOUT_MS,
      ...(web ? ['--web'] : []),
    ], env);
  } finally {
    rmSync(dirname(workspace), { recursive: true, force: true });
  }
}

const started = Date.now();
const installed = ensureHarness('The integration tests');
if (installed !== 0) process.exit(installed);
const build = await node([join(root, 'scripts', 'build.mjs')]);
if (build !== 0) process.exit(build);
await buildSuites();
const extension = await stageExtension();
process.on('exit', () => extension.remove());
const results = {};
for (const run of runs) {
  const t = Date.now();
  if (run === 'node') results.node = await suite(false);
  else if (run === 'web') results.web = await suite(true);
  else if (run === 'zone') results.zone = await suite(false, ZONE_ENV);
  else if (run === 'ui' || run === 'ui-web') {
    // The workbench checks, the action-items and library views' (issues 13, 15), then the diagram editor's (issue 4; webview in both hosts, issue 6), then
    // the metrics dashboard's (issue 5; it reads its own copy of examples/, not the fixture workspace).
    // metricsThemeChecks: the dashboard readable over ten years and in light, dark and high-contrast themes (trial U13, U15).
    for (const script of uiScripts) {
      const workspace = freshWorkspace();
      const code = await node([join(here, 'ui', script), '--extension', extension.dir, '--workspace', workspace, '--screenshots', screenshots, ...(run === 'ui-web' ? ['--web'] : [])]);
      rmSync(dirname(workspace), { recursive: true, force: true });
      results[run] = results[run] || code;
    }
  } else {
    console.error(`unknown run "${run}" (node, web, ui, ui-web, zone)`);
    process.exit(2);
  }
  console.log(`integration ${run}: ${results[run] === 0 ? 'passed' : `FAILED (exit ${results[run]})`} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
console.log(`integration total: ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(Object.values(results).some((c) => c !== 0) ? 1 : 0);
