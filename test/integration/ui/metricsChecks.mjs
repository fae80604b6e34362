#!/usr/bin/env node
// Playwright checks of the metrics dashboard in the workbench (code-server + Chromium through the
// harness), Node or web-worker extension host, on a copy of examples/ (a year of post-mortems):
// "Post-mortem: Show Metrics" opens the webview, Mermaid draws the trend and pie charts, the tables
// list the incidents, the period selector regroups by quarter, clicking an incident opens its file,
// after "Developer: Reload Window" the dashboard comes back with its filters, and no webview frame
// reports a CSP violation. Screenshots: ui[-web]-metrics-dashboard*.png.
// Exits 1 on a failed check and 2 when the workbench cannot start (never skips).
//   node test/integration/ui/metricsChecks.mjs [--extension <staged extension dir>] --screenshots <dir> [--web] [--workspace <ignored>]
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWorkbench, runCommand, saveScreenshot, selectors, waitForWorkbench } from '../../vscode-harness/workbench.mjs';
import { makeChecker, collectWebviewConsole, quickOpen, repoRoot, uiCheckOptions } from './uiKit.mjs';
import { choose, dashboardFrame, showMetrics } from './metricsKit.mjs';

const { values, prefix, shots, settings, extensionPath } = uiCheckOptions('metricsChecks.mjs --screenshots <dir> [--extension <dir>] [--web] (--workspace is accepted: run.mjs passes the fixture copy to every UI script, but the examples are used)', ['screenshots']);
// The examples are the realistic set (a dozen incidents over a year); the tests get their own copy.
// A plainly named folder inside the scratch one: the window title (and every screenshot) shows it.
const scratch = mkdtempSync(join(tmpdir(), 'pm-ui-metrics-'));
const workspace = join(scratch, 'acme-postmortems');
cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
// One written as `postmortem new` names them, in São Paulo at 22:10 two days ago: 01:10 UTC the next
// day. Its long id and title are what the trial12 split view broke ("PM-2026 / 1206-", "Chec / kout"),
// and the Incidents table must show the day in its id, not the UTC one (trial12 T3).
const spStart = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - 1, 1, 10));
const spDay = new Date(spStart.getTime() - 3 * 3_600_000).toISOString().slice(0, 10);
const spId = `PM-${spDay.replaceAll('-', '')}-checkout-api-5xx-after-config-push`;
writeFileSync(join(workspace, 'postmortems', `${spDay}-checkout-api-5xx-after-config-push.md`), [
  '---', 'type: postmortem', `id: ${spId}`, 'title: Checkout API 5xx after config push', 'status: draft', 'severity: SEV2',
  'incident_type: outage', 'services: [checkout-api]', 'timezone: America/Sao_Paulo',
  `started_at: ${spStart.toISOString().replace('.000Z', 'Z')}`, `detected_at: ${spStart.toISOString().replace('.000Z', 'Z')}`,
  `resolved_at: ${new Date(spStart.getTime() + 80 * 60_000).toISOString().replace('.000Z', 'Z')}`, '---', '',
  '# Checkout API 5xx after config push', '', '## Summary', '', 'A config push broke checkout.', '',
].join('\n'));

let workbench;
try {
  workbench = await launchWorkbench({
    workspaceFolder: workspace,
    extensionDevelopmentPath: extensionPath,
    settings: { ...settings, 'workbench.colorTheme': 'Default Dark Modern' },
    viewport: { width: 1400, height: 1000 },
    web: values.web,
  });
} catch (error) {
  console.error(`metrics UI checks: the workbench did not start: ${error.message}`);
  rmSync(scratch, { recursive: true, force: true });
  process.exit(2);
}

const { page } = workbench;
const webviewConsole = collectWebviewConsole(page);
page.on('pageerror', (error) => webviewConsole.push(`pageerror: ${error.message}`));

const { check, failures } = makeChecker(page, shots, prefix);

const webview = () => dashboardFrame(page);

/**
 * Resolves once the webview's page is at most `max` px wide (at once, or on a resize event);
 * fails after `timeout` ms with the width it has.
 */
async function webviewNarrowerThan(frame, max, timeout = 20_000) {
  const narrowed = frame.locator('html').evaluate((_, limit) => new Promise((resolve) => {
    if (innerWidth <= limit) return resolve(innerWidth);
    addEventListener('resize', function onResize() {
      if (innerWidth > limit) return;
      removeEventListener('resize', onResize);
      resolve(innerWidth);
    });
  }), max);
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(reject, timeout, new Error('late')); });
  try {
    return await Promise.race([narrowed, late]);
  } catch {
    const width = await frame.locator('html').evaluate(() => innerWidth).catch(() => 'unknown');
    throw new Error(`the dashboard is still ${width} px wide ${timeout} ms after the move: not beside anything`);
  } finally {
    clearTimeout(timer);
  }
}

console.log(`Metrics dashboard UI checks (${values.web ? 'web-worker' : 'Node'} extension host)`);
try {
  await waitForWorkbench(page);
  await check('Show Metrics opens the dashboard; Mermaid draws the charts; the tables list the incidents', async () => {
    const frame = await showMetrics(page);
    const charts = await frame.locator('.chart-drawing svg').count();
    if (charts < 3) throw new Error(`${charts} charts drawn`);
    const failed = await frame.locator('.render-failed').count();
    if (failed) throw new Error(`${failed} charts failed: ${await frame.locator('.render-failed').first().textContent()}`);
    const rows = await frame.locator('table[data-table="Incidents"] tbody tr').count();
    if (rows < 6) throw new Error(`the incidents table lists ${rows} rows`);
    await saveScreenshot(page, shots, `${prefix}metrics-dashboard`);
    // The tables further down: repeats, reviews, action items.
    await frame.locator('h2', { hasText: 'Repeat incidents' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, shots, `${prefix}metrics-dashboard-tables`);
  });
  await check('a screen reader hears the selects by name and the tiles as buttons; Enter on a tile moves the focus to its section (trial19a F2)', async () => {
    const frame = webview();
    for (const name of ['Group by', 'Window']) {
      const n = await frame.getByRole('combobox', { name }).count();
      if (n !== 1) throw new Error(`${n} comboboxes named "${name}"`);
    }
    const buttons = frame.getByRole('group', { name: 'Headline figures' }).getByRole('button');
    if ((await buttons.count()) !== 6) throw new Error(`${await buttons.count()} tile buttons in the "Headline figures" group`);
    await frame.getByRole('button', { name: /^Open action items/ }).focus();
    await page.keyboard.press('Enter');
    const focused = await frame.locator('html').evaluate(() => {
      const a = document.activeElement;
      const r = a?.getBoundingClientRect();
      return { text: a?.textContent, section: a?.closest('section')?.id, top: r?.top, bottom: r?.bottom, height: innerHeight, controls: document.querySelector('header.controls')?.getBoundingClientRect().bottom };
    });
    if (focused.section !== 'action-items' || focused.text !== 'Action items') throw new Error(`focus after Enter: ${JSON.stringify(focused)}`);
    // Below the sticky controls: a heading scrolled to the very top sat under them, hidden.
    if (focused.top < focused.controls || focused.bottom > focused.height + 1) throw new Error(`the focused heading is off-screen or under the controls: ${JSON.stringify(focused)}`);
    await saveScreenshot(page, shots, `${prefix}metrics-tile-enter-focus`);
    await frame.locator('html').evaluate(() => window.scrollTo(0, 0));
  });
  await check('headline tiles come first; no horizontal overflow at full width and beside the text at half width', async () => {
    const frame = webview();
    const tiles = frame.locator('.tiles .tile');
    if ((await tiles.count()) !== 6) throw new Error(`${await tiles.count()} headline tiles`);
    const overflow = () => frame.locator('html').evaluate((html) => ({ scroll: html.scrollWidth, client: html.clientWidth, width: window.innerWidth }));
    const full = await overflow();
    if (full.scroll > full.client) throw new Error(`full width: the page is ${full.scroll} px wide in ${full.client} px`);
    // Fractional ticks ("0.5 incidents") are removed from the count chart.
    const ticks = await frame.locator('figure', { hasText: 'Incidents per month' }).locator('g.left-axis g.label text').allTextContents();
    if (ticks.some((t) => !Number.isInteger(Number(t)))) throw new Error(`count axis ticks: ${ticks.join(', ')}`);
    // Every month is labelled at full width (13 or fewer fit), each turned label ending under its own
    // bar's tick: a label turned about its middle ended under the next bar (trial T5).
    const axis = await frame.locator('figure', { hasText: 'Incidents per month' }).locator('g.bottom-axis').evaluate((g) => ({
      labels: [...g.querySelectorAll('g.label > text')].map((t) => ({ text: t.textContent, right: t.getBoundingClientRect().right, turned: /rotate\(\s*-?[1-9]/.test(t.getAttribute('transform') ?? '') })),
      ticks: [...g.querySelectorAll('g.ticks > path')].map((p) => { const r = p.getBoundingClientRect(); return (r.left + r.right) / 2; }),
    }));
    if (axis.ticks.length <= 13 && axis.labels.length !== axis.ticks.length) throw new Error(`${axis.labels.length} month labels for ${axis.ticks.length} months: ${axis.labels.map((l) => l.text).join(', ')}`);
    const slot = axis.ticks.length > 1 ? axis.ticks[1] - axis.ticks[0] : Infinity;
    const astray = axis.labels.filter((l, i) => l.turned && Math.abs(l.right - axis.ticks[i]) > slot / 4 + 4);
    if (astray.length) throw new Error(`labels not ending under their bars: ${astray.map((l) => l.text).join(', ')}`);
    console.log(`    month axis: ${axis.labels.length} labels for ${axis.ticks.length} months (${axis.labels[0]?.turned ? 'turned, each ending under its tick' : 'upright'})`);
    // Beside a post-mortem, as a user reads it: the text on the left, the dashboard on the right.
    await quickOpen(page, 'README.md');
    await page.locator(selectors.editorTab, { hasText: 'Post-mortem Metrics' }).first().click();
    await runCommand(page, 'View: Move Editor into Next Group');
    // README.md's tab and the drawn dashboard were there before the move: wait for the dashboard in
    // a second group, and for its page to be laid out at the new width.
    await page.locator('.editor-group-container').nth(1).locator(selectors.editorTab, { hasText: 'Post-mortem Metrics' }).waitFor({ state: 'visible', timeout: 20_000 });
    const half = webview();
    await half.locator('body[data-state="rendered"]').waitFor({ timeout: 60_000 });
    await webviewNarrowerThan(half, 760);
    const narrow = await half.locator('html').evaluate((html) => ({ scroll: html.scrollWidth, client: html.clientWidth, width: window.innerWidth }));
    if (narrow.width > 760) throw new Error(`the dashboard is ${narrow.width} px wide: not beside anything`);
    if (narrow.scroll > narrow.client) throw new Error(`half width: the page is ${narrow.scroll} px wide in ${narrow.client} px`);
    await half.locator('html').evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, shots, `${prefix}metrics-dashboard-half-width`);
    // Wide tables may scroll inside their own labelled box; say which do at this width.
    const scrolling = await half.locator('.table-scroll').evaluateAll((boxes) => boxes.filter((b) => b.scrollWidth > b.clientWidth).map((b) => `${b.getAttribute('aria-label')} (${b.scrollWidth}/${b.clientWidth} px)`));
    // The Incidents table is read whole beside the text, its last column in view (trial12 T12).
    const incidentsScroll = scrolling.find((s) => s.startsWith('Incidents ('));
    if (incidentsScroll) throw new Error(`the Incidents table scrolls in its box at half width: ${incidentsScroll}`);
    // A duration is never split over two lines ("2 h 5 / 4 m").
    const split = await half.locator('td .duration').evaluateAll((spans) => spans.filter((s) => s.getClientRects().length > 1).map((s) => s.textContent));
    if (split.length) throw new Error(`durations broken over lines at half width: ${split.join(', ')}`);
    // The incidents table at half width (U3): a date, a severity or a type on one line ("2026-11-/28",
    // "degradatio/n" were not), and no link running over the cell beside it.
    // The severity and the type share a column, one over the other: each is a .nowrap of its own.
    const incidents = await half.locator('table[data-table="Incidents"] tbody').evaluate((body) => {
      const lines = (c) => { const r = document.createRange(); r.selectNodeContents(c); return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size; };
      const cells = [...body.querySelectorAll('td')];
      const whole = [...body.querySelectorAll('.nowrap')];
      return {
        broken: whole.filter((c) => c.textContent && lines(c) > 1).map((c) => c.textContent),
        overlapping: cells.filter((c) => [...c.querySelectorAll('button.link')].some((b) => b.getBoundingClientRect().right > c.getBoundingClientRect().right + 1)).map((c) => c.textContent),
        nowrap: whole.length,
      };
    });
    if (!incidents.nowrap) throw new Error('no date, severity or type cell in the incidents table');
    // Titles and services wrap between words, ids after a hyphen, never inside a word ("Chec / kout /
    // API", "PM-2026 / 1206-" in trial12's split view).
    const inWord = await half.locator('table[data-table="Incidents"] tbody tr').evaluateAll((rows) => rows.flatMap((tr) => {
      const breaksIn = (cell) => {
        const found = [];
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        let top;
        let before = '';
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let k = 0; k < node.nodeValue.length; k++) {
            const r = document.createRange();
            r.setStart(node, k);
            r.setEnd(node, k + 1);
            const rect = [...r.getClientRects()].find((x) => x.width > 0);
            if (rect && top !== undefined && rect.top > top + 2) found.push(`${before}|${node.nodeValue[k]}`);
            if (rect) top = rect.top;
            before = node.nodeValue[k];
          }
        }
        return found;
      };
      const [incident, , services] = tr.children;
      const id = incident.querySelector('button.link');
      const title = incident.querySelector('.title-line');
      return [
        ...breaksIn(id).filter((b) => !/^[-/._]/.test(b)).map((b) => `id ${id.textContent}: ${b}`),
        ...(title ? breaksIn(title).filter((b) => !b.startsWith(' ')).map((b) => `title ${title.textContent}: ${b}`) : []),
        ...breaksIn(services).filter((b) => !/^[ ,-]/.test(b)).map((b) => `services ${services.textContent}: ${b}`),
      ];
    }));
    if (inWord.length) throw new Error(`broken inside a word at half width: ${inWord.join('; ')}`);
    // The São Paulo incident's row: the day of its id and file name, the UTC time in the tooltip.
    const spRow = half.locator('table[data-table="Incidents"] tbody tr', { hasText: spId });
    const spCell = spRow.locator('td').nth(3);
    const spShown = (await spCell.innerText()).trim();
    if (spShown !== spDay) throw new Error(`${spId} is shown as started on ${spShown}, not ${spDay} (its day in America/Sao_Paulo)`);
    const spTitle = await spCell.locator('[title]').first().getAttribute('title');
    if (!spTitle?.includes(`${spStart.toISOString().slice(0, 16).replace('T', ' ')} UTC`)) throw new Error(`the started cell's tooltip: ${spTitle}`);
    await spRow.scrollIntoViewIfNeeded();
    await saveScreenshot(page, shots, `${prefix}metrics-dashboard-half-width-incidents`);
    if (incidents.broken.length) throw new Error(`broken over lines at half width: ${incidents.broken.join(', ')}`);
    if (incidents.overlapping.length) throw new Error(`links running over the next cell: ${incidents.overlapping.join(', ')}`);
    // The tiles say which incidents they count (U4: 20 open items here, 53 in the Action Items view).
    const scope = await half.locator('#tiles-scope').innerText();
    if (!/^Figures for the \d+ incidents? (since \d{4}-\d\d-\d\d|of all time)/.test(scope)) throw new Error(`the line above the tiles: ${scope}`);
    console.log(`    widths: full ${full.client} px, beside the text ${narrow.client} px, no horizontal overflow; tables scrolling in their box: ${scrolling.length ? scrolling.join(', ') : 'none'}`);
    await runCommand(page, 'View: Join Editor Group with Next Group').catch(() => {});
    await runCommand(page, 'View: Single Column Editor Layout').catch(() => {});
  });
  await check('the period selector regroups by quarter', async () => {
    const frame = webview();
    await choose(frame, 'by', 'By quarter');
    await frame.locator('table[data-table*="per quarter"]').first().waitFor({ timeout: 30_000 });
    await frame.locator('body[data-state="rendered"]').waitFor({ timeout: 30_000 });
    await frame.locator('body').evaluate(() => window.scrollTo(0, 0));
    await frame.locator('figure', { hasText: 'Incidents per quarter' }).waitFor({ timeout: 10_000 });
    await saveScreenshot(page, shots, `${prefix}metrics-dashboard-quarter`);
  });
  await check('clicking an incident opens its file', async () => {
    const frame = webview();
    const link = frame.locator('table[data-table="Incidents"] tbody tr button.link').first();
    const id = (await link.textContent())?.trim();
    if (!id) throw new Error('the first incident row has no id link');
    await link.click();
    // README.md is already open from the half-width check, so "a .md tab is visible" proves nothing:
    // wait for an editor to show the incident's id.
    const shown = page.locator('.monaco-editor .view-lines', { hasText: id }).first();
    await shown.waitFor({ state: 'visible', timeout: 20_000 }).catch(async () => {
      const text = await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().textContent({ timeout: 2_000 }).catch(() => '');
      throw new Error(`no editor shows ${id}; the active one shows: ${(text ?? '').slice(0, 120)}`);
    });
  });
  await check('after a window reload the dashboard comes back with its filters and charts', async () => {
    const frame = webview();
    // "Last 24 months" starts on this day 24 months ago (UTC; 29 February → the 28th).
    const now = new Date();
    const since = new Date(Date.UTC(now.getUTCFullYear() - 2, now.getUTCMonth(), Math.min(now.getUTCDate(), new Date(Date.UTC(now.getUTCFullYear() - 2, now.getUTCMonth() + 1, 0)).getUTCDate()))).toISOString().slice(0, 10);
    await choose(frame, 'window', 'Last 24 months');
    await frame.locator('p.summary', { hasText: `(since ${since}) from` }).waitFor({ timeout: 30_000 });
    await frame.locator('body[data-state="rendered"]').waitFor({ timeout: 30_000 });
    const summary = (await frame.locator('p.summary').textContent()) ?? '';
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await runCommand(page, 'Developer: Reload Window').catch(() => {}); // the palette goes away with the page
    await reloaded;
    await waitForWorkbench(page);
    await page.locator(selectors.editorTab, { hasText: 'Post-mortem Metrics' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    // The dashboard may sit behind the incident opened by the previous check: bring it to the front.
    await page.locator(selectors.editorTab, { hasText: 'Post-mortem Metrics' }).first().click();
    const restored = webview();
    await restored.locator('body[data-state="rendered"]').waitFor({ timeout: 60_000 });
    const filters = [await restored.locator('#by').evaluate((s) => s.value), await restored.locator('#window').evaluate((s) => s.value)];
    if (filters.join() !== 'quarter,24') throw new Error(`the restored dashboard shows by=${filters[0]}, window=${filters[1]}`);
    const charts = await restored.locator('.chart-drawing svg').count();
    if (charts < 3) throw new Error(`${charts} charts drawn after the reload`);
    // Same incidents, same window (the time of computing aside).
    const after = (await restored.locator('p.summary', { hasText: `(since ${since}) from` }).textContent({ timeout: 10_000 })) ?? '';
    const strip = (t) => t.replace(/computed at [^.]*UTC\./, '');
    if (strip(after) !== strip(summary)) throw new Error(`the summary changed:\n${summary}\n${after}`);
    await saveScreenshot(page, shots, `${prefix}metrics-dashboard-restored`);
  });
  await check('no Content-Security-Policy violation or script error in the webview', async () => {
    const bad = webviewConsole.filter((m) => /Refused to|Content Security Policy|pageerror|Uncaught/.test(m));
    if (bad.length) throw new Error(bad.join('\n'));
  });
} finally {
  if (process.env.PM_UI_VERBOSE) console.log(webviewConsole.join('\n'));
  await workbench.close();
  rmSync(scratch, { recursive: true, force: true });
}
console.log(failures.length ? `${failures.length} metrics UI check(s) failed` : 'all metrics UI checks passed');
process.exit(failures.length ? 1 : 0);
