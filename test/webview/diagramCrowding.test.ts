import assert from 'node:assert/strict';
import { join } from 'node:path';
import { encodeFishboneLabel } from '../../src/core/diagrams';
import { SCREENSHOTS, useDiagramWebview } from './harness';

/**
 * Trial16b F2: six causes under one category, each under the 60-character cut, were wrapped by
 * Mermaid into 3–4 lines on rows spaced for fewer, and drawn on top of each other. The trial's
 * diagram (its hostile labels, typed through the keyboard) is drawn here and the label boxes measured.
 */
const PEOPLE = [
  'end',
  'graph TD; A-->B',
  '%% not a comment %%{init: {"theme":"dark"}}%%',
  '**bold** _md_ [link](http://x) `code` ```',
  'Ishikawa-beta was the keyword',
  `${'L'.repeat(40)} very long cause ${'text very long cause '.repeat(12)}https://example.com/a/very/long/url?with=query&and=more`,
];
const PROCESS = 'subgraph x; click A call alert(); style A fill:#f00';
const TRIAL = [
  'ishikawa-beta',
  `  ${encodeFishboneLabel('UPI "checkout" fails [EU] <script>alert(1)</script> 💸')}`,
  '    People',
  ...PEOPLE.map((l) => `      ${encodeFishboneLabel(l)}`),
  '    Process',
  `      ${encodeFishboneLabel(PROCESS)}`,
  '    Technology',
  '      Name a cause',
  '    Environment',
  '      Name a cause',
].join('\n');
const doc = (content: string) =>
  ({ type: 'document', kind: 'fishbone', content, version: 1, blockIndex: 0, kindIndex: 0, firstLine: 58, fileName: 'upi.md', uri: 'file:///work/upi.md' }) as const;

describe('diagram webview: crowded fishbone categories (trial16b F2)', function () {
  const webview = useDiagramWebview();

  it('draws six causes under one category without their labels overlapping; a label cut to fit keeps its full text as the tooltip', async () => {
    const w = await webview.open();
    await w.nextDrawing(() => w.send(doc(TRIAL)));
    // Every cause label's box (SVG units) in drawing order, with its text.
    const boxes = await w.page.locator('#drawing svg').first().evaluate((svg) => [...svg.querySelectorAll('g.ishikawa-sub-group')].map((g) => {
      const t = g.querySelector('text')!;
      const b = (t as SVGGraphicsElement).getBBox();
      return { x: b.x, y: b.y, w: b.width, h: b.height, text: t.textContent ?? '', title: g.querySelector(':scope > title')?.textContent ?? '' };
    }));
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) overlaps.push(`“${a.text}” / “${b.text}” (${Math.round(Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y))} units)`);
      }
    }
    console.log(`      ${boxes.length} cause labels, ${overlaps.length} overlapping pairs; label heights ${boxes.map((b) => Math.round(b.h)).join(', ')}`);
    assert.deepEqual(overlaps, [], 'no two cause labels overlap');
    // The cut ones say so: "…" drawn, the whole label as the shape's tooltip; the outline keeps them whole.
    const cut = boxes.filter((b) => b.text.includes('…'));
    assert.ok(cut.length >= 2, `labels cut to fit: ${boxes.map((b) => b.text).join(' | ')}`);
    for (const b of cut) assert.ok([...PEOPLE, PROCESS].includes(b.title), `tooltip of “${b.text}”: ${b.title}`);
    const rows = await w.page.locator('#outline li.row .label').allInnerTexts();
    for (const label of PEOPLE) assert.ok(rows.includes(label), `outline row “${label}”: ${rows.join(' | ')}`);
    // A click on a cut label still selects its row (the drawing's shapes are matched to the rows as drawn).
    await w.page.locator('#drawing g.ishikawa-sub-group', { hasText: '%% not a' }).first().click();
    assert.equal(await w.page.locator('#outline li.selected .label').textContent(), PEOPLE[2]);
    await w.page.screenshot({ path: join(SCREENSHOTS, 'webview-fishbone-crowded-category.png') });
    await w.page.close();
  });
});
