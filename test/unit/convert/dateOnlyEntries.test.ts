import assert from 'node:assert/strict';
import { convertPostmortem } from '../../../src/core/import/convert';

/**
 * Release post-mortems often tell their timeline by day ("- **Jun 4, 2025**: 3.32.2 is published").
 * The format's entries need a time of day, so such lines stay as written — and the report must say
 * so (incomplete, exit 1), not claim that everything timeline-like was read.
 */
const md = (...lines: string[]) => lines.join('\n') + '\n';

describe('convert: timeline entries with a date but no time of day', () => {
  const text = md('# Release 3.32.3 post-mortem', '', '## Timeline', '',
    '- **Jun 4, 2025**: The 3.32.2 release is successfully published.',
    '- **Jun 5, 2025**: The cherry-picks are accepted and merged into the branch.',
    '- **Jun 12, 2025**: 3.32.4 is published, fixing 3.32.3.', '',
    '## Action items', '', '- Update the release tooling to take a commit SHA');

  it('reports each such line as not read and the conversion as incomplete', () => {
    const r = convertPostmortem(text);
    assert.equal(r.report.entries, 0);
    assert.deepEqual(r.report.unread.map((u) => [u.line, u.why]), [
      [4, 'a date without a time of day'], [5, 'a date without a time of day'], [6, 'a date without a time of day'],
    ]);
    assert.equal(r.report.complete, false);
    assert.ok(r.text.includes('- **Jun 5, 2025**: The cherry-picks are accepted'), 'the lines are kept as written');
  });

  it('still reads a date line that only heads the timed entries below it', () => {
    const r = convertPostmortem(md('# Outage', '', '## Timeline', '', '- **Jun 4, 2025** (all times UTC)', '- 14:05 Alerts fire', '- 14:20 Rolled back'));
    assert.equal(r.report.entries, 2);
    assert.deepEqual(r.report.unread, []);
  });
});
