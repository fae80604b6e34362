import assert from 'node:assert/strict';
import fc from 'fast-check';
import { markerRunsOverBudget, markerRunWork, mayOpenSeveral, MAX_MARKER_RUN_WORK } from '../../../src/core/document/markerRuns';
import { lintText } from '../../../src/core/lint/engine';

const HEAD = '---\ntype: postmortem\ntitle: x\nstatus: draft\n---\n\n# X\n\n## Summary\n\nhuman error ![](x.png)\n\n';

describe('lines that open several lists or quotes at once (markerRuns.ts)', () => {
  it('a section of 800 lines of `- ` × 32 is not read as Markdown, and says why, in well under a second (it took 4 s; 1,600 lines 12.5 s)', () => {
    const text = HEAD + `${'- '.repeat(32)}x\n`.repeat(800);
    const started = process.hrtime.bigint();
    const found = lintText(text, { now: new Date('2026-12-07T00:00:00Z') }).diagnostics.filter((d) => d.code === 'document/section-too-large');
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(found.length, 1);
    assert.match(found[0].message, /800 lines open several lists or quotes at once \(up to 32 on one line\)/);
    // Not a timing assertion on the machine: the work estimate is what bounds it.
    assert.ok(markerRunWork(text).steps > MAX_MARKER_RUN_WORK, `${ms} ms`);
  });

  it('leaves real shapes alone: a quoted list, a nested task list, a few separators', () => {
    const quotedList = `${'> - quoted item\n'.repeat(300)}`;
    const tasks = `${'- [ ] Add alert @ana due:2026-12-20\n  - detail\n'.repeat(1000)}`;
    const separators = `${'text\n\n- - -\n\n'.repeat(40)}`;
    for (const t of [quotedList, tasks, separators]) assert.equal(markerRunsOverBudget(t), undefined, t.slice(0, 40));
  });

  it('counts nothing on a section whose lines never open two markers (the gate never hides work)', () => {
    const piece = fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '> ', '>', ' ', '\t', 'x', '-', '\n', '\r\n', '[ ] ', '--', '10.');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const text = pieces.join('');
      if (markerRunWork(text).steps > 0) assert.ok(mayOpenSeveral(text), JSON.stringify(text));
    }), { numRuns: 3000 });
  });
});
