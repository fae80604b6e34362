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
      const file = `${prefix}failed-${name.replace(/\W+/g, '-')}`;
      // A failure's picture is for finding the cause, never published: when saveScreenshot refuses
      // it (a scratch folder's name shows, say in a tooltip), save it all the same.
      await saveScreenshot(page, shots, file).catch(async (refused) => {
        console.log(`    (failure screenshot saved although: ${refused.message.split('\n')[0]})`);
        await page.screenshot({ path: join(shots, `${file.replace(/[^\w.-]+/g, '-')}.png`), timeout: 30_000 }).catch(() => {});
      });
    }
  }
  return { check, failures };
}

/**
 * Opens a workspace file through Quick Open (Ctrl+P, its name, Enter) and waits until its editor is
 * the active one. Enter waits for the row Enter picks (the focused one) to be the file: the list
 * first shows recently opened files, before it has filtered by the name. And the tab looked for is
 * the active one: a tab of the file may be open already.
 */
export async function quickOpen(page, fileName, timeout = 15_000) {
  await page.keyboard.press('Control+P');
  const input = page.locator(selectors.paletteInput);
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(fileName);
  await page.locator(selectors.focusedPaletteRow).filter({ hasText: fileName }).first().waitFor({ timeout });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout });
  await page.locator(selectors.activeEditorTab, { hasText: fileName }).first().waitFor({ timeout });
}

/**
 * Waits until one of the elements `locator` matches shows `text` (a string it contains, or a
 * RegExp), and returns that element. On time-out the error says what they show instead: a value
 * read at once after "visible" can be the one from before the action (an empty progress badge, the
 * previous editor's status-bar text).
 */
export async function waitForText(locator, text, what, timeout = 15_000) {
  const shown = locator.filter({ hasText: text }).first();
  try {
    await shown.waitFor({ state: 'visible', timeout });
  } catch {
    const texts = await locator.allInnerTexts().catch(() => []);
    throw new Error(`${what}: nothing shows ${text} within ${timeout} ms; shown: ${texts.length ? texts.map((t) => JSON.stringify(t.trim())).join(', ') : 'nothing'}`);
  }
  return shown;
}

/**
 * Waits until the workbench has registered the extension's contributions (its activity-bar entry
 * is there): only then does the command palette list its commands. Under load, and in the
 * web-worker host, that comes a while after the workbench draws.
 */
export async function waitForContributions(page, timeout = 90_000) {
  await page.locator('.activitybar .action-item [aria-label^="Post-mortems"], .activitybar .action-label[aria-label^="Post-mortems"]').first().waitFor({ state: 'attached', timeout });
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
