// A real VS Code workbench (code-server 1.100.3 + Debian's Chromium) with an extension under
// development, for mocha suites in the extension host (extensionTestsPath) and for Playwright
// UI checks. The extension is loaded through the workbench's `payload` URL parameter, because
// code-server refuses --extensionDevelopmentPath on its command line.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { format } from 'node:util';
import { launchChromium } from './browser.mjs';
import { HarnessError, makeScratch, startCodeServer } from './code-server.mjs';

/** Selectors that work on VS Code 1.100.3 (workbench internals: keep code-server pinned). */
export const selectors = {
  workbench: '.monaco-workbench',
  statusBar: '.part.statusbar',
  statusBarItem: '.statusbar-item',
  paletteInput: '.quick-input-widget input.input',
  paletteRow: '.quick-input-list .monaco-list-row',
  problemsRow: '.markers-panel .monaco-list-row',
  squiggleError: '.squiggly-error',
  paneHeader: '.pane-header',
  listRow: '.monaco-list-row',
  editorTab: '.tabs-container .tab',
  /** The tab of the active editor (the active tab of the active group). */
  activeEditorTab: '.editor-group-container.active .tabs-container .tab.active',
  /** The row of a quick input list that Enter would pick. */
  focusedPaletteRow: '.quick-input-list .monaco-list-row.focused',
  notification: '.notifications-toasts .notification-toast',
  suggestRow: '.suggest-widget .monaco-list-row',
  activityBarItem: '.activitybar .action-item',
};

/** `publisher.name` from an extension folder's package.json. */
export function extensionIdOf(extensionDevelopmentPath) {
  const manifestPath = join(extensionDevelopmentPath, 'package.json');
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new HarnessError(`cannot read the extension manifest ${manifestPath}: ${error.message}`);
  }
  if (!manifest.publisher || !manifest.name) {
    throw new HarnessError(`${manifestPath} needs "publisher" and "name"`);
  }
  return `${manifest.publisher}.${manifest.name}`;
}

/**
 * Starts code-server and Chromium and opens the workbench.
 * @param {object} options
 * @param {string} [options.workspaceFolder] absolute folder to open (none: an empty window)
 * @param {string} [options.extensionDevelopmentPath] absolute extension folder to load
 * @param {string} [options.extensionTestsPath] absolute CommonJS module whose run() the extension host calls
 * @param {Record<string, unknown>} [options.settings] extra user settings
 * @param {boolean} [options.web] run the extension in the web-worker extension host
 * @param {Record<string, string>} [options.env] environment for code-server and the Node extension host
 * @param {string} [options.logLevel] code-server log level
 * @param {(type: string, text: string) => void} [options.onLog] extension host console output
 * @param {(line: string) => void} [options.onServerOutput] code-server's own output
 * @param {{ width: number, height: number }} [options.viewport]
 */
export async function launchWorkbench(options) {
  const { workspaceFolder, extensionDevelopmentPath, extensionTestsPath, web = false } = options;
  for (const [name, path] of Object.entries({ workspaceFolder, extensionDevelopmentPath, extensionTestsPath })) {
    if (path !== undefined && (!isAbsolute(path) || !existsSync(path))) {
      throw new HarnessError(`${name} must be an existing absolute path: ${path}`);
    }
  }
  if (web && extensionTestsPath && !(extensionDevelopmentPath && isInside(extensionTestsPath, extensionDevelopmentPath))) {
    // The workbench runs a tests module in the host of the extension whose folder holds it; a module
    // elsewhere silently goes to the Node host, which is not what a web suite means to test.
    throw new HarnessError(`in web mode the tests module must lie inside the extension folder ${extensionDevelopmentPath} (e.g. out/test/), got ${extensionTestsPath}`);
  }
  const settings = { ...options.settings };
  if (web && extensionDevelopmentPath) {
    // Test-only switch: an extension with both `main` and `browser` runs in the Node host unless
    // this user setting moves it into the web worker (manifest extensionKind ["web"] is refused by vsce).
    const kinds = /** @type {Record<string, string[]>} */ (settings['remote.extensionKind'] ?? {});
    settings['remote.extensionKind'] = { ...kinds, [extensionIdOf(extensionDevelopmentPath)]: ['web'] };
  }

  const scratch = makeScratch();
  const cleanups = [async () => scratch.remove()];
  const close = once(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  try {
    const server = await startCodeServer({
      scratch, settings, env: options.env, logLevel: options.logLevel, onOutput: options.onServerOutput,
    });
    cleanups.push(server.stop);
    // The web worker accepts the test URIs only with the page's own host:port as authority;
    // the Node host wants the page configuration's remoteAuthority.
    const authority = web ? new URL(server.url).host : await readRemoteAuthority(server.url);

    const browser = await launchChromium({ profileDir: scratch.dirs.chromium, viewport: options.viewport });
    cleanups.push(browser.close);
    const { page } = browser;
    const exit = watchAutomationExit(page);
    await exposeAutomationHooks(page, exit, options.onLog ?? (() => {}));

    const payload = [];
    if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', `vscode-remote://${authority}${extensionDevelopmentPath}`]);
    if (extensionTestsPath) payload.push(['extensionTestsPath', `vscode-remote://${authority}${extensionTestsPath}`]);
    const query = new URLSearchParams();
    if (workspaceFolder) query.set('folder', workspaceFolder);
    if (payload.length > 0) query.set('payload', JSON.stringify(payload));
    const url = `${server.url}/?${query}`;
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    return { page, url, serverUrl: server.url, authority, exitCode: exit.promise, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Resolves with the code the workbench passes to codeAutomationExit; rejects if the page dies first. */
function watchAutomationExit(page) {
  let resolve, reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  promise.catch(() => {}); // callers that never await exitCode (UI checks) must not crash on it
  page.once('crash', () => reject(new HarnessError('the workbench page crashed (Chromium out of memory?)')));
  page.once('close', () => reject(new HarnessError('the workbench page closed before the tests finished')));
  return { promise, resolve };
}

async function exposeAutomationHooks(page, exit, onLog) {
  await page.exposeFunction('codeAutomationExit', (code) => {
    exit.resolve(typeof code === 'number' ? code : 1);
  });
  // The extension host's console arrives as (type, args), printf-style like console.log.
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    onLog(String(type), Array.isArray(args) ? format(...args) : format(args));
  });
}

async function readRemoteAuthority(serverUrl) {
  let html;
  try {
    html = await (await fetch(`${serverUrl}/`)).text();
  } catch (error) {
    throw new HarnessError(`cannot load the workbench page from ${serverUrl}: ${error.message}`);
  }
  const match = /id="vscode-workbench-web-configuration"\s+data-settings="([^"]*)"/.exec(html);
  if (!match) throw new HarnessError(`no vscode-workbench-web-configuration meta in ${serverUrl}/`);
  const json = match[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const authority = JSON.parse(json).remoteAuthority;
  if (typeof authority !== 'string' || authority === '') throw new HarnessError(`no remoteAuthority in ${serverUrl}/'s workbench configuration`);
  return authority;
}

function isInside(path, folder) {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function once(fn) {
  let result;
  return () => (result ??= fn());
}

// ---- Helpers for UI checks -------------------------------------------------------------------

/** Waits until the workbench has laid out its parts (editor area and status bar). */
export async function waitForWorkbench(page, timeout = 60_000) {
  await page.locator(`${selectors.workbench} ${selectors.statusBar}`).waitFor({ state: 'visible', timeout });
  await page.locator(`${selectors.workbench} .part.editor`).waitFor({ state: 'visible', timeout });
}

/** Runs a command from the F1 palette by its exact title as shown there (e.g. "View: Toggle Problems"). */
export async function runCommand(page, title, timeout = 30_000) {
  const input = page.locator(selectors.paletteInput);
  // The palette may be closing when we look (a click elsewhere just dismissed it): then the fill
  // never finds it editable. Open it afresh and retry, a bounded number of times.
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await input.isVisible())) await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: Math.min(timeout, 10_000) });
      await input.fill(`>${title}`, { timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
    }
  }
  const row = page.locator(selectors.paletteRow).filter({ hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout });
  await row.click();
  await input.waitFor({ state: 'hidden', timeout });
  // The click leaves the pointer where the palette was: over the tab bar once it closes, where a
  // tab's tooltip (the file's full path) shows up in the next screenshot.
  await parkPointer(page);
}

/**
 * Moves the pointer to an empty stretch of the activity bar (below its entries, above its bottom
 * ones), where nothing shows a tooltip or reacts to hovering.
 */
export async function parkPointer(page) {
  const bar = await page.locator('.part.activitybar').boundingBox().catch(() => null);
  if (bar) await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height * 0.6);
}

/**
 * Go to Line (Ctrl+G) in the active text editor: types `line[:column]`, presses Enter only once the
 * quick input has read it (it then says "Go to line …"; Enter before that leaves the input open),
 * and waits until the input has closed.
 */
export async function goToLine(page, line, column, timeout = 15_000) {
  const input = page.locator(selectors.paletteInput);
  await page.keyboard.press('Control+G');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(column === undefined ? `:${line}` : `:${line}:${column}`);
  const answer = column === undefined ? `Go to line ${line}.` : `Go to line ${line} and character ${column}.`;
  await page.locator('.quick-input-widget').getByText(answer, { exact: false }).first().waitFor({ state: 'visible', timeout });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout });
}

/** Opens a workspace file through Quick Open (Ctrl+P) and waits for its editor tab. */
export async function openFile(page, fileName, timeout = 30_000) {
  const input = page.locator(selectors.paletteInput);
  await page.keyboard.press('Control+P');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(fileName);
  const row = page.locator(selectors.paletteRow).filter({ hasText: fileName }).first();
  await row.waitFor({ state: 'visible', timeout });
  await row.click();
  // The active tab: a tab of the file may be open already (then merely visible proves nothing).
  await page.locator(selectors.activeEditorTab, { hasText: fileName }).first().waitFor({ state: 'visible', timeout });
}

/** Rows of a view (tree or list) identified by its pane header's title. */
export function viewRows(page, viewTitle) {
  return page.locator('.pane', { has: page.locator(selectors.paneHeader, { hasText: viewTitle }) }).locator(selectors.listRow);
}

/** Rows of the Problems panel (open it first, e.g. runCommand(page, 'View: Focus Problems')). */
export function problemRows(page) {
  return page.locator(selectors.problemsRow);
}

/** The badge number on an activity-bar entry (a view container) whose label starts with `label`. */
export function activityBadge(page, label) {
  return page.locator(`${selectors.activityBarItem}[aria-label^="${label.replace(/"/g, '\\"')}"] .badge .badge-content`);
}

/** Status-bar entries whose text contains `text`. */
export function statusBarItem(page, text) {
  return page.locator(selectors.statusBarItem, { hasText: text });
}

/** A folder made by mkdtemp (`pm-it-ws-BNtVNq`, `pm-ui-metrics-x1Y2z3`, `tmp.AbC123`). */
export const SCRATCH_NAME = /\b(?:pm-[a-z]+(?:-[a-z]+)*-[A-Za-z0-9]{6}|tmp\.[A-Za-z0-9]{6,})\b/;

/**
 * The text a screenshot of the page would show (runs in the page): every text node whose element is
 * drawn inside the viewport, not the screen-reader live regions VS Code keeps off screen. Bounded by
 * the page's own nodes. Webview frames are separate documents and not read.
 */
function visibleText() {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.textContent?.trim() || el.closest('.monaco-aria-container')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.opacity === '0') continue;
    out.push(node.textContent);
  }
  return out.join('\n');
}

/** Saves a screenshot of the whole workbench as `<dir>/<name>.png`; returns the file path. */
export async function saveScreenshot(page, dir, name) {
  // Screenshots end up in the README and the Marketplace page: a scratch folder's name
  // (mkdtemp's `pm-it-ws-BNtVNq`) in the window title is refused, so checks open plainly named folders.
  const title = await page.title().catch(() => '');
  if (SCRATCH_NAME.test(title)) {
    throw new Error(`screenshot "${name}": the window title shows a scratch folder ("${title}"); open a plainly named workspace folder`);
  }
  // Nor anywhere else in the picture: a breadcrumb, a tooltip, a notification naming a path.
  const shown = await page.evaluate(visibleText).catch(() => '');
  const scratch = SCRATCH_NAME.exec(shown);
  if (scratch) {
    const line = shown.split('\n').find((l) => l.includes(scratch[0])) ?? scratch[0];
    throw new Error(`screenshot "${name}": the workbench shows a scratch folder's name ("${line.trim().slice(0, 200)}")`);
  }
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, timeout: 30_000 });
  return path;
}
