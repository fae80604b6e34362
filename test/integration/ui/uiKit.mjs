// What the Playwright UI check scripts share: their command-line options, named checks that record
// failures and screenshot them, opening a file from Quick Open, and collecting what the webview frames print.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { saveScreenshot, selectors } from '../../vscode-harness/workbench.mjs';

const kitDir = dirname(fileURLToPath(import.meta.url));
/** The repository root: the extension under test unless --extension names a staged copy. */
export const repoRoot = resolve(kitDir, '..', '..', '..');

/**
 * The options every UI check script takes (run.mjs passes the same ones to each): the extension,
 * the workspace copy, where screenshots go, and --web for the web-worker host. Exits 2 with the
 * usage when a required one is missing.
 */
export function uiCheckOptions(usage, required = ['workspace', 'screenshots']) {
  const { values } = parseArgs({ options: { extension: { type: 'string' }, workspace: { type: 'string' }, screenshots: { type: 'string' }, web: { type: 'boolean', default: false } } });
  if (required.some((k) => !values[k])) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  return {
    values,
    // --web: the extension's browser bundle in the web-worker extension host (what vscode.dev runs).
    prefix: values.web ? 'ui-web-' : 'ui-',
    shots: resolve(values.screenshots),
    extensionPath: values.extension ? resolve(values.extension) : repoRoot,
    settings: JSON.parse(readFileSync(join(kitDir, '..', 'settings.json'), 'utf8')),
  };
}

/** `check(name, fn)` runs one check, prints ✔/✖ and, on failure, saves a screenshot; `failures` lists the failed names. */
export function makeChecker(page, shots, prefix) {
  const failures = [];
  async function check(name, fn) {
    const started = Date.now();
    try {
      await fn();
      console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failures.push(name);
      console.log(`  ✖ ${name}: ${error.message.split('\n')[0]}`);
      await saveScreenshot(page, shots, `${prefix}failed-${name.replace(/\W+/g, '-')}`).catch(() => {});
    }
  }
  return { check, failures };
}

export async function quickOpen(page, fileName) {
  await page.keyboard.press('Control+P');
  const input = page.locator(selectors.paletteInput);
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(fileName);
  await page.locator(selectors.paletteRow).filter({ hasText: fileName }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator(selectors.editorTab, { hasText: fileName }).first().waitFor({ timeout: 15_000 });
}

/** Console messages of the webview frames, and any CSP report (the workbench's own chatter is not ours to judge). */
export function collectWebviewConsole(page) {
  const messages = [];
  page.on('console', (msg) => {
    const url = msg.location()?.url ?? '';
    if (/vscode-cdn|webview|vscode-resource/i.test(url) || /Content Security Policy|Refused to/.test(msg.text())) {
      messages.push(`${msg.type()}: ${msg.text()} (${url})`);
    }
  });
  return messages;
}
