import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parsePostmortem } from '../../../src/core/document/parse';
import { timelineSections } from '../../../src/core/rules/timeline/shared';
import { unlistedEntries, unlistedEntriesFromTree } from '../../../src/core/rules/timeline/unlistedEntries';

/**
 * `unlistedEntries` skips the section's tree when no line could be reported (the tree doubled the
 * lint's CPU time). The skip must never change the answer: on generated Timeline sections with
 * entries, unlisted times, fences, comments, tables, quotes and prose, the gated and the tree
 * readings agree, and both find the typed-without-a-bullet lines of the trial (T4).
 */
const LINES = [
  '- 2026-12-05 23:10Z deploy started', '* 23:12Z cache warmed', '1. 23:13Z paged', '23:25Z [detected] alerts on login errors',
  '  00:55Z the retry queue drained', '2026-12-06 00:40Z [mitigated] rolled back', 'All times are UTC.', '3 pods were restarted.',
  '```', '~~~', '<!--', '-->', '| Time | Event |', '|---|---|', '| 23:30 | row |', '> 23:31Z quoted', '', '   ', '\t23:40Z tabbed',
  '- [ ] 23:50Z task', '## Next', '### Sub', '14:09 [resolved] errors at baseline',
];

function docOf(lines: string[]): string {
  return ['---', 'type: postmortem', 'title: Gate', 'timezone: UTC', '---', '## Timeline', '', ...lines, ''].join('\n');
}

describe('timeline: lines typed without a bullet, read without the tree when none can be one', () => {
  it('gives the same lines as the tree reading on generated sections', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 30 }), (lines) => {
        const doc = parsePostmortem(docOf(lines));
        for (const section of timelineSections(doc)) assert.deepEqual(unlistedEntries(doc, section), unlistedEntriesFromTree(doc, section));
      }),
      { numRuns: 1500 },
    );
  });

  it('finds the lines a user typed after Enter without `- `, and nothing in a section of list entries', () => {
    const typed = parsePostmortem(docOf(['- 23:10Z deploy of auth v3 started', '23:25Z [detected] alerts on login errors', '01:05Z [resolved] errors at baseline']));
    assert.deepEqual(timelineSections(typed).flatMap((s) => unlistedEntries(typed, s)).map((e) => [e.line + 1, e.milestones.join()]), [[9, 'detected'], [10, 'resolved']]);
    const listed = parsePostmortem(docOf(['- 23:10Z deploy', '- 23:25Z [detected] alerts', 'All times are UTC.']));
    assert.deepEqual(timelineSections(listed).flatMap((s) => unlistedEntries(listed, s)), []);
  });
});
