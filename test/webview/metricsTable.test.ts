import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { computeMetrics, type MetricsSource } from '../../src/core/metrics';
import { DARK_VARS, launchChromium, OUT, SCREENSHOTS } from './harness';

/**
 * The dashboard's Incidents table in Chromium with the dashboard's stylesheet, beside the text as a
 * user reads it (trial12: titles broke inside words, "Chec / kout / API", at a normal split, and
 * the "started" column showed the UTC day, a day off the id, the file name and the Post-mortems view).
 */

const NOW = '2026-12-07T02:40:00Z';
const pm = (file: string, front: string): MetricsSource & { text: string } => ({
  uri: `file:///ws/postmortems/${file}`, label: `postmortems/${file}`,
  text: `---\ntype: postmortem\nstatus: draft\n${front.trim()}\n---\n\n# Incident\n`,
});
/** The trial's workspace: post-mortems written in São Paulo, London and Tokyo, ids as `postmortem new` makes them. */
const TRIAL = [
  pm('2026-12-06-pix-payments-timing-out.md', `id: PM-20261206-pix-payments-timing-out\ntitle: Pix payments timing out\nseverity: SEV1\nincident_type: outage\ntimezone: America/Sao_Paulo\nstarted_at: 2026-12-07T01:10:00Z\ndetected_at: 2026-12-07T01:10:00Z\nresolved_at: 2026-12-07T03:50:00Z`),
  pm('2026-10-25-batch-jobs-ran-twice-at-clock-change.md', `id: PM-20261025-batch-jobs-ran-twice-at-clock-change\ntitle: Batch jobs ran twice at clock change\nseverity: SEV3\nincident_type: data\ntimezone: Europe/London\nstarted_at: 2026-10-24T23:50:00Z`),
  pm('2026-12-06-checkout-api-5xx-after-config-push.md', `id: PM-20261206-checkout-api-5xx-after-config-push\ntitle: Checkout API 5xx after config push\nseverity: SEV2\nincident_type: outage\nservices: [checkout-api]\ntimezone: Asia/Tokyo\nstarted_at: 2026-12-06T05:00:00Z\ndetected_at: 2026-12-06T05:05:00Z\nresolved_at: 2026-12-06T06:25:00Z`),
  pm('2026-12-06-search-index-stale-after-midnight-rebuild.md', `id: PM-20261206-search-index-stale-after-midnight-rebuild\ntitle: Search index stale after midnight rebuild\nseverity: SEV2\nincident_type: degradation\ntimezone: Asia/Tokyo\ndetected_at: 2026-12-05T15:20:00Z`),
  pm('swallowed.md', `id: PM-20261206-swallowed-action-items\ntitle: Swallowed action items\nseverity: SEV3\nincident_type: outage\ntimezone: Asia/Tokyo\nstarted_at: 2026-12-06T01:00:00Z`),
];

interface Cell { text: string; breaks: string[]; width: number; title: string }

describe('dashboard Incidents table in Chromium (trial12 T3, T12)', () => {
  let browser: Browser;
  let server: Server;
  let page: Page;
  const dir = join(OUT, 'metrics-table-build');

  before(async () => {
    await esbuild.build({
      entryPoints: ['test/webview/metricsTablePage.ts'], outdir: dir, bundle: true, platform: 'browser', format: 'iife',
      minify: true, target: 'es2022', logLevel: 'warning',
    });
    server = createServer((req, res) => {
      if (req.url === '/metricsTablePage.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(dir, 'metricsTablePage.js')));
      if (req.url === '/metricsTablePage.css') return void res.writeHead(200, { 'content-type': 'text/css' }).end(readFileSync(join(dir, 'metricsTablePage.css')));
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><head><meta charset="UTF-8"><link rel="stylesheet" href="/metricsTablePage.css"></head><body class="vscode-dark"><script src="/metricsTablePage.js"></script></body></html>');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => 'show' in window);
    await page.evaluate((vars) => {
      // VS Code's variables, and its editor font size (the trial's 13 px).
      for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
      document.documentElement.style.setProperty('--vscode-font-size', '13px');
    }, DARK_VARS);
  });
  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((ok) => server?.close(ok));
  });

  const show = async (sources: MetricsSource[], width: number) => {
    await page.setViewportSize({ width, height: 1000 });
    const result = computeMetrics(sources, { now: NOW, since: '2025-12-07' });
    await page.evaluate((r) => (window as unknown as { show(m: unknown): void }).show({ type: 'metrics', options: { by: 'month', windowMonths: 12 }, result: r, unreadable: 0 }), result);
    await page.locator('table[data-table="Incidents"]').scrollIntoViewIfNeeded();
  };
  const column = (index: number, part?: string): Promise<Cell[]> =>
    page.evaluate(([i, p]) => (window as unknown as { column(i: number, p?: string): Cell[] }).column(i, p), [index, part] as const);
  /** Column 0: the id (a link) with the title below it. */
  const ids = () => column(0, 'button.link');
  const titles = () => column(0, '.title-line');

  it('shows the day each incident started in its own timezone, the day its id carries, with the UTC time in the tooltip', async () => {
    await show(TRIAL, 1200);
    const idList = (await ids()).map((c) => c.text);
    const days = await column(3);
    const dayOf = (id: string) => days[idList.indexOf(id)]!;
    // 22:10 on 12-06 in São Paulo is 01:10Z on 12-07; 00:50 BST on 10-25 is 23:50Z on 10-24.
    assert.equal(dayOf('PM-20261206-pix-payments-timing-out').text, '2026-12-06');
    assert.match(dayOf('PM-20261206-pix-payments-timing-out').title, /started_at 2026-12-07 01:10 UTC; 2026-12-06 in America\/Sao_Paulo/);
    assert.equal(dayOf('PM-20261025-batch-jobs-ran-twice-at-clock-change').text, '2026-10-25');
    assert.equal(dayOf('PM-20261206-checkout-api-5xx-after-config-push').text, '2026-12-06');
    // No started_at: the day of the first milestone it has, and the cell says which.
    assert.equal(dayOf('PM-20261206-search-index-stale-after-midnight-rebuild').text, '2026-12-06\nby detected_at');
    // Every row's day is the one in its id (PM-YYYYMMDD-…).
    for (const [k, id] of idList.entries()) {
      const day = /^PM-(\d{4})(\d\d)(\d\d)-/.exec(id)!;
      assert.ok(days[k]!.text.startsWith(`${day[1]}-${day[2]}-${day[3]}`), `${id}: ${days[k]!.text}`);
    }
  });

  for (const width of [520, 620, 760]) {
    it(`breaks titles only between words and ids only after a hyphen, beside the text (${width} px)`, async () => {
      await show(TRIAL, width);
      await page.locator('section#incidents').screenshot({ path: join(SCREENSHOTS, `metrics-incidents-${width}.png`) });
      const titleCells = await titles();
      assert.deepEqual(titleCells.map((c) => c.text).sort(), TRIAL.map((p) => /title: (.*)/.exec(p.text)![1]).sort(), 'each id has its title under it');
      const inWord = titleCells.flatMap((c) => c.breaks.filter((b) => !b.startsWith(' ')).map((b) => `${c.text}: ${b}`));
      assert.deepEqual(inWord, [], 'titles broken inside a word');
      // Every title on at most three lines: the title is what a reader scans.
      for (const c of titleCells) assert.ok(c.breaks.length <= 2, `${c.text} on ${c.breaks.length + 1} lines (${Math.round(c.width)} px)`);
      const services = await column(2);
      const inName = services.flatMap((c) => c.breaks.filter((b) => !/^[ ,-]/.test(b)).map((b) => `${c.text}: ${b}`));
      assert.deepEqual(inName, [], 'service names broken inside a word');
      const idBreaks = (await ids()).flatMap((c) => c.breaks.filter((b) => !b.startsWith('-')).map((b) => `${c.text}: ${b}`));
      assert.deepEqual(idBreaks, [], 'ids broken elsewhere than after a hyphen');
      const w = await page.evaluate(() => (window as unknown as { widths(): { page: number; client: number; table: number; box: number } }).widths());
      assert.ok(w.page <= w.client, `the page is ${w.page} px wide in ${w.client} px`);
      // The whole table in view, no scroll bar of its own (520 px: a 1400 px window split in two).
      assert.ok(w.table <= w.box, `the table is ${w.table} px wide in its ${w.box} px box`);
    });
  }

  it('a title of one 150-character word (a pasted URL) neither widens the page nor squeezes the others into letters', async () => {
    const hostile = pm('url.md', `id: PM-URL\ntitle: https://grafana.example.com/d/${'a'.repeat(120)}\ntimezone: UTC\nstarted_at: 2026-12-01T10:00:00Z`);
    await show([...TRIAL, hostile], 620);
    const w = await page.evaluate(() => (window as unknown as { widths(): { page: number; client: number; table: number; box: number } }).widths());
    assert.ok(w.page <= w.client, `the page is ${w.page} px wide in ${w.client} px`);
    const others = (await titles()).filter((c) => !c.text.startsWith('https://'));
    const inWord = others.flatMap((c) => c.breaks.filter((b) => !b.startsWith(' ')).map((b) => `${c.text}: ${b}`));
    assert.deepEqual(inWord, [], 'other titles broken inside a word');
  });
});
