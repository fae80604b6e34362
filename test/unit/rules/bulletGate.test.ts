import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { List, Nodes } from 'mdast';
import { walk } from '../../../src/core/document/mdastUtil';
import { parsePostmortem } from '../../../src/core/document/parse';
import { mayHoldFirstColumnBullets } from '../../../src/core/rules/actions/none';

/** Lists starting in the first column of a section, as its Markdown tree has them (what actions/none reads as plain bullets). */
function firstColumnLists(text: string): number {
  let n = 0;
  for (const section of parsePostmortem(text).sections) {
    walk(section.mdast, (node: Nodes) => {
      if (node.type === 'list' && !(node as List).ordered && node.position?.start.column === 1) n++;
    });
  }
  return n;
}

const HEAD = '---\ntype: postmortem\nstatus: in-review\n---\n\n# Incident\n\n## Action items\n\n';
const PIECES = ['- ', '* ', '+ ', '-', '\t', ' ', '  ', '\n', '\r\n', '\r', '[ ] ', 'Add alert', '> ', '1. ', '---', '```\n', '<!-- -->', '\u2028', '|a|b|\n|-|-|\n', '\\- ', 'text'];

describe('actions/none decides from the raw text when a section holds no first-column bullet list', () => {
  it('never says "no bullets" where the Markdown tree has a list starting in the first column', () => {
    let decided = 0;
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }), (pieces) => {
      const body = pieces.join('');
      if (mayHoldFirstColumnBullets(body)) return;
      decided++;
      assert.equal(firstColumnLists(HEAD + body), 0, JSON.stringify(body));
    }), { numRuns: 3000 });
    assert.ok(decided > 300, `the gate decided ${decided} of 3000 generated sections`);
  });
});
