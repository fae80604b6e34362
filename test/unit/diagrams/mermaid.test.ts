import { strict as assert } from 'node:assert';
import { addCause } from '../../../src/core/diagrams/fishbone/edit';
import { newFishbone } from '../../../src/core/diagrams/fishbone/model';
import { printFishbone } from '../../../src/core/diagrams/fishbone/print';
import { addChild } from '../../../src/core/diagrams/faultTree/edit';
import { newFaultTree } from '../../../src/core/diagrams/faultTree/model';
import { printFaultTree } from '../../../src/core/diagrams/faultTree/print';
import { GATE_CLASSES, visibleText } from '../../../src/core/diagrams/faultTree/visible';
import { fixture } from './fixtures';
import { useMermaidInJsdom } from '../helpers/mermaidInJsdom';

/** Labels meant to break out of a label, inject config or script, or be read as syntax. */
const HOSTILE = [
  'He said "stop" [now] {x} (y) |z|',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '%%{init: {"theme": "forest", "securityLevel": "loose"}}%%',
  'click G1 call alert(1)',
  'click E1 "javascript:alert(1)"',
  'Ishikawa caused this',
  'end',
  'subgraph x',
  '`markdown` **bold**',
  'emoji 🔥🧯 and ünïcödé',
  'A --> B; C',
  '#35; literal entity & ampersand; semicolon',
  'x\\ny backslash',
];


const HTML_NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };
/**
 * What a label shows once drawn: Mermaid hides `#NN;` and `#name;` behind placeholders until drawing
 * and then writes them as HTML character references; the label's own text is sanitized as HTML
 * (a raw `>` becomes `&gt;`); the browser decodes both.
 */
const fromPlaceholders = (text: string): string => text
  .replace(/ﬂ°°(\d+)¶ß/g, '&#$1;').replace(/ﬂ°(\w+)¶ß/g, '&$1;')
  .replace(/&#(\d+);|&(\w+);/g, (whole, n: string | undefined, name: string | undefined) => (n ? String.fromCodePoint(Number(n)) : HTML_NAMED[name!] ?? whole));

describe('generated Mermaid is accepted by Mermaid itself', function () {
  this.timeout(60_000);
  const getMermaid = useMermaidInJsdom();

  it('parses the fixtures', async () => {
    for (const name of ['fishbone.mmd', 'fault-tree.mmd']) await getMermaid().parse(fixture(name));
  });

  it('fishbone with hostile causes parses and each cause reads back exactly as typed', async () => {
    let model = newFishbone('Effect "quoted" <b>', ['People']);
    for (const label of HOSTILE) model = addCause(model, model.categories[0].id, label).model;
    const text = printFishbone(model);
    await getMermaid().parse(text);
    const { db } = await getMermaid().mermaidAPI.getDiagramFromText(text);
    type Node = { text: string; children: Node[] };
    const root = (db as { getRoot(): Node }).getRoot();
    assert.equal(fromPlaceholders(root.text), 'Effect "quoted" <b>');
    assert.deepEqual(root.children.map((c) => c.text), ['People'], 'no injected categories');
    assert.deepEqual(root.children[0].children.map((c) => fromPlaceholders(c.text)), HOSTILE);
  });

  it('fault tree with hostile labels parses, keeps its node set and each label reads back exactly', async () => {
    let tree = newFaultTree('Top: <script>alert("x")</script>');
    const expected = new Map<string, string>([['G1', 'Top: <script>alert("x")</script>']]);
    HOSTILE.forEach((label, i) => {
      const kind = (['basic', 'undeveloped', 'house', 'transfer'] as const)[i % 4];
      const r = i % 5 === 4
        ? addChild(tree, 'G1', { type: 'gate', label: `${label}\nsecond line`, gate: 'vote', k: 2 })
        : addChild(tree, 'G1', { type: 'event', label, event: kind, probability: 0.01 });
      tree = r.tree;
      expected.set(r.id, i % 5 === 4 ? `${label}\nsecond line` : label);
    });
    const text = printFaultTree(tree);
    const parsed = await getMermaid().parse(text) as { diagramType: string; config: object };
    assert.equal(parsed.diagramType, 'flowchart-v2');
    assert.deepEqual(parsed.config, {}, 'no directive changed the configuration');
    const { db } = await getMermaid().mermaidAPI.getDiagramFromText(text);
    const vertices = (db as { getVertices(): Map<string, { text: string; labelType: string; classes: string[] }> }).getVertices();
    assert.deepEqual([...vertices.keys()].sort(), [...expected.keys()].sort(), 'no extra nodes were created by label text');
    for (const [id, label] of expected) {
      const v = vertices.get(id)!;
      const node = tree.nodes.find((n) => n.id === id)!;
      assert.equal(v.labelType, 'string', `${id} is not read as markdown`);
      // The label as typed, then the drawn kind or probability on its own line (dialect v2).
      assert.equal(fromPlaceholders(v.text).replace(/<br\s*\/?>/g, '\n'), `${label}\n${visibleText(node)}`);
      if (node.type === 'gate') assert.ok(v.classes.includes(GATE_CLASSES[node.gate]), `${id} classes ${v.classes.join()}`);
    }
  });
});
