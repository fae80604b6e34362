import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { computeMetrics, type MetricsSource } from '../../src/core/metrics';
import { chartsFor } from '../../webview/metrics/charts';
import { launchChromium, OUT, SCREENSHOTS } from './harness';

/**
 * The dashboard's x axis drawn by Mermaid in Chromium, with the dashboard's own passes over the
 * SVG: every month labelled when there is room, each turned label ending under its own bar
 * (trial T5: a lone January bar sat beside the "2025-12" label, every other month unlabelled).
 */

const NOW = '2026-12-07T00:10:00Z';
const pm = (id: string, start: string): MetricsSource => ({
  uri: `file:///w/${id}.md`, label: `${id}.md`,
  text: `---\nid: ${id}\ntitle: Incident ${id}\ntimezone: UTC\nstarted_at: ${start}\ndetected_at: ${start}\nresolved_at: ${start.replace('T10', 'T12')}\n---\n\n# Incident\n`,
});
/** The trial's window: one incident in January 2026, two in December 2026, 13 months on the axis. */
const TRIAL = [pm('A', '2026-01-14T10:00:00Z'), pm('B', '2026-12-01T10:00:00Z'), pm('C', '2026-12-02T10:00:00Z')];

interface Axis {
  labels: { text: string; endX: number; topY: number }[];
  ticks: number[];
  bars: { left: number; right: number }[];
  overlaps: string[];
}

describe('dashboard month axis drawn by Mermaid in Chromium (trial T5)', () => {
  let browser: Browser;
  let server: Server;
  let page: Page;
  const script = join(OUT, 'metrics-axis-build', 'page.js');

  before(async () => {
    await esbuild.build({
      entryPoints: ['test/webview/metricsAxisPage.ts'], outfile: script, bundle: true, platform: 'browser', format: 'iife',
      minify: true, target: 'es2022', logLevel: 'warning',
    });
    server = createServer((req, res) => {
      if (req.url === '/page.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(script));
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><head><meta charset="UTF-8"></head><body style="background:#1e1e1e;color:#ccc;font-family:sans-serif"><script src="/page.js"></script></body></html>');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => 'drawChart' in window);
  });
  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((ok) => server?.close(ok));
  });

  const draw = async (sources: MetricsSource[], options: { by: 'month' | 'quarter'; since?: string }, width: number): Promise<Axis> => {
    const chart = chartsFor(computeMetrics(sources, { now: NOW, ...options }))[0];
    const index = await page.evaluate(() => document.querySelectorAll('.chart-drawing').length);
    await page.evaluate(async ([c, w]) => (window as unknown as { drawChart(c: unknown, w: number): Promise<void> }).drawChart(c, w), [chart, width] as const);
    return page.evaluate((i) => (window as unknown as { axisOf(i: number): Axis }).axisOf(i), index);
  };

  it('labels all 13 months of "Last 12 months" at the dashboard\'s half-page width, each label ending under its own bar', async () => {
    // 488 px: the chart's column at full width in the trial's screenshot (two charts side by side).
    const axis = await draw(TRIAL, { by: 'month', since: '2025-12-07' }, 488);
    await page.screenshot({ path: join(SCREENSHOTS, 'metrics-month-axis.png'), fullPage: true });
    assert.deepEqual(axis.labels.map((l) => l.text), ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    assert.deepEqual(axis.overlaps, []);
    const slot = axis.ticks[1] - axis.ticks[0];
    axis.labels.forEach((l, i) => {
      // The label's upper end is nearer its own tick than a quarter of the way to the next one.
      assert.ok(Math.abs(l.endX - axis.ticks[i]) < slot / 4 + 4, `${l.text} ends at ${l.endX.toFixed(1)}, its tick at ${axis.ticks[i].toFixed(1)} (bars ${slot.toFixed(1)} px apart)`);
    });
    // The January bar (the only one on the left) is over the tick of the label "2026-01".
    const january = axis.bars[0];
    const centre = (january.left + january.right) / 2;
    assert.ok(Math.abs(centre - axis.ticks[1]) < 1.5, `the January bar's centre ${centre} and its tick ${axis.ticks[1]}`);
  });

  it('keeps every other label of 24 months when they cannot all be read, still counted back from the latest, none overlapping', async () => {
    const axis = await draw(TRIAL, { by: 'month', since: '2025-01-01' }, 488);
    const texts = axis.labels.map((l) => l.text);
    assert.equal(axis.ticks.length, 24);
    assert.ok(texts.length < 24 && texts.length >= 8, texts.join(', '));
    await page.screenshot({ path: join(SCREENSHOTS, 'metrics-24-months-axis.png'), fullPage: true });
    assert.equal(texts.at(-1), '2026-12');
    assert.deepEqual(axis.overlaps, []);
  });

  it('labels the quarters of a long window the same way', async () => {
    const axis = await draw(TRIAL, { by: 'quarter', since: '2023-01-01' }, 488);
    await page.screenshot({ path: join(SCREENSHOTS, 'metrics-quarter-axis.png'), fullPage: true });
    assert.equal(axis.labels.length, axis.ticks.length, axis.labels.map((l) => l.text).join(', '));
    assert.deepEqual(axis.overlaps, []);
    const slot = axis.ticks[1] - axis.ticks[0];
    axis.labels.forEach((l, i) => assert.ok(Math.abs(l.endX - axis.ticks[i]) < slot / 4 + 4, `${l.text}`));
  });
});
