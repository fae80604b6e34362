// Self-test of the real-VS-Code harness (test/vscode-harness): a fixture extension and a mocha
// suite run in code-server's Node and web-worker extension hosts through the standard runTests()
// entry, a Playwright UI check, and the failure paths. Needs `bash test/vscode-harness/install.sh`.
// Run: npx mocha --timeout 180000 test/integration/harness-selftest/harness.test.mjs
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { mochaBrowserBuild } from '../../vscode-harness/esbuild-mocha-browser.mjs';
import {
  activityBadge, launchWorkbench, openFile, runCommand, saveScreenshot, selectors, statusBarItem, viewRows, waitForWorkbench,
} from '../../vscode-harness/workbench.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const runner = join(repo, 'test/vscode-harness/run-tests.mjs');
const extension = join(here, 'fixture-extension');
const workspace = join(here, 'fixture-workspace');
const screenshots = join(repo, 'test-results/harness-selftest');

/** Runs run-tests.mjs; resolves with its exit code and everything it printed. */
function runSuite(args, env = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [runner, '--extension', extension, '--workspace', workspace, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.once('error', reject);
    child.once('close', (code) => resolvePromise({ code, output }));
  });
}

describe('real-VS-Code harness (code-server 1.100.3 + Chromium)', function () {
  this.timeout(180_000);
  let out;
  const suite = (name) => join(out, name);

  before(async () => {
    // Inside the extension folder: the workbench runs a tests module in the host of the extension
    // that holds it, so a web suite elsewhere would land in the Node host. (out/ is git-ignored.)
    out = join(extension, 'out');
    const common = { bundle: true, format: 'cjs', external: ['vscode'], logLevel: 'error', absWorkingDir: repo };
    for (const fail of [false, true]) {
      const define = { __SELFTEST_FAIL__: String(fail) };
      const suffix = fail ? '-fail' : '';
      await build({ ...common, define, platform: 'node', entryPoints: [join(here, 'suite/index.node.ts')], outfile: suite(`node${suffix}.js`) });
      await build({ ...common, define, platform: 'browser', entryPoints: [join(here, 'suite/index.web.ts')], outfile: suite(`web${suffix}.js`), plugins: [mochaBrowserBuild] });
    }
  });

  after(() => rmSync(out, { recursive: true, force: true }));

  it('runs a passing suite in the Node extension host, relays the report and exits 0', async () => {
    const { code, output } = await runSuite(['--tests', suite('node.js'), '--screenshots', screenshots]);
    assert.equal(code, 0, output);
    assert.match(output, /fixture extension runs in: node \(extensionKind Workspace\)/);
    assert.match(output, /^3 passed, 0 failed$/m);
    assert.ok(statSync(join(screenshots, 'in-suite-node.png')).size > 10_000, 'in-suite screenshot written');
  });

  it('exits 1 with the failure in the report when a test fails', async () => {
    const { code, output } = await runSuite(['--tests', suite('node-fail.js')]);
    assert.equal(code, 1, output);
    assert.match(output, /fails on purpose \(the harness must exit 1\)/);
    assert.match(output, /expected 3, got 2/);
    assert.match(output, /^3 passed, 1 failed$/m);
  });

  it('runs the suite in the web-worker extension host with --web', async () => {
    const { code, output } = await runSuite(['--tests', suite('web.js'), '--web', '--screenshots', screenshots]);
    assert.equal(code, 0, output);
    assert.match(output, /fixture extension runs in: webworker \(extensionKind UI\)/);
    assert.match(output, /^3 passed, 0 failed$/m);
    assert.ok(existsSync(join(screenshots, 'in-suite-webworker.png')), 'in-suite screenshot written');
  });

  it('exits 1 when a web-worker test fails', async () => {
    const { code, output } = await runSuite(['--tests', suite('web-fail.js'), '--web']);
    assert.equal(code, 1, output);
    assert.match(output, /^3 passed, 1 failed$/m);
  });

  it('fails with a clear message, never skips, when Chromium cannot start', async () => {
    const { code, output } = await runSuite(['--tests', suite('node.js')], { PM_CHROMIUM: '/nonexistent/chromium' });
    assert.equal(code, 2, output);
    assert.match(output, /FAILED: Chromium not found at \/nonexistent\/chromium/);
  });

  it('refuses a web suite outside the extension folder (it would run in the Node host)', async () => {
    const { code, output } = await runSuite(['--tests', join(here, 'suite/index.web.ts'), '--web']);
    assert.equal(code, 2, output);
    assert.match(output, /in web mode the tests module must lie inside the extension folder/);
  });

  it('fails with a clear message when the suite outlives the timeout', async () => {
    const { code, output } = await runSuite(['--tests', suite('node.js'), '--timeout', '1500']);
    assert.equal(code, 2, output);
    assert.match(output, /FAILED: the suite did not finish within 1\.5 s/);
  });

  for (const web of [false, true]) {
    const host = web ? 'webworker' : 'node';
    it(`shows the extension's status bar, notification, view and badge in the workbench (${host})`, async () => {
      const workbench = await launchWorkbench({ workspaceFolder: workspace, extensionDevelopmentPath: extension, web });
      try {
        await waitForWorkbench(workbench.page);
        await statusBarItem(workbench.page, `Selftest on ${host}`).waitFor({ timeout: 30_000 });
        await runCommand(workbench.page, 'Harness Selftest: Say Hello');
        await workbench.page.locator(selectors.notification, { hasText: `Hello from the ${host} host` }).waitFor({ timeout: 30_000 });
        await activityBadge(workbench.page, 'Selftest Items').filter({ hasText: /^2$/ }).waitFor({ timeout: 30_000 });
        await openFile(workbench.page, 'notes.md');
        await runCommand(workbench.page, 'View: Show Selftest Items');
        await viewRows(workbench.page, 'Selftest Items').nth(1).waitFor({ timeout: 30_000 });
        assert.deepEqual(await viewRows(workbench.page, 'Selftest Items').allTextContents(), ['first item', 'second item']);
        const file = await saveScreenshot(workbench.page, screenshots, `ui-${host}`);
        assert.ok(statSync(file).size > 10_000);
      } finally {
        await workbench.close();
      }
    });
  }
});
