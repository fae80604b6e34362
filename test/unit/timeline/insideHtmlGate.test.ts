import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parsePostmortem } from '../../../src/core/document/parse';
import { htmlBlocksWithEntries, mayHideEntries } from '../../../src/core/rules/timeline/insideHtml';
import { timelineSections } from '../../../src/core/rules/timeline/shared';

/**
 * timeline/inside-html asks for the section's tree only when its lines show an HTML block that could
 * hold an entry (`mayHideEntries`). The gate must never hide a finding: on generated Timeline
 * sections mixing tags (known, unknown, closing, `<pre>`, `<?`, `<!X`), comments, entries, bullets,
 * indented lines and blank lines, whenever the tree finds an entry in an HTML block the gate is open.
 */
const LINES = [
  '<START OF OUTAGE>', '<details>', '</details>', '<div>', '<pre>', '</pre>', '<?php', '?>', '<!DOCTYPE x>', '<!-- note -->', '<!--', '-->',
  '  <span>indented</span>', '<img src="x.png">', '- 2026-12-05 23:10Z deploy started', '23:25Z [detected] alerts', '- 00:40Z [mitigated] rolled back',
  '  00:55Z continued', '2026-12-06', 'All times are UTC.', '```', '', '   ', '1. 01:00Z [resolved] done', '> 01:10Z quoted',
];

function docOf(lines: string[]): string {
  return ['---', 'type: postmortem', 'title: Gate', 'timezone: UTC', '---', '## Timeline', '', ...lines, ''].join('\n');
}

describe('timeline/inside-html: the lines decide when the tree is needed', () => {
  it('never skips a section whose tree has an entry inside an HTML block (generated sections)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 30 }), (lines) => {
        const doc = parsePostmortem(docOf(lines));
        for (const section of timelineSections(doc)) {
          if (htmlBlocksWithEntries(doc, section).length) assert.ok(mayHideEntries(doc, section), lines.join('\n'));
        }
      }),
      { numRuns: 800 },
    );
  });

  it('finds the entry under <START OF OUTAGE>, and none under a comment or after a blank line', () => {
    const doc = parsePostmortem(docOf(['<START OF OUTAGE>', '- 08:00Z [started] issue filed', '', '<!--', '- 09:00Z example', '-->', '<details>', '', '- 10:00Z after a blank line']));
    const [section] = timelineSections(doc);
    assert.deepEqual(htmlBlocksWithEntries(doc, section!).map((b) => [b.first + 1, b.entries.map((e) => e.line + 1)]), [[8, [9]]]);
  });
});
