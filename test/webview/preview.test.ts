import assert from 'node:assert/strict';
import { drawnFishboneLabel } from '../../src/core/diagrams/fishbone/drawnLabels';
import * as esbuild from 'esbuild';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { escapeHtml, makeNonce } from '../../src/vscode/diagrams/webviewHtml';
import { hostileCauseLines, HOSTILE_LABELS, hostileFaultTree, hostileFishbone } from './fixtures';
import { launchChromium, OUT, SCREENSHOTS } from './harness';

/**
 * The Markdown preview script in a page shaped like VS Code's preview: fenced blocks rendered as
 * <pre><code class="language-mermaid"> with escaped text, scripts allowed by nonce only, inline
 * styles allowed (as in VS Code's preview CSP), and the theme class on <body>.
 */
describe('Markdown preview script in Chromium', () => {
  let browser: Browser;
  let server: Server;
  let url = '';
  const script = join(OUT, 'preview-build', 'mermaid-preview.js');

  before(async () => {
    await esbuild.build({
      entryPoints: ['webview/preview/main.ts'], outfile: script, bundle: true, platform: 'browser', format: 'iife',
      minify: true, target: 'es2022', logLevel: 'warning',
    });
    server = createServer((req, res) => {
      if (req.url === '/mermaid-preview.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(script));
        return;
      }
      const nonce = makeNonce();
      const blocks = [hostileFishbone(), hostileFaultTree(), 'sequenceDiagram\n  Alice->>Bob: hi']
        .map((b) => `<pre class="code-line"><code class="language-mermaid">${escapeHtml(b)}</code></pre>`).join('\n<p>text</p>\n');
      // VS Code's preview declares UTF-8; Mermaid's bundle holds non-ASCII literals that need it.
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!DOCTYPE html><html><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'; script-src 'nonce-${nonce}';">
</head><body class="vscode-dark" style="background:#1e1e1e;color:#ccc"><h1>Post-mortem</h1>${blocks}
<script nonce="${nonce}" src="/mermaid-preview.js"></script></body></html>`);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((ok) => server?.close(ok));
  });

  it('draws every mermaid block, hostile labels as typed, with no CSP violation, and follows the theme', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.addInitScript({ content: "window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));" });
    await page.goto(url);
    await page.waitForFunction(() => document.querySelectorAll('.postmortem-mermaid svg').length === 3);
    const texts = await page.evaluate(() => [...document.querySelectorAll('.postmortem-mermaid svg g.node, .postmortem-mermaid svg text')].map((n) => (n.textContent ?? '').replace(/\s+/g, '')));
    // The fishbone draws a label longer than a few lines cut ("…"), as the diagram editor does.
    // Crowded causes are cut to the lines their rows hold, as in the editor (trial16b F2).
    const lines = hostileCauseLines();
    HOSTILE_LABELS.forEach((label, i) => assert.ok(texts.includes(drawnFishboneLabel(label, 'cause', lines[i]).replace(/\s+/g, '')), label));
    assert.equal(await page.locator('pre:not([hidden])').count(), 0, 'the sources are replaced by drawings');
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
    const darkFill = await page.evaluate(() => getComputedStyle(document.querySelector('.postmortem-mermaid svg g.node rect')!).fill);
    await page.screenshot({ path: join(SCREENSHOTS, 'preview-dark.png'), fullPage: true });
    await page.evaluate(() => { document.body.className = 'vscode-light'; });
    await page.waitForFunction((dark) => getComputedStyle(document.querySelector('.postmortem-mermaid svg g.node rect')!).fill !== dark, darkFill);
    await page.close();
  });
});
