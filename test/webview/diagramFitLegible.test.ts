import assert from 'node:assert/strict';
import { join } from 'node:path';
import { addChild, newFaultTree, printFaultTree } from '../../src/core/diagrams';
import { fishbone60 } from './fixtures';
import { SCREENSHOTS, useDiagramWebview, type WebviewPage } from './harness';

/** trial18b F5/F6: a 31-node fault tree fitted to 5–7 %, unreadable; the drawing had no accessible name. */

const doc = (kind: 'fishbone' | 'fault-tree', content: string, version = 1) =>
  ({ type: 'document', kind, content, version, blockIndex: 0, kindIndex: 0, firstLine: 20, fileName: '2026-12-05-fault-tree-trial.md', uri: 'file:///work/incidents/ft.md' }) as const;

/** 31 nodes as in the trial: a top OR over 6 AND gates of 4 events each. */
function faultTree31(): string {
  let tree = newFaultTree('Checkout unavailable');
  const top = tree.nodes[0].id;
  let e = 0;
  for (let g = 0; g < 6; g++) {
    const gate = addChild(tree, top, { type: 'gate', label: `Subsystem ${g + 1} down`, gate: 'and' });
    tree = gate.tree;
    for (let i = 0; i < 4; i++) tree = addChild(tree, gate.id, { type: 'event', label: `Component E${++e} fails`, event: 'basic', probability: 0.01 }).tree;
  }
  assert.equal(tree.nodes.length, 31);
  return printFaultTree(tree);
}

/** The zoom readout's percentage, and the smallest label text on screen (px), as a person sees them. */
const seen = (w: WebviewPage) => w.page.evaluate(() => {
  const box = document.getElementById('drawing')!;
  const svg = box.querySelector('svg')!;
  const labels = [...svg.querySelectorAll('.nodeLabel, text')].filter((l) => l.getBoundingClientRect().height > 0);
  // On-screen size: the label's CSS font size times the drawing's scale (shown width / viewBox width).
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const px = labels.map((l) => parseFloat(getComputedStyle(l).fontSize) * scale);
  const level = document.getElementById('zoom-level')!.textContent ?? '';
  return { level, percent: Number(/^(\d+)%/.exec(level)?.[1]), minLabelPx: Math.min(...px), labels: labels.length, scrolls: box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1 };
});

describe('diagram webview: Fit keeps the labels legible, the drawing is named', function () {
  const webview = useDiagramWebview();

  for (const [width, height] of [[900, 700], [1280, 800]] as const) {
    it(`fits a 31-node fault tree in a ${width}×${height} panel with labels of at least 9 px, saying it scrolls`, async () => {
      const w = await webview.open('vscode-dark');
      await w.page.setViewportSize({ width, height });
      assert.equal((await w.nextDrawing(() => w.send(doc('fault-tree', faultTree31())))).ok, true);
      await w.page.waitForTimeout(0);
      const s = await seen(w);
      assert.ok(s.labels >= 31, JSON.stringify(s));
      // The trial read 5–7 %: labels of about 1 px.
      assert.ok(s.minLabelPx >= 8.9, `labels on screen ${s.minLabelPx.toFixed(1)} px: ${JSON.stringify(s)}`);
      assert.ok(s.percent >= 50, JSON.stringify(s));
      assert.match(s.level, /^\d+% \(fit (width|legible), scroll\)$/, 'the readout says Fit did not show it whole');
      assert.equal(s.scrolls, true, JSON.stringify(s));
      // The selected row (the top event, on open) is in view, not the leftmost leaves only.
      const top = await w.page.evaluate(() => {
        const shape = document.querySelector('#drawing .pm-selected')!.getBoundingClientRect();
        const box = document.getElementById('drawing')!.getBoundingClientRect();
        return { inView: shape.left >= box.left && shape.right <= box.right && shape.top >= box.top && shape.bottom <= box.bottom, text: document.querySelector('#drawing .pm-selected')!.textContent };
      });
      await w.page.screenshot({ path: join(SCREENSHOTS, `webview-fit-31-nodes-${width}.png`) });
      assert.deepEqual(top, { inView: true, text: 'Checkout unavailableOR' });
      await w.page.close();
    });
  }

  it('still fits a small drawing whole, saying plain "fit"', async () => {
    const w = await webview.open();
    await w.page.setViewportSize({ width: 1280, height: 800 });
    const small = ['flowchart TB', '  %% ft:fault-tree v1', '  %% ft:gate G1 or', '  G1["Checkout unavailable"]', '  G1 --> E1 & E2',
      '  %% ft:event E1 basic p=0.01', '  E1["Primary disk full"]@{ shape: circle }', '  %% ft:event E2 basic p=0.02', '  E2["Replica lag"]@{ shape: circle }'].join('\n');
    await w.nextDrawing(() => w.send(doc('fault-tree', small)));
    const s = await seen(w);
    assert.match(s.level, /^\d+% \(fit\)$/);
    assert.equal(s.scrolls, false);
    await w.page.close();
  });

  it('names the drawing for a screen reader (its kind and node count) without adding a Tab stop', async () => {
    const w = await webview.open();
    await w.nextDrawing(() => w.send(doc('fault-tree', faultTree31())));
    const tree = await w.page.evaluate(() => {
      const svg = document.querySelector('#drawing svg')!;
      return { role: svg.getAttribute('role'), label: svg.getAttribute('aria-label'), tabbable: [...document.querySelectorAll('#drawing [tabindex]')].length };
    });
    assert.deepEqual(tree, { role: 'img', label: 'Fault tree drawing, 31 nodes (the outline lists them)', tabbable: 0 });
    const snapshot = await w.page.locator('#drawing').ariaSnapshot();
    assert.match(snapshot, /img "Fault tree drawing, 31 nodes/);
    await w.nextDrawing(() => w.send(doc('fishbone', fishbone60(), 2)));
    const fish = await w.page.evaluate(() => document.querySelector('#drawing svg')!.getAttribute('aria-label'));
    assert.match(fish ?? '', /^Fishbone drawing, \d+ nodes/);
    assert.deepEqual(await w.violations(), []);
    await w.page.close();
  });
});
