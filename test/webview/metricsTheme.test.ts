import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { computeMetrics, type MetricsSource } from '../../src/core/metrics';
import { metricsMermaidConfig } from '../../webview/metrics/chartTheme';
import { launchChromium, OUT } from './harness';

/**
 * The dashboard's charts follow a theme switched to with the dashboard open (ui17: the bars kept the
 * palette they were drawn in until the dashboard was reopened — in a high-contrast theme, the
 * light theme's bars).
 */
const NOW = '2026-12-07T00:10:00Z';
const pm = (id: string, start: string): MetricsSource => ({
  uri: `file:///w/${id}.md`, label: `${id}.md`,
  text: `---\nid: ${id}\ntitle: Incident ${id}\ntimezone: UTC\nseverity: SEV2\nstarted_at: ${start}\ndetected_at: ${start}\nresolved_at: ${start.replace('T10', 'T12')}\n---\n\n# Incident\n`,
});
const SOURCES = [pm('A', '2026-09-14T10:00:00Z'), pm('B', '2026-11-01T10:00:00Z'), pm('C', '2026-12-02T10:00:00Z')];
const palette = (kind: 'light' | 'high-contrast' | 'high-contrast-light') => {
  const xy = (metricsMermaidConfig(kind).themeVariables as { xyChart: { plotColorPalette: string } }).xyChart;
  return xy.plotColorPalette.split(',').map((c) => c.trim().toLowerCase());
};

describe('dashboard charts follow a theme switch (ui17)', () => {
  let browser: Browser;
  let server: Server;
  let page: Page;
  const dir = join(OUT, 'metrics-theme-build');

  before(async () => {
    await esbuild.build({
      entryPoints: ['test/webview/metricsThemePage.ts'], outdir: dir, bundle: true, platform: 'browser', format: 'iife',
      minify: true, target: 'es2022', logLevel: 'warning',
    });
    server = createServer((req, res) => {
      if (req.url === '/metricsThemePage.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(dir, 'metricsThemePage.js')));
      if (req.url === '/metricsThemePage.css') return void res.writeHead(200, { 'content-type': 'text/css' }).end(readFileSync(join(dir, 'metricsThemePage.css')));
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><head><meta charset="UTF-8"><link rel="stylesheet" href="/metricsThemePage.css"></head><body class="vscode-light"><script src="/metricsThemePage.js"></script></body></html>');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => 'show' in window);
  });
  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((ok) => server?.close(ok));
  });

  const fills = () => page.evaluate(() => (window as unknown as { barFills(): string[] }).barFills().map((f) => f.toLowerCase()));
  /** VS Code switches the theme by the body's class; the page says when its charts are drawn again. */
  const switchTo = async (bodyClass: string) => {
    await page.evaluate((c) => { document.body.className = c; }, bodyClass);
    await page.waitForFunction(() => document.body.dataset.state === 'rendered' && document.querySelector('.chart-drawing svg') !== null);
  };

  it('draws the bars in each theme\'s palette without reopening, and keeps the tables', async () => {
    const result = computeMetrics(SOURCES, { now: NOW, since: '2025-12-07' });
    await page.evaluate((r) => (window as unknown as { show(m: unknown): void }).show({ type: 'metrics', options: { by: 'month', windowMonths: 12 }, result: r, unreadable: 0 }), result);
    await page.waitForFunction(() => document.body.dataset.state === 'rendered');
    const light = await fills();
    assert.ok(light.length > 0, 'no bars drawn');
    assert.ok(light.every((f) => palette('light').includes(f)), `light bars: ${light.join(' ')}`);
    const tables = await page.locator('table').count();

    await switchTo('vscode-high-contrast');
    const dark = await fills();
    assert.equal(dark.length, light.length);
    assert.ok(dark.every((f) => palette('high-contrast').includes(f)), `high-contrast bars: ${dark.join(' ')} (palette ${palette('high-contrast').join(' ')})`);

    await switchTo('vscode-high-contrast-light');
    assert.ok((await fills()).every((f) => palette('high-contrast-light').includes(f)));
    assert.equal(await page.locator('table').count(), tables, 'the tables were rebuilt or lost');
  });
});
