#!/usr/bin/env node
// Playwright checks of the Post-mortems (library) view and of post-mortem ids as a person uses them
// (issue 15): the rows with their description (date · severity · duration · open items), switching
// the grouping and filtering from the view's title buttons, the filter said above the tree, and F2
// on an id in `related` renaming it in every file that refers to it. Exits 1 on a failed check, 2
// when the workbench cannot start (never skips).
//   node test/integration/ui/libraryChecks.mjs [--extension <dir>] --workspace <copy> --screenshots <dir> [--web]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { goToLine, launchWorkbench, runCommand, saveScreenshot, selectors, viewRows, waitForWorkbench } from '../../vscode-harness/workbench.mjs';
import { makeChecker, quickOpen, uiCheckOptions, waitForContributions, waitForText } from './uiKit.mjs';

const { values, prefix, shots, settings, extensionPath } = uiCheckOptions('libraryChecks.mjs --workspace <dir> --screenshots <dir> [--extension <dir>] [--web]');
const workspace = resolve(values.workspace);
// Two post-mortems that refer to a third one by id: in `related` and in the text.
const target = join(workspace, 'postmortems', 'rename-target.md');
const referrer = join(workspace, 'postmortems', 'rename-referrer.md');
writeFileSync(target, '---\ntype: postmortem\nid: PM-2026-901\ntitle: Cache stampede after a flush\nstatus: draft\nseverity: SEV3\nservices: [search]\nstarted_at: 2026-09-01T10:00:00Z\n---\n\n# Cache stampede after a flush\n\n## Summary\n\nThe search cache was flushed at peak.\n');
// An earlier one like them, without an id (as every converted file starts): proposed as similar, with no Add to Related button.
writeFileSync(join(workspace, 'postmortems', 'cache-stampede-no-id.md'), '---\ntype: postmortem\ntitle: Cache stampede after a deploy\nstatus: draft\nseverity: SEV3\nservices: [search]\nstarted_at: 2026-06-01T10:00:00Z\n---\n\n# Cache stampede after a deploy\n\n## Summary\n\nThe search cache was flushed at peak by a deploy.\n');
writeFileSync(referrer, '---\ntype: postmortem\nid: PM-2026-902\ntitle: Cache stampede again\nstatus: draft\nseverity: SEV3\nservices: [search]\nstarted_at: 2026-11-01T10:00:00Z\nrelated:\n  - PM-2026-901\n---\n\n# Cache stampede again\n\n## Summary\n\nThe same failure as PM-2026-901, a flush at peak.\n');

let workbench;
try {
  workbench = await launchWorkbench({
    workspaceFolder: workspace,
    extensionDevelopmentPath: extensionPath,
    settings: { ...settings, 'workbench.colorTheme': 'Default Light Modern' },
    viewport: { width: 1400, height: 900 },
    web: values.web,
  });
} catch (error) {
  console.error(`library UI checks: the workbench did not start: ${error.message}`);
  process.exit(2);
}
const { page } = workbench;
const { check, failures } = makeChecker(page, shots, prefix);
const rows = () => viewRows(page, 'Post-mortems');
const row = (text) => rows().filter({ hasText: text }).first();
/** A group row: its label is exactly `name` (an entry's description also says "SEV2"). */
const group = (name) => rows().filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${name}\\s*$`) }) }).first();
const libraryHeader = page.locator('.pane-header', { hasText: /^\s*Post-mortems/i }).first();
const input = page.locator(selectors.paletteInput);

/** Clicks a title button of the library view: with two views in the container they show on the header's hover. */
async function titleButton(label) {
  await libraryHeader.hover();
  const button = page.locator(`.pane-header .action-label[aria-label^="${label}"]`).first();
  await button.waitFor({ state: 'visible', timeout: 10_000 });
  await button.click();
}

/**
 * Picks the quick-pick entry whose label contains `text` (typed, then Enter: robust in both hosts).
 * Enter waits until the row it picks (the focused one) is that entry: the row is in the list before
 * the typed text has filtered it, and Enter then picks whichever row was first.
 */
async function pick(text) {
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(text);
  await page.locator(selectors.focusedPaletteRow).filter({ hasText: text }).first().waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** Polls the file on disk until `test(text)` holds (Save All writes it). */
async function diskBecomes(file, test, what, timeout = 20_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const text = readFileSync(file, 'utf8');
    if (test(text)) return text;
    if (Date.now() > until) throw new Error(`${what}: the file did not change in ${timeout} ms; it reads:\n${text}`);
    await page.waitForTimeout(200); // Polling the disk: there is no event to wait for outside the workbench.
  }
}

console.log(`Library UI checks (${values.web ? 'web-worker' : 'Node'} extension host)`);
try {
  await waitForWorkbench(page);
  await waitForContributions(page);
  await runCommand(page, 'Post-mortems: Focus on Post-mortems View');
  // Collapse Action Items so the library tree gets the height its rows need (a tree draws only the rows that fit).
  const actionItemsHeader = page.locator('.pane-header[aria-expanded="true"]', { hasText: /^\s*Action Items/i }).first();
  if (await actionItemsHeader.count()) await actionItemsHeader.click();
  // Wider than the default side bar, so the screenshots show the rows' descriptions, not just "…".
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (sidebar) {
    const y = sidebar.y + sidebar.height / 2;
    await page.mouse.move(sidebar.x + sidebar.width - 1, y);
    await page.mouse.down();
    await page.mouse.move(sidebar.x + sidebar.width + 260, y, { steps: 8 });
    await page.mouse.up();
  }

  await check('rows say date, severity, duration and open items', async () => {
    const checkout = row('Checkout errors after connection-pool exhaustion');
    await checkout.waitFor({ state: 'visible', timeout: 60_000 });
    const description = await checkout.locator('.label-description').innerText();
    if (!/^2026-11-20 · SEV2 · .+ · \d+ open items?$/.test(description.trim())) throw new Error(`description: "${description}"`);
    await saveScreenshot(page, shots, `${prefix}library-rows`);
  });

  await check('Group By from the title button switches to severity groups', async () => {
    await titleButton('Group Post-mortems By');
    await pick('Severity');
    await page.getByText('Grouped by severity.').waitFor({ state: 'visible', timeout: 10_000 });
    await group('SEV2').waitFor({ state: 'visible', timeout: 10_000 });
    await group('SEV3').waitFor({ state: 'visible', timeout: 10_000 });
    await group('checkout').waitFor({ state: 'hidden', timeout: 10_000 });
    await saveScreenshot(page, shots, `${prefix}library-by-severity`);
  });

  await check('Filter by status is said above the tree and Clear Filters shows all again', async () => {
    await titleButton('Filter Post-mortems');
    await pick('Status');
    await pick('in-review');
    const message = page.getByText(/^Only status in-review: 1 of \d+, grouped by severity\./);
    await message.waitFor({ state: 'visible', timeout: 10_000 });
    await row('Checkout errors after connection-pool exhaustion').waitFor({ state: 'visible', timeout: 10_000 });
    await row('Internal DNS resolution failures').waitFor({ state: 'hidden', timeout: 10_000 });
    await saveScreenshot(page, shots, `${prefix}library-filtered`);
    await titleButton('Clear Post-mortem Filters');
    await message.waitFor({ state: 'hidden', timeout: 10_000 });
    await titleButton('Group Post-mortems By');
    await pick('Service');
    await group('checkout').waitFor({ state: 'visible', timeout: 10_000 });
    await row('Internal DNS resolution failures').waitFor({ state: 'visible', timeout: 10_000 });
  });

  await check('F2 on an id in related renames it in the defining file and in every reference', async () => {
    await quickOpen(page, 'rename-referrer.md');
    // The `related` entry is on line 10: "  - PM-2026-901"; put the cursor inside the id.
    // Enter before the quick input has read the text leaves it open (seen in the web-worker run): goToLine waits for its answer.
    await goToLine(page, 10, 8);
    await page.locator(selectors.statusBarItem, { hasText: 'Ln 10, Col 8' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('F2');
    const box = page.locator('.rename-box input, .rename-input').first();
    await box.waitFor({ state: 'visible', timeout: 15_000 });
    const shown = await box.inputValue();
    if (shown !== 'PM-2026-901') throw new Error(`the rename box offers "${shown}"`);
    await box.fill('PM-2026-951');
    await saveScreenshot(page, shots, `${prefix}library-rename-box`);
    await page.keyboard.press('Enter');
    await box.waitFor({ state: 'hidden', timeout: 15_000 });
    await runCommand(page, 'File: Save All Files').catch(() => runCommand(page, 'File: Save All'));
    await diskBecomes(target, (t) => t.includes('\nid: PM-2026-951\n'), 'the id line of the renamed post-mortem');
    const text = await diskBecomes(referrer, (t) => !t.includes('PM-2026-901'), 'the references');
    if (!text.includes('  - PM-2026-951\n') || !text.includes('The same failure as PM-2026-951, a flush')) throw new Error(`the referrer reads:\n${text}`);
  });

  await check('a similar incident without an id says why it has no Add to Related button (trial T21)', async () => {
    // rename-referrer.md is the active editor: the view's Similar past incidents are its.
    const hinted = rows().filter({ hasText: 'no id: give it one to add it to Related' }).first();
    await hinted.waitFor({ state: 'visible', timeout: 30_000 });
    const label = (await hinted.locator('.label-name').innerText()).trim();
    if (label !== 'Cache stampede after a deploy') throw new Error(`the hinted row is "${label}"`);
    // The hint comes first: a long reason is cut with "…" at the side bar's edge.
    const description = (await hinted.locator('.label-description').innerText()).trim();
    if (!description.startsWith('no id: give it one to add it to Related · same service: search')) throw new Error(`description: "${description}"`);
    await hinted.hover();
    if (await hinted.locator('.action-label[aria-label="Add to Related"]').count()) throw new Error('an Add to Related button on a row without an id');
    // The row with an id (already related after the rename) keeps no button either, for its own reason: a link icon.
    await saveScreenshot(page, shots, `${prefix}library-similar-no-id`);
  });

  // Trial U8 and U14, written while the window is open (the watcher picks them up as a user's copy would).
  const front = (title, status) => `---\ntype: postmortem\ntitle: ${title}\nstatus: ${status}\nseverity: SEV3\nstarted_at: 2026-11-01T10:00:00Z\n---\n\n# Notes\n\n## Action items\n\n- [ ] Check the backups @eve due:2026-11-01\n`;
  writeFileSync(join(workspace, 'postmortems', 'hostile-nul.md'), `${front('Damaged by a tool', 'draft')}A NUL \u0000 here\n`);
  writeFileSync(join(workspace, 'postmortems', 'hostile-markup.md'), front('Invoice\u202Egnp.exe', '"$(loading~spin) in-review"'));

  await check('a post-mortem holding a NUL byte is listed under "Not read" with its line, and said above the tree', async () => {
    await row('Not read').waitFor({ state: 'visible', timeout: 30_000 });
    const nul = row('hostile-nul.md');
    await nul.waitFor({ state: 'visible', timeout: 10_000 });
    const description = (await nul.locator('.label-description').innerText()).trim();
    if (description !== 'not read: contains NUL at line 14') throw new Error(`description: "${description}"`);
    if (!(await nul.locator('.codicon-warning').count())) throw new Error('no warning icon on the row');
    await page.getByText(/^1 post-mortem was not read \(see "Not read" below\)\./).waitFor({ state: 'visible', timeout: 10_000 });
    await saveScreenshot(page, shots, `${prefix}library-not-read`);
  });

  await check('a title with a right-to-left override is shown escaped, not reversed', async () => {
    const shown = row('Invoice\\u202Egnp.exe');
    await shown.waitFor({ state: 'visible', timeout: 20_000 });
    const text = await shown.locator('.label-name').innerText();
    if (text.includes('\u202E') || !text.includes('Invoice\\u202Egnp.exe')) throw new Error(`row label: ${JSON.stringify(text)}`);
  });

  await check('the status bar shows "$(loading~spin)" from the front matter as text, not as a spinning icon', async () => {
    // Opened from its library row (Quick Open's file list may not know a file this new yet).
    await row('Invoice\\u202Egnp.exe').click();
    await page.locator(selectors.activeEditorTab, { hasText: 'hostile-markup.md' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    // The editor before (rename-referrer.md) is SEV3 too: wait for this file's status, not any SEV3 item.
    const item = await waitForText(page.locator(selectors.statusBarItem, { hasText: 'SEV3' }), 'in-revi', 'the status bar item of hostile-markup.md', 30_000);
    const text = (await item.innerText()).trim();
    if (!text.includes('$(loading~spin) in-revi')) throw new Error(`status bar item: "${text}"`);
    if (await item.locator('.codicon-loading, .codicon-modifier-spin').count()) throw new Error('the status bar draws a spinning icon');
    await saveScreenshot(page, shots, `${prefix}status-bar-icon-text`);
  });
} finally {
  await workbench.close();
}
console.log(failures.length ? `${failures.length} library UI check(s) failed` : 'all library UI checks passed');
process.exit(failures.length ? 1 : 0);
