import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { walk } from '../../../src/core/document/mdastUtil';
import { parsePostmortem } from '../../../src/core/document/parse';
import { mayHaveImageWithoutAlt } from '../../../src/core/rules/evidence/altGate';
import { lintText } from '../../../src/core/lint/engine';
import { assertLinearGrowth } from '../robustness/linearGrowth';

/** Images without alt text in a section, as its Markdown tree has them (what evidence/image-alt reports). */
function blankAltImages(text: string): number {
  let n = 0;
  for (const section of parsePostmortem(text).sections) {
    walk(section.mdast, (node: Nodes) => {
      if ((node.type === 'image' || node.type === 'imageReference') && (node.alt ?? '').trim() === '') n++;
    });
  }
  return n;
}

const HEAD = '---\ntype: postmortem\nstatus: draft\n---\n\n# Incident\n\n## Timeline\n\n';
const PIECES = ['![', ']', '[', '(', ')', '(x.png)', 'a', 'Z', '7', ' ', '\n', '\n\n', '`', '``', '<b>', '</b>', '<!-- c -->', '&nbsp;', '&#32;', '[^1]', '[^1]: n\n', '*', '**', '_', '~~', '\\', '\\]', '    ', '> ', '- ', '1. ', '```\n', 'http://a.b/', 'é', '漢', '\u00a0', '[r]: x.png\n', '][r]'];

describe('evidence/image-alt decides from the raw text when every image has alt text (altGate.ts)', () => {
  it('never says "no image without alt" where the Markdown tree has one', () => {
    let decided = 0;
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (pieces) => {
      const body = pieces.join('');
      if (mayHaveImageWithoutAlt(body)) return;
      decided++;
      assert.equal(blankAltImages(HEAD + body), 0, JSON.stringify(body));
    }), { numRuns: 3000 });
    assert.ok(decided > 500, `the gate decided ${decided} of 3000 generated sections`);
  });

  it('still reports a screenshot without alt text in a timeline the line readers cannot read, and not one with alt text', () => {
    const timeline = (image: string) => `${HEAD}- 2026-11-20 14:05Z [detected] Alert fired\n  \`\`\`\n  ERROR pool exhausted\n  \`\`\`\n  ${image}\n- 2026-11-20 14:30Z [resolved] Rolled back\n`;
    const codes = (text: string) => lintText(text, { now: new Date('2026-12-01T00:00:00Z') }).diagnostics.map((d) => d.code);
    assert.ok(codes(timeline('![](grafana.png)')).includes('evidence/image-alt'));
    assert.ok(codes(timeline('![ ](grafana.png)')).includes('evidence/image-alt'));
    assert.ok(codes(timeline('![&nbsp;](grafana.png)')).includes('evidence/image-alt'));
    assert.ok(!codes(timeline('![Checkout 5xx rate, 14:00–14:30Z](grafana.png)')).includes('evidence/image-alt'));
  });

  it('decides as the label-by-label reading did, in time linear in the section (trial17a F6: runs of `![`)', () => {
    // The reading before the fix, one label at a time: the reference for the single pass.
    const labelByLabel = (text: string): boolean => {
      for (let at = text.indexOf('!['); at !== -1; at = text.indexOf('![', at + 2)) {
        const close = text.indexOf(']', at + 2);
        if (close === -1) continue;
        const label = text.slice(at + 2, close);
        if (!/[A-Za-z0-9]/.test(label) || /[<&]|\[\^/.test(label)) return true;
      }
      return false;
    };
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES, '![a', '![a]', '[^', '^'), { maxLength: 40 }), (pieces) => {
      const body = pieces.join('');
      assert.equal(mayHaveImageWithoutAlt(body), labelByLabel(body), JSON.stringify(body));
    }), { numRuns: 3000 });
    // A run of `![` with alt text at its end (every label holds the letter: the gate answers false after reading them all).
    const run = (unit: string) => (size: number) => unit.repeat(Math.ceil(size / unit.length)) + 'a]';
    for (const unit of ['![', '![ ', '![\n- 14:05Z ']) assertLinearGrowth(`altGate ${JSON.stringify(unit)}`, mayHaveImageWithoutAlt, run(unit), [5_000, 40_000, 320_000]);
    assert.equal(mayHaveImageWithoutAlt('!['.repeat(1000) + 'a]'), false);
    assert.equal(mayHaveImageWithoutAlt('!['.repeat(1000) + 'a<b>]'), true);
  });
});
