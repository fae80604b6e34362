import assert from 'node:assert/strict';
import { join } from 'node:path';
import { newDiagramText } from '../../src/vscode/diagrams/templates';
import { SCREENSHOTS, useDiagramWebview } from './harness';

/**
 * The panel's analysis of a tree still holding the template's labels: lint (`fault-tree/placeholder`)
 * and `postmortem fta` mark them "(template placeholder)"; the panel listed "Second cause" as a single
 * point of failure as if it were a finding about the incident (trial14b F5).
 */

const doc = (content: string, version = 1) =>
  ({ type: 'document', kind: 'fault-tree', content, version, blockIndex: 0, kindIndex: 0, firstLine: 20, fileName: 'checkout.md', uri: 'file:///work/incidents/checkout.md' }) as const;

describe('diagram webview: template placeholders in the fault-tree analysis', function () {
  const webview = useDiagramWebview();

  it('marks placeholder events wherever the analysis names them, says so first, and drops the mark once renamed', async () => {
    const template = newDiagramText('fault-tree');
    assert.match(template, /Second cause/);
    const w = await webview.open();
    await w.nextDrawing(() => w.send(doc(template)));
    const spofs = await w.page.locator('#spofs').textContent();
    assert.equal(spofs, 'First cause (template placeholder), Second cause (template placeholder)');
    assert.equal(await w.page.locator('#analysis-placeholders').textContent(),
      'Placeholders: 3 nodes still carry the template\'s labels (“Top event (what failed)”, “First cause”, “Second cause”): rename them; until then the figures below are about the template, not the incident.');
    const cutSets = await w.page.locator('#cut-sets tbody td:first-child').allTextContents();
    assert.deepEqual(cutSets.sort(), ['First cause (template placeholder)', 'Second cause (template placeholder)']);
    // The export's legend names single points of failure: marked the same way.
    const svg = await w.nextPosted('export', () => w.page.click('#export-svg'));
    const legend = await w.page.evaluate((text) => {
      const root = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
      return [...root.querySelectorAll('g.pm-legend text.spof tspan')].map((s) => s.textContent).join(' ');
    }, svg.data);
    assert.match(legend, /Here: First cause \(template placeholder\), Second cause \(template placeholder\)$/);
    await w.page.screenshot({ path: join(SCREENSHOTS, 'webview-fault-tree-placeholders-analysis.png') });

    // Named after the incident: no mark, no sentence; the other one still marked.
    const named = template.replace('First cause', 'Redis failover took 40 s').replace('Top event (what failed)', 'Checkout unavailable');
    await w.nextDrawing(() => w.send(doc(named, 2)));
    assert.equal(await w.page.locator('#spofs').textContent(), 'Redis failover took 40 s, Second cause (template placeholder)');
    assert.equal(await w.page.locator('#analysis-placeholders').textContent(),
      'Placeholders: 1 node still carries its template label (“Second cause”): rename it; until then the figures below are about the template, not the incident.');
    const all = named.replace('Second cause', 'Sentinel quorum split across AZs');
    await w.nextDrawing(() => w.send(doc(all, 3)));
    assert.equal(await w.page.locator('#analysis-placeholders').count(), 0);
    assert.ok(!(await w.page.locator('#analysis').textContent() ?? '').includes('template placeholder'));
    await w.page.close();
  });
});
