import { strict as assert } from 'node:assert';
import { diagnoseMermaidBlocks } from '../../../src/core/diagrams/diagnostics';
import { parseFaultTree } from '../../../src/core/diagrams/faultTree/parse';
import { printFaultTree } from '../../../src/core/diagrams/faultTree/print';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import type { Diagnostic } from '../../../src/core/types';
import { fixture } from './fixtures';

const v2 = fixture('fault-tree.mmd');
const v1 = fixture('fault-tree-v1.mmd');
const doc = (body: string, eol = '\n'): string => ['# Root cause', '', '```mermaid', body, '```', ''].join('\n').replace(/\n/g, eol);
const body = (text: string): string => text.split('```mermaid')[1].split('```')[0].replace(/^\r?\n|\r?\n$/g, '');
const apply = (text: string, d: Diagnostic, fix = 0): string => {
  const r = applyEdits(text, d.fixes![fix].edits);
  assert.deepEqual(r.skipped, []);
  return r.text;
};

describe('fault tree dialect v2: drawn parts checked against the data lines', () => {
  it('the canonical v2 text has no problems and nothing to redraw', () => {
    const parsed = parseFaultTree(v2);
    assert.equal(parsed.version, 2);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.drawn, []);
    assert.deepEqual(diagnoseMermaidBlocks(doc(v2)), []);
  });

  it('offers to upgrade a v1 block (an info note at its marker), and the upgrade is exactly the v2 text of the same tree', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = doc(v1, eol);
      const found = diagnoseMermaidBlocks(text);
      assert.deepEqual(found.map((d) => [d.code, d.severity, d.range.start.line]), [['fault-tree/dialect-v1', 'info', 4]]);
      assert.match(found[0].message, /^Fault tree \(diagram 1\): Expected "%% ft:fault-tree v2", found the v1 marker: other Mermaid renderers/);
      assert.equal(found[0].fixes![0].isPreferred, undefined, 'not applied by --fix: it rewrites every declaration line');
      const upgraded = apply(text, found[0]);
      assert.equal(upgraded, doc(v2, eol));
      assert.deepEqual(diagnoseMermaidBlocks(upgraded), []);
    }
  });

  it('upgrades a hand-written v1 block with odd indentation and multi-line labels, keeping every line it does not need to change', () => {
    const hand = [
      'flowchart TB',
      '    %% ft:fault-tree v1',
      '    %% ft:gate TOP and',
      '    TOP["Both<br/>regions down"]',
      '    TOP --> A & B',
      '    %% ft:event A basic p=1e-4',
      '    A["Region A #quot;eu#quot;"]@{ shape: circle }',
      '    %% ft:event B house false',
      '    B["Maintenance window"]@{ shape: notch-pent }',
    ].join('\n');
    const text = doc(hand);
    const [note] = diagnoseMermaidBlocks(text);
    const upgraded = body(apply(text, note));
    assert.equal(upgraded, [
      'flowchart TB',
      '    %% ft:fault-tree v2',
      '    %% ft:gate TOP and',
      '    TOP["Both<br/>regions down<br/>AND"]:::ftAnd',
      '    TOP --> A & B',
      '    %% ft:event A basic p=1e-4',
      '    A["Region A #quot;eu#quot;<br/>p = 0.0001"]@{ shape: circle }',
      '    %% ft:event B house false',
      '    B["Maintenance window<br/>off"]@{ shape: notch-pent }',
      '  classDef ftAnd stroke:#0969da,stroke-width:3px',
      '  classDef ftOr stroke:#1a7f37,stroke-width:3px',
      '  classDef ftVote stroke:#8250df,stroke-width:3px',
    ].join('\n'));
    const parsed = parseFaultTree(upgraded);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.drawn, []);
    assert.deepEqual(parsed.model, parseFaultTree(hand).model, 'the upgrade changes the drawing, not the tree');
  });

  it('reports a gate whose drawing says another kind, with a fix each way', () => {
    const text = doc(v2.replace('%% ft:gate G2 and', '%% ft:gate G2 or'));
    const found = diagnoseMermaidBlocks(text);
    assert.deepEqual(found.map((d) => d.code), ['fault-tree/drawn-mismatch', 'fault-tree/drawn-mismatch']);
    const [kind, cls] = found;
    assert.match(kind.message, /Expected the drawing of G2 to show "OR" as its "%% ft:" line says, found "AND": readers of the drawing see a different kind than the analysis uses\./);
    assert.match(cls.message, /Expected gate G2 to carry the class ftOr \(its "%% ft:" line says or\), found ftAnd\./);
    assert.equal(kind.fixes![0].isPreferred, undefined, 'which side is right is for a person to say');
    assert.equal(cls.fixes![0].isPreferred, true, 'the class follows the data line: nothing is lost');
    // Redraw from the data line:
    const once = apply(text, kind);
    const redrawn = apply(once, diagnoseMermaidBlocks(once)[0]);
    assert.match(redrawn, / {2}G2\["Both database replicas down<br\/>OR"\]:::ftOr\n/);
    assert.deepEqual(diagnoseMermaidBlocks(redrawn), []);
    // Or take the drawing's value into the data line:
    assert.equal(kind.fixes![1].title, 'Change the "%% ft:" line of G2 to "AND" (from the drawing)');
    const adopted = apply(text, kind, 1);
    assert.equal(adopted, doc(v2));
  });

  it('reports an event whose drawing shows another probability, and a vote gate whose drawing is out of date', () => {
    const text = doc(v2.replace('p = 0.05"]', 'p = 5%"]').replace('%% ft:gate G3 vote k=2', '%% ft:gate G3 vote k=3'));
    const found = diagnoseMermaidBlocks(text);
    assert.deepEqual(found.map((d) => d.message.replace(/^Fault tree \(diagram 1\): /, '').split(':')[0]), [
      'Expected the drawing of G3 to show "3 of 3" as its "%% ft',
      'Expected the drawing of E4 to show "p = 0.05" as its "%% ft',
    ]);
    assert.equal(found[1].fixes![1].title, 'Change the "%% ft:" line of E4 to "p = 5%" (from the drawing)');
    assert.match(apply(text, found[1], 1), /%% ft:event E4 basic p=0\.05\n/, '5% is read as 0.05');
    assert.match(apply(text, found[0], 1), /%% ft:gate G3 vote k=2\n/);
  });

  it('adds a missing drawn part, class or style with a preferred fix (nothing written is lost)', () => {
    const text = doc(v2
      .replace('E2["Primary disk full<br/>p = 0.01"]', 'E2["Primary disk full"]')
      .replace('"]:::ftVote', '"]')
      .replace(/\n {2}classDef ftVote .*/, '')
      .replace('stroke:#1a7f37', 'stroke:#ff0000'));
    const found = diagnoseMermaidBlocks(text);
    assert.deepEqual(found.map((d) => [d.message.replace(/^Fault tree \(diagram 1\): /, '').slice(0, 61), d.fixes![0].isPreferred]), [
      ['Expected the drawing of E2 to show its probability "p = 0.01"', true],
      ['Expected gate G3 to carry the class ftVote that styles 2 of 3', true],
      ['Expected the style of ftOr gates to be "stroke:#1a7f37,stroke', undefined],
      ['Expected the gate styles ftVote ("classDef" lines) at the end', true],
    ]);
    let fixed = text;
    for (let d = diagnoseMermaidBlocks(fixed)[0]; d; d = diagnoseMermaidBlocks(fixed)[0]) fixed = apply(fixed, d);
    assert.equal(fixed, doc(v2));
  });

  it('takes a last label line that is not a drawn part as the user\'s text, so nothing is cut off', () => {
    const text = doc(v2.replace('E2["Primary disk full<br/>p = 0.01"]', 'E2["Primary disk<br/>full"]'));
    const parsed = parseFaultTree(body(text));
    assert.equal(parsed.model.nodes.find((n) => n.id === 'E2')!.label, 'Primary disk\nfull');
    const [d] = diagnoseMermaidBlocks(text);
    assert.match(apply(text, d), /E2\["Primary disk<br\/>full<br\/>p = 0\.01"\]/);
  });

  it('keeps labels whose own last line looks like a drawn part (the printer always adds the drawn line)', () => {
    const tree = parseFaultTree(v2).model;
    const tricky = { nodes: tree.nodes.map((n) => (n.id === 'G1' ? { ...n, label: 'Power fails\nAND' } : n.id === 'E1' ? { ...n, label: 'x\np = 0.9' } : n)) };
    const printed = printFaultTree(tricky);
    assert.match(printed, /G1\["Power fails<br\/>AND<br\/>OR"\]:::ftOr/);
    const back = parseFaultTree(printed);
    assert.deepEqual(back.model, tricky);
    assert.deepEqual(back.drawn, []);
  });

  it('keeps hostile labels inert in the drawn part too', () => {
    const tree = parseFaultTree(v2).model;
    const hostile = '"]\nclick G1 "javascript:alert(1)"\n%%{init: {"securityLevel":"loose"}}%%<br/>AND';
    const printed = printFaultTree({ nodes: tree.nodes.map((n) => (n.id === 'G1' ? { ...n, label: hostile } : n)) });
    const line = printed.split('\n').find((l) => l.trimStart().startsWith('G1['))!;
    assert.equal(line, '  G1["#quot;]<br/>click G1 #quot;javascript:alert(1)#quot;<br/>#37;#37;{init: {#quot;securityLevel#quot;:#quot;loose#quot;}}#37;#37;#lt;br/>AND<br/>OR"]:::ftOr');
    assert.equal(parseFaultTree(printed).model.nodes[0].label, hostile);
  });
});
