import assert from 'node:assert/strict';
import { join } from 'node:path';
import { addChild, newFaultTree, printFaultTree } from '../../src/core/diagrams';
import { SCREENSHOTS, useDiagramWebview } from './harness';

/** trial18b F5: the fault-tree editor in a narrow, short panel (beside the text, a panel open under it). */

const doc = (content: string) =>
  ({ type: 'document', kind: 'fault-tree', content, version: 1, blockIndex: 0, kindIndex: 0, firstLine: 20, fileName: '2026-12-05-fault-tree-trial.md', uri: 'file:///work/incidents/ft.md' }) as const;

function faultTree31(): string {
  let tree = newFaultTree('Checkout unavailable');
  const top = tree.nodes[0].id;
  let e = 0;
  for (let g = 0; g < 6; g++) {
    const gate = addChild(tree, top, { type: 'gate', label: `Subsystem ${g + 1} down`, gate: 'and' });
    tree = gate.tree;
    for (let i = 0; i < 4; i++) tree = addChild(tree, gate.id, { type: 'event', label: `Component E${++e} fails`, event: 'basic', probability: 0.01 }).tree;
  }
  return printFaultTree(tree);
}

describe('diagram webview in a narrow, short panel', function () {
  const webview = useDiagramWebview();

  for (const [width, height] of [[360, 640], [280, 320]] as const) {
    it(`at ${width}×${height}: every toolbar button in the viewport, outline rows visible and not covered`, async () => {
      const w = await webview.open('vscode-dark');
      await w.page.setViewportSize({ width, height });
      await w.nextDrawing(() => w.send(doc(faultTree31())));
      await w.page.waitForFunction(() => document.getElementById('split')!.getAttribute('split') === 'horizontal');
      // Tab on the top event: the "Cannot indent" notice of the trial.
      await w.page.locator('#outline li.row').first().click();
      await w.page.keyboard.press('Tab');
      await w.page.waitForTimeout(200);
      await w.page.screenshot({ path: join(SCREENSHOTS, `webview-narrow-${width}x${height}.png`) });
      const seen = await w.page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        const vh = document.documentElement.clientHeight;
        const outside = [...document.querySelectorAll('.toolbar vscode-button, .toolbar button')]
          .filter((b) => !(b.closest('[hidden]')))
          .map((b) => ({ id: b.id || b.getAttribute('aria-label'), r: b.getBoundingClientRect() }))
          .filter(({ r }) => r.width === 0 || r.left < 0 || r.right > vw || r.top < 0 || r.bottom > vh)
          .map(({ id }) => id);
        const pane = document.querySelector('.outline-pane')!.getBoundingClientRect();
        // A row is seen when its middle is inside the outline pane and the element there is the row itself.
        const rows = [...document.querySelectorAll('#outline li.row')].filter((row) => {
          const r = row.getBoundingClientRect();
          const y = r.top + Math.min(10, r.height / 2);
          if (y < pane.top || y > pane.bottom || y > vh) return false;
          const hit = document.elementFromPoint(r.left + 20, y);
          return hit !== null && row.contains(hit);
        }).length;
        return { outside, rows };
      });
      assert.deepEqual(seen.outside, [], `toolbar buttons outside the ${width} px viewport`);
      assert.ok(seen.rows >= 3, `outline rows seen: ${seen.rows}`);
      await w.page.close();
    });
  }
});
