import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { computeMetrics, type MetricsSource } from '../../src/core/metrics';
import { DARK_VARS, launchChromium, OUT } from './harness';

/**
 * The dashboard as a screen reader and a keyboard meet it, in Chromium with the real
 * @vscode-elements selects (trial19a F2): the headline tiles were announced as list items, never as
 * buttons; the two selects as unnamed comboboxes (an aria-label on the host does not reach the
 * combobox in its shadow DOM); Enter on a tile scrolled to its section but left the focus on the
 * tile, off-screen, so the next Tab started from the top.
 */

const NOW = '2026-12-08T00:20:00Z';
const pm = (n: number, front: string): MetricsSource => ({
  uri: `file:///ws/postmortems/pm-${n}.md`, label: `postmortems/pm-${n}.md`,
  text: `---\nid: PM-2026-10${n}\ntitle: Incident ${n}\nseverity: SEV2\nstatus: in-review\n${front.trim()}\n---\n\n# Incident ${n}\n\n## Action items\n\n- [ ] Add an alert @ana due:2026-12-01\n- [x] Fix the retry @chen due:2026-12-20\n`,
});
const SOURCES = [1, 2, 3, 4, 5, 6].map((n) => pm(n, `started_at: 2026-${String(n + 5).padStart(2, '0')}-03T10:00:00Z\ndetected_at: 2026-${String(n + 5).padStart(2, '0')}-03T10:05:00Z\nresolved_at: 2026-${String(n + 5).padStart(2, '0')}-03T1${n % 10}:00:00Z`));

describe('dashboard for screen readers and the keyboard, with the real selects (trial19a F2)', () => {
  let browser: Browser;
  let server: Server;
  let page: Page;
  const dir = join(OUT, 'metrics-a11y-build');

  before(async () => {
    await esbuild.build({
      entryPoints: ['test/webview/metricsA11yPage.ts'], outdir: dir, bundle: true, platform: 'browser', format: 'iife',
      minify: true, target: 'es2022', logLevel: 'warning',
    });
    server = createServer((req, res) => {
      if (req.url === '/metricsA11yPage.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(dir, 'metricsA11yPage.js')));
      if (req.url === '/metricsA11yPage.css') return void res.writeHead(200, { 'content-type': 'text/css' }).end(readFileSync(join(dir, 'metricsA11yPage.css')));
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><head><meta charset="UTF-8"><link rel="stylesheet" href="/metricsA11yPage.css"></head><body class="vscode-dark"><script src="/metricsA11yPage.js"></script></body></html>');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => 'show' in window);
    await page.evaluate((vars) => {
      for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
    }, DARK_VARS);
    const result = computeMetrics(SOURCES, { now: NOW, since: '2025-12-08' });
    await page.evaluate((r) => (window as unknown as { show(m: unknown): void }).show({ type: 'metrics', options: { by: 'month', windowMonths: 12 }, result: r, unreadable: 0 }), result);
    await page.locator('.tiles .tile').first().waitFor();
  });
  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((ok) => server?.close(ok));
  });

  it('names the two selects, in the combobox a screen reader reaches', async () => {
    // getByRole reads the accessibility tree, shadow DOM included, as assistive technology does.
    assert.equal(await page.getByRole('combobox', { name: 'Group by' }).count(), 1);
    assert.equal(await page.getByRole('combobox', { name: 'Window' }).count(), 1);
    const snapshot = await page.locator('header.controls').ariaSnapshot();
    assert.doesNotMatch(snapshot, /- combobox(?! "(Group by|Window)")/, `an unnamed combobox:\n${snapshot}`);
  });

  it('announces the six headline tiles as buttons in a named group, not as list items', async () => {
    const group = page.getByRole('group', { name: 'Headline figures' });
    assert.equal(await group.getByRole('button').count(), 6);
    assert.equal(await page.getByRole('listitem').and(page.locator('.tile')).count(), 0);
    assert.equal(await group.getByRole('button', { name: /^Open action items 6/ }).count(), 1);
  });

  it('moves the focus to the section a tile opens, so the next Tab goes on from there', async () => {
    const tile = page.getByRole('button', { name: /^Open action items/ });
    await tile.focus();
    await page.keyboard.press('Enter');
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, section: document.activeElement?.closest('section')?.id }));
    assert.deepEqual(focused, { text: 'Action items', section: 'action-items' });
    // Below the sticky controls (a heading scrolled to the very top sat under them, hidden), and on screen.
    const onScreen = await page.evaluate(() => { const r = document.activeElement!.getBoundingClientRect(); return r.top >= document.querySelector('header.controls')!.getBoundingClientRect().bottom && r.bottom <= window.innerHeight + 1; });
    assert.ok(onScreen, `the focused heading is on screen: ${JSON.stringify(await page.evaluate(() => [document.activeElement!.getBoundingClientRect().toJSON(), window.scrollY, window.innerHeight, document.documentElement.scrollHeight]))}`);
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement?.closest('section')?.id ?? document.activeElement?.tagName);
    assert.equal(next, 'action-items', 'Tab goes on inside the section (its first link), not back to the top');
  });
});
