import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addChild } from '../../src/core/diagrams/faultTree/edit';
import { newFaultTree, type FaultTree } from '../../src/core/diagrams/faultTree/model';
import { parseFaultTree } from '../../src/core/diagrams/faultTree/parse';
import { printFaultTree } from '../../src/core/diagrams/faultTree/print';
import { FAULT_TREE_STYLES, GATE_CLASSES, visibleText } from '../../src/core/diagrams/faultTree/visible';
import { HOSTILE_LABELS } from './fixtures';
import { launchChromium, SCREENSHOTS } from './harness';

/**
 * The fault-tree dialect v2 drawn by STOCK Mermaid (the npm package's own mermaid.min.js, default
 * configuration, securityLevel strict), the way GitHub or any Markdown renderer would draw the
 * post-mortem: none of the project's code is in the page. The Markdown's ```mermaid blocks are
 * taken out by this test (a plain split, not the project's scanner) and put in <pre class="mermaid">.
 * What a reader must see: each gate's kind (AND, OR, "2 of 3"), each event's probability, gates
 * outlined by kind, and hostile labels as plain text.
 */

const MERMAID = join(process.cwd(), 'node_modules/mermaid/dist/mermaid.min.js');
const EXAMPLE = join(process.cwd(), 'examples/postmortems/2026-11-20-checkout-pool-exhaustion.md');

/** Every kind of gate and event, with labels meant to break out of the label or run script. */
function allKindsTree(): FaultTree {
  let tree = newFaultTree('Checkout unavailable <script>window.__pwned=1</script>');
  const vote = addChild(tree, 'G1', { type: 'gate', label: `Two of three workers crash ${HOSTILE_LABELS[0]}`, gate: 'vote', k: 2 });
  tree = vote.tree;
  const and = addChild(tree, 'G1', { type: 'gate', label: 'Both replicas down', gate: 'and' });
  tree = and.tree;
  HOSTILE_LABELS.slice(1, 4).forEach((label, i) => {
    tree = addChild(tree, vote.id, { type: 'event', label, event: 'basic', probability: [0.05, 1e-4, 0.2][i] }).tree;
  });
  tree = addChild(tree, and.id, { type: 'event', label: 'Primary disk full', event: 'undeveloped', probability: 0.01 }).tree;
  tree = addChild(tree, and.id, { type: 'event', label: 'Maintenance window', event: 'house', houseState: true }).tree;
  tree = addChild(tree, 'G1', { type: 'event', label: 'Provider outage (other diagram)', event: 'transfer' }).tree;
  return tree;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The ```mermaid blocks of a Markdown text, by a plain split (what a Markdown renderer hands Mermaid). */
function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]);
}

describe('fault-tree dialect v2 drawn by stock Mermaid in Chromium', () => {
  let browser: Browser;
  let server: Server;
  let url = '';
  const example = mermaidBlocks(readFileSync(EXAMPLE, 'utf8')).filter((b) => b.startsWith('flowchart TB'));
  const generated = allKindsTree();
  const blocks = [...example, printFaultTree(generated)];

  before(async () => {
    assert.equal(example.length, 1, 'the example post-mortem holds one fault tree');
    server = createServer((req, res) => {
      if (req.url === '/mermaid.min.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(MERMAID));
        return;
      }
      const pres = blocks.map((b, i) => `<pre class="mermaid" id="block-${i}">${escapeHtml(b)}</pre>`).join('\n<p>text between</p>\n');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!DOCTYPE html><html><head><meta charset="UTF-8"></head>
<body style="background:#fff"><h1>Post-mortem</h1>${pres}
<script src="/mermaid.min.js"></script>
<script>
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  mermaid.run({ querySelector: 'pre.mermaid' }).then(() => { window.__drawn = true; }, (e) => { window.__failed = String(e); });
</script></body></html>`);
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

  /** Text of each drawn node, keyed by the node id Mermaid put in the element id (flowchart-<ID>-<n>). */
  async function drawnNodes(page: Page, block: number): Promise<Map<string, { text: string; classes: string[]; stroke: string }>> {
    const rows = await page.evaluate((i) => [...document.querySelectorAll(`#block-${i} svg g.node`)].map((g) => {
      const shape = g.querySelector('rect, path, polygon, circle');
      // innerText keeps the label's line breaks (<br>), where textContent runs the lines together.
      const label = g.querySelector<HTMLElement>('foreignObject div');
      return { id: g.id, text: label ? label.innerText : g.textContent ?? '', classes: [...g.classList], stroke: shape ? getComputedStyle(shape).stroke : '' };
    }), block);
    const out = new Map<string, { text: string; classes: string[]; stroke: string }>();
    for (const r of rows) {
      const id = /flowchart-([A-Za-z][A-Za-z0-9_]*)-\d+$/.exec(r.id)?.[1];
      if (id) out.set(id, { text: r.text, classes: r.classes, stroke: r.stroke });
    }
    return out;
  }

  it('shows each gate\'s kind and each event\'s probability, and outlines gates by kind', async function () {
    this.timeout(120_000);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __drawn?: boolean; __failed?: string }).__drawn || (window as unknown as { __failed?: string }).__failed);
    assert.equal(await page.evaluate(() => (window as unknown as { __failed?: string }).__failed), undefined, 'Mermaid drew every block');
    const rgb = (hex: string): string => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    for (const [i, text] of blocks.entries()) {
      const tree = parseFaultTree(text).model;
      const drawn = await drawnNodes(page, i);
      assert.deepEqual([...drawn.keys()].sort(), tree.nodes.map((n) => n.id).sort(), `block ${i}: one drawn node per tree node, no injected ones`);
      for (const node of tree.nodes) {
        const d = drawn.get(node.id)!;
        // The label as typed, then the drawn part on a line of its own: what a reader of GitHub's rendering sees.
        const lines = d.text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
        assert.equal(lines.at(-1), visibleText(node), `block ${i} ${node.id}: ${JSON.stringify(d.text)}`);
        assert.equal(lines.slice(0, -1).join(' ').replace(/\s+/g, ' '), node.label.replace(/\s+/g, ' ').trim(), `block ${i} ${node.id}`);
        if (node.type === 'gate') {
          const cls = GATE_CLASSES[node.gate];
          assert.ok(d.classes.includes(cls), `${node.id} has class ${cls}: ${d.classes.join(' ')}`);
          assert.equal(d.stroke, rgb(/stroke:(#[0-9a-f]{6})/.exec(FAULT_TREE_STYLES[cls])![1]), `${node.id} outlined as ${node.gate}`);
        }
      }
    }
    const all = await page.evaluate(() => [...document.querySelectorAll('svg g.node foreignObject div')].map((g) => (g as HTMLElement).innerText.trim()));
    for (const expected of ['AND', 'OR', '2 of 3', 'p = 0.3', 'p = 0.0001', 'p = ?', 'on']) {
      assert.ok(all.some((t) => t.endsWith(expected)), `some node ends with "${expected}": ${all.join(' | ')}`);
    }
    // Hostile labels stayed text: no script ran, no link or handler was made from them.
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
    assert.equal(await page.locator('svg script, svg a[href^="javascript"], svg [onerror], svg [onclick], svg img').count(), 0);
    await page.locator('#block-0').screenshot({ path: join(SCREENSHOTS, 'stock-mermaid-fault-tree-example.png') });
    await page.locator(`#block-${blocks.length - 1}`).screenshot({ path: join(SCREENSHOTS, 'stock-mermaid-fault-tree-all-kinds.png') });
    await page.close();
  });
});
