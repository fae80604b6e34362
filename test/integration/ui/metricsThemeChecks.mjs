#!/usr/bin/env node
// Playwright checks of the metrics dashboard's readability (trial U13, U15), Node or web-worker
// extension host, on a copy of examples/ plus seven older post-mortems (2002 … 2022), so "All
// time" spans 25 years as a migrated archive does:
// - "All time" charts label their x axis by year (125 months drew a grey smear), every chart's labels
//   thinned to every k-th year where they would touch (the MTTR charts beside their legend are
//   narrower), none overlapping its neighbour; the per-month table lists only months with incidents and says so.
// - Every text of the tiles, the summary lines and the tables reaches 4.5:1 against what it is drawn
//   on, measured from the computed colours in Light+, Light Modern, Dark+, and both high-contrast
//   themes (switched with Preferences: Color Theme, as a user does). Screenshots:
//   ui[-web]-metrics-theme-*.png.
// - The charts follow each theme switched to with the dashboard open: plot area the page's colour,
//   axis labels 4.5:1 and axis lines 3:1 against it (trial17b F7); the screenshots above show them.
// Exits 1 on a failed check and 2 when the workbench cannot start (never skips).
//   node test/integration/ui/metricsThemeChecks.mjs [--extension <staged extension dir>] --screenshots <dir> [--web] [--workspace <ignored>]
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWorkbench, saveScreenshot, selectors, waitForWorkbench } from '../../vscode-harness/workbench.mjs';
import { makeChecker, collectWebviewConsole, repoRoot, uiCheckOptions } from './uiKit.mjs';
import { choose, dashboardFrame, showMetrics } from './metricsKit.mjs';

const { values, prefix, shots, settings, extensionPath } = uiCheckOptions('metricsThemeChecks.mjs --screenshots <dir> [--extension <dir>] [--web] (--workspace is accepted and ignored: the examples are used)', ['screenshots']);
const scratch = mkdtempSync(join(tmpdir(), 'pm-ui-theme-'));
const workspace = join(scratch, 'acme-postmortems');
cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
// An archive reaching back 25 years (trial T10: 2002–2026 crowded the narrower MTTR chart's labels).
for (const [year, minutes] of [[2002, 60], [2005, 75], [2009, 30], [2013, 120], [2016, 95], [2019, 40], [2022, 180]]) {
  writeFileSync(join(workspace, 'postmortems', `${year}-03-10-legacy-outage.md`), `---\ntype: postmortem\nid: PM-${year}-001\ntitle: Legacy outage ${year}\nstatus: published\nseverity: SEV2\nservices: [legacy]\nstarted_at: ${year}-03-10T10:00:00Z\ndetected_at: ${year}-03-10T10:05:00Z\nresolved_at: ${new Date(Date.UTC(year, 2, 10, 10, 5 + minutes)).toISOString().replace('.000Z', 'Z')}\npublished_at: ${year}-03-11T10:00:00Z\n---\n\n# Legacy outage ${year}\n\n## Summary\n\nAn outage of the legacy system.\n`);
}

/** The themes a user can pick, by the name the picker shows, and the body class VS Code gives the webview. */
const THEMES = [
  { name: 'Light+', id: 'Default Light+', kind: 'vscode-light' },
  { name: 'Light Modern', id: 'Default Light Modern', kind: 'vscode-light' },
  { name: 'Dark+', id: 'Default Dark+', kind: 'vscode-dark' },
  { name: 'Dark High Contrast', id: 'Default High Contrast', kind: 'vscode-high-contrast' },
  { name: 'Light High Contrast', id: 'Default High Contrast Light', kind: 'vscode-high-contrast-light' },
];

let workbench;
try {
  workbench = await launchWorkbench({
    workspaceFolder: workspace,
    extensionDevelopmentPath: extensionPath,
    settings: { ...settings, 'workbench.colorTheme': THEMES[0].id },
    viewport: { width: 1400, height: 1000 },
    web: values.web,
  });
} catch (error) {
  console.error(`metrics theme UI checks: the workbench did not start: ${error.message}`);
  rmSync(scratch, { recursive: true, force: true });
  process.exit(2);
}

const { page } = workbench;
const webviewConsole = collectWebviewConsole(page);
const { check, failures } = makeChecker(page, shots, prefix);
const webview = () => dashboardFrame(page);

/**
 * WCAG contrast of every text element matched by `selector` against the colour it is drawn on
 * (its own and its ancestors' backgrounds composited; text alpha blended), in the webview's page.
 */
function contrasts(frame, selector) {
  return frame.locator(selector).evaluateAll((elements) => {
    const parse = (css) => {
      let m = /^rgba?\(([^)]*)\)$/.exec(css);
      if (m) {
        const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
        return [p[0], p[1], p[2], p[3] ?? 1];
      }
      m = /^color\(srgb ([^)]*)\)$/.exec(css);
      if (m) {
        const p = m[1].split(/[\s/]+/).filter(Boolean).map(Number);
        return [p[0] * 255, p[1] * 255, p[2] * 255, p[3] ?? 1];
      }
      throw new Error(`unread colour ${css}`);
    };
    const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
    const background = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      let base = [255, 255, 255, 1];
      for (const layer of layers.reverse()) base = over(layer, base);
      return base;
    };
    const luminance = ([r, g, b]) => {
      const f = (v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    return elements.filter((e) => e.textContent.trim() && e.getClientRects().length).map((e) => {
      const bg = background(e);
      const fg = over(parse(getComputedStyle(e).color), bg);
      const [a, b] = [luminance(fg), luminance(bg)];
      return { text: e.textContent.trim().slice(0, 40), cls: e.className, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), fg: getComputedStyle(e).color };
    });
  });
}

/**
 * Each drawn chart's plot area against the page it sits on, and the contrast of its axis labels and
 * axis lines against that plot area (trial17b F7: a white plot area with light-theme axes in Dark
 * and High Contrast Dark, after switching themes with the dashboard open).
 */
function chartColours(frame) {
  return frame.locator('.chart-drawing svg').evaluateAll((svgs) => {
    const parse = (css) => {
      if (!css || css === 'none' || css === 'transparent') return [0, 0, 0, 0];
      let m = /^rgba?\(([^)]*)\)$/.exec(css);
      if (m) {
        const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
        return [p[0], p[1], p[2], p[3] ?? 1];
      }
      m = /^color\(srgb ([^)]*)\)$/.exec(css);
      if (m) {
        const p = m[1].split(/[\s/]+/).filter(Boolean).map(Number);
        return [p[0] * 255, p[1] * 255, p[2] * 255, p[3] ?? 1];
      }
      throw new Error(`unread colour ${css}`);
    };
    const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
    const pageBackground = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      let base = [255, 255, 255, 1];
      for (const layer of layers.reverse()) base = over(layer, base);
      return base;
    };
    const luminance = ([r, g, b]) => {
      const f = (v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)]; return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
    const hex = (c) => `rgb(${c.slice(0, 3).map(Math.round).join(',')})`;
    return svgs.map((svg) => {
      const page = pageBackground(svg.parentElement);
      const rect = svg.querySelector('g.main > rect.background');
      const plot = rect ? over(parse(getComputedStyle(rect).fill), page) : page;
      const texts = [...svg.querySelectorAll('g.left-axis text, g.bottom-axis text, g.legend text')].filter((t) => t.textContent.trim());
      const lines = [...svg.querySelectorAll('g.left-axis path, g.bottom-axis path')];
      const textRatios = texts.map((t) => ratio(over(parse(getComputedStyle(t).fill), plot), plot));
      const lineRatios = lines.map((l) => ratio(over(parse(getComputedStyle(l).stroke), plot), plot));
      return {
        chart: svg.closest('.chart-drawing')?.getAttribute('data-chart') ?? '?',
        page: hex(page), plot: hex(plot), plotVsPage: ratio(plot, page),
        texts: texts.length, lowestText: Math.min(...textRatios), lines: lines.length, lowestLine: Math.min(...lineRatios),
      };
    });
  });
}

/** The texts people read on the dashboard: tile labels, values and notes, the lines under them, captions, table cells, warnings. */
const TEXTS = '.tile-label, .tile-value, .tile-detail, p.scope, p.summary, caption, th, td, .warning, h2, figcaption, .incident-title, button.link';

async function switchTheme(theme) {
  // Not runCommand: it waits for the palette to close, and the theme list opens in its place.
  const input = page.locator(selectors.paletteInput);
  if (!(await input.isVisible())) await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill('>Preferences: Color Theme');
  await page.locator(selectors.paletteRow).filter({ hasText: 'Preferences: Color Theme' }).first().click({ timeout: 15_000 });
  // Type only once the theme list is there.
  await page.locator(selectors.paletteRow).filter({ hasText: 'Light High Contrast' }).first().waitFor({ timeout: 15_000 });
  await input.fill(theme.name);
  // Enter picks the focused row: before the list has filtered by the typed name that is another
  // theme (the current one; "Light+" is also a row of "Light High Contrast"'s list, hence the label match).
  await page.locator(selectors.focusedPaletteRow).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${theme.name.replace(/[+]/g, '\\+')}\\s*$`) }) }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
  // The theme's id, not its kind: Light Modern after Light+ has the same kind, so `body.vscode-light` was there before.
  await webview().locator(`body[data-vscode-theme-id="${theme.id}"]`).waitFor({ timeout: 20_000 });
}

console.log(`Metrics dashboard theme UI checks (${values.web ? 'web-worker' : 'Node'} extension host)`);
try {
  await waitForWorkbench(page);
  await check('All time over 25 years: every chart is labelled by year, the latest labelled, no label over another; the month table skips empty months and says so', async () => {
    const frame = await showMetrics(page);
    await choose(frame, 'window', 'All time');
    await frame.locator('p.summary', { hasText: '(all time)' }).waitFor({ timeout: 30_000 });
    await frame.locator('body[data-state="rendered"]').waitFor({ timeout: 60_000 });
    const figure = frame.locator('figure', { hasText: /^Incidents per year \(\d+ months, too many to label: charted by year\)/ });
    await figure.waitFor({ timeout: 10_000 });
    for (const caption of await frame.locator('figure figcaption').allTextContents()) {
      if (/per month/.test(caption)) throw new Error(`a chart still per month: ${caption}`);
    }
    // Every chart's year labels, the narrower MTTR charts beside their legend too: none over its
    // neighbour, the latest year labelled, the kept labels evenly spaced (every k-th year).
    const drawings = frame.locator('.chart-drawing');
    const perChart = [];
    for (let c = 0; c < await drawings.count(); c++) {
      const labels = await drawings.nth(c).locator('g.bottom-axis g.label text').evaluateAll((texts) => texts.map((t) => {
        const r = t.getBoundingClientRect();
        const transform = t.getAttribute('transform') ?? '';
        const angle = Number(/rotate\(\s*(-?[\d.]+)/.exec(transform)?.[1] ?? 0);
        const x = Number(/translate\(\s*(-?[\d.]+)/.exec(transform)?.[1] ?? NaN);
        return { text: (t.textContent ?? '').trim(), left: r.left, right: r.right, angle, x, height: t.getBBox().height };
      }));
      if (!labels.every((l) => /^\d{4}$/.test(l.text))) continue; // the root-cause chart: categories, not years
      if (labels.length < 4) throw new Error(`chart ${c + 1}: ${labels.length} x-axis labels: ${labels.map((l) => l.text).join(', ')}`);
      // Upright labels overlap when their boxes do. Turned ones lie parallel, so their boxes overlap
      // while their text does not: two overlap when the distance between their lines (the anchors'
      // spacing times the sine of the angle) is less than a line of text.
      const over = (l, before) => (l.angle !== 0 && Number.isFinite(l.x) && Number.isFinite(before.x)
        ? Math.abs(l.x - before.x) * Math.abs(Math.sin((l.angle * Math.PI) / 180)) < l.height - 0.5
        : l.left < before.right - 0.5);
      const overlapping = labels.filter((l, i) => i > 0 && over(l, labels[i - 1]));
      if (overlapping.length) throw new Error(`chart ${c + 1}: labels over their neighbour: ${overlapping.map((l) => l.text).join(', ')}`);
      if (labels.at(-1).text !== '2026') throw new Error(`chart ${c + 1}: the latest year is not labelled: ${labels.map((l) => l.text).join(' ')}`);
      const steps = new Set(labels.slice(1).map((l, i) => Number(l.text) - Number(labels[i].text)));
      if (steps.size !== 1) throw new Error(`chart ${c + 1}: labels not evenly spaced: ${labels.map((l) => l.text).join(' ')}`);
      perChart.push(labels.map((l) => l.text).join(' '));
    }
    if (perChart.length < 2) throw new Error(`year labels read on ${perChart.length} chart(s); expected the incidents chart and the MTTR trends`);
    const labels = perChart;
    const table = frame.locator('table[data-table*="per month"]');
    const caption = (await table.locator('caption').textContent()) ?? '';
    if (!/\(\d+ months without incidents left out\)/.test(caption)) throw new Error(`the per-month table caption: ${caption}`);
    const counts = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    if (!counts.length || counts.some((c) => Number(c) === 0)) throw new Error(`per-month rows: ${counts.join(', ')}`);
    console.log(`    x-axis labels: ${labels.join(' | ')}; ${counts.length} month rows (${caption.replace(/^.*\(/, '(')})`);
    await frame.locator('figure', { hasText: 'Incidents per year' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, shots, `${prefix}metrics-theme-all-time-by-year`);
  });
  for (const theme of THEMES) {
    await check(`${theme.name}: every tile note, summary line and table text reaches 4.5:1; the charts' plot area is the page's, their labels and axes legible on it`, async () => {
      if (theme !== THEMES[0]) await switchTheme(theme);
      const frame = webview();
      await frame.locator(`body.${theme.kind}[data-vscode-theme-id="${theme.id}"]`).waitFor({ timeout: 20_000 });
      await frame.locator('body').evaluate(() => window.scrollTo(0, 0));
      const measured = await contrasts(frame, TEXTS);
      if (measured.length < 30) throw new Error(`only ${measured.length} texts measured`);
      const weak = measured.filter((m) => m.ratio < 4.5);
      const notes = measured.filter((m) => /tile-detail/.test(m.cls));
      console.log(`    ${theme.name}: ${measured.length} texts, lowest ${Math.min(...measured.map((m) => m.ratio)).toFixed(2)}:1; tile notes ${notes.map((m) => `${m.ratio.toFixed(1)}`).join(' ')}`);
      if (weak.length) throw new Error(weak.slice(0, 6).map((m) => `"${m.text}" (${m.cls}) ${m.ratio.toFixed(2)}:1 in ${m.fg}`).join('; '));
      // The charts: their plot area is the page's colour (no white box on a dark page), their axis
      // labels reach 4.5:1 and their axis lines 3:1 (WCAG 1.4.11) against it.
      const charts = await chartColours(frame);
      if (charts.length < 2) throw new Error(`only ${charts.length} chart(s) measured`);
      console.log(`    ${theme.name} charts: ${charts.map((c) => `${c.chart} plot ${c.plot} on ${c.page}, labels ≥ ${c.lowestText.toFixed(1)}:1, lines ≥ ${c.lowestLine.toFixed(1)}:1`).join('; ')}`);
      const off = charts.filter((c) => c.plotVsPage > 1.1 || c.texts < 2 || c.lowestText < 4.5 || c.lines < 1 || c.lowestLine < 3);
      if (off.length) throw new Error(off.map((c) => `chart ${c.chart}: plot ${c.plot} on page ${c.page} (${c.plotVsPage.toFixed(2)}:1), ${c.texts} labels ≥ ${c.lowestText.toFixed(2)}:1, ${c.lines} lines ≥ ${c.lowestLine.toFixed(2)}:1`).join('; '));
      await saveScreenshot(page, shots, `${prefix}metrics-theme-${theme.name.toLowerCase().replace('+', ' plus').replace(/\W+/g, '-')}`);
    });
  }
  await check('no Content-Security-Policy violation or script error in the webview', async () => {
    const bad = webviewConsole.filter((m) => /Refused to|Content Security Policy|pageerror|Uncaught/.test(m));
    if (bad.length) throw new Error(bad.join('\n'));
  });
} finally {
  await workbench.close();
  rmSync(scratch, { recursive: true, force: true });
}
console.log(failures.length ? `${failures.length} metrics theme UI check(s) failed` : 'all metrics theme UI checks passed');
process.exit(failures.length ? 1 : 0);
