import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { lintText } from '../../../src/core/lint/engine';
import { timelineMilestoneMismatch } from '../../../src/core/rules/timeline/milestoneMismatch';
import { assertLinearGrowth } from '../robustness/linearGrowth';

const NOW = new Date('2026-11-21T00:00:00Z');
const doc = (frontMatter: string, timeline: string) =>
  `---\ntype: postmortem\ntitle: Checkout 502s\nstatus: draft\ntimezone: UTC\nstarted_at: 2026-11-20T14:00:00Z\ndetected_at: 2026-11-20T14:05:00Z\n${frontMatter}---\n# Checkout 502s\n\n## Timeline\n\n- 2026-11-20 14:05Z [detected] Alert fired\n${timeline}\n`;
const TWO_RESOLVED = '- 2026-11-20 15:10Z [resolved] Rolled back\n- 2026-11-20 15:20Z [resolved] Error rate at baseline';
const mismatches = (text: string) => lintText(text, { now: NOW }).diagnostics.filter((d) => d.code === 'timeline/milestone-mismatch');

describe('timeline/milestone-mismatch: several entries marked with one milestone (trial18a F4, F13)', () => {
  it('two [resolved] entries and no resolved_at: says so, naming both lines, with a fix per entry and none applied by --fix', () => {
    const found = mismatches(doc('', TWO_RESOLVED));
    assert.equal(found.length, 1);
    assert.equal(found[0].message, 'Expected `resolved_at` in the front matter, found none; 2 timeline entries are marked [resolved] (lines 14 and 15), so the metrics have no time for it: set `resolved_at` to the one that counts and leave the mark on that entry only');
    assert.deepEqual(found[0].fixes!.map((f) => [f.title, f.isPreferred === true]), [
      ["Set resolved_at to 2026-11-20T15:10:00Z from the timeline's [resolved] entry (line 14)", false],
      ["Set resolved_at to 2026-11-20T15:20:00Z from the timeline's [resolved] entry (line 15)", false],
    ]);
    const fixed = applyEdits(doc('', TWO_RESOLVED), found[0].fixes![1].edits).text;
    assert.match(fixed, /^resolved_at: 2026-11-20T15:20:00Z$/m);
  });

  it('resolved_at matching one of two [resolved] entries: the other is named as counting nowhere', () => {
    const found = mismatches(doc('resolved_at: 2026-11-20T15:10:00Z\n', TWO_RESOLVED));
    assert.equal(found.length, 1);
    // resolved_at's own line moves the body one line down: the entries are on lines 15 and 16.
    assert.equal(found[0].range.start.line + 1, 16);
    assert.equal(found[0].severity, 'info');
    assert.match(found[0].message, /^Expected one \[resolved\] entry, found 2: `resolved_at` \(2026-11-20 15:10Z\) is the one on line 15, so this one at 2026-11-20 15:20Z counts nowhere/);
  });

  it('resolved_at matching neither: the warning on the first says there are two', () => {
    const found = mismatches(doc('resolved_at: 2026-11-20T15:40:00Z\n', TWO_RESOLVED));
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /; 2 entries are marked \[resolved\] \(lines 15 and 16\), this is the first$/);
  });

  it('one [resolved] entry: unchanged (a single preferred fix)', () => {
    const found = mismatches(doc('', '- 2026-11-20 15:10Z [resolved] Rolled back'));
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].fixes!.map((f) => f.isPreferred), [true]);
  });

  it('a fix that would put detected_at before started_at says so in its title', () => {
    const text = doc('', '').replace('- 2026-11-20 14:05Z [detected] Alert fired', '- 2026-11-20 02:30Z [detected] Alert fired');
    const found = mismatches(text);
    assert.equal(found[0].fixes![0].title, 'Set detected_at to 2026-11-20T02:30:00Z (from the timeline); check it: it is before started_at (2026-11-20T14:00:00Z, in the front matter)');
  });

  it('thousands of [resolved] entries (a pasted log): names five lines and counts the rest, five fixes, linear time (review18 R3)', () => {
    const entries = (n: number) => Array.from({ length: n }, (_, i) => `- 2026-11-20 ${String(10 + Math.floor(i / 3600) % 10).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z [resolved] step ${i}`).join('\n');
    const found = mismatches(doc('', entries(3000)));
    assert.equal(found.length, 1);
    assert.match(found[0].message, /3000 timeline entries are marked \[resolved\] \(lines 14, 15, 16, 17, 18 and 2,995 more\)/);
    assert.equal(found[0].fixes!.length, 5);
    // The rule alone: each fix read the front matter and the whole timeline again, one fix per entry.
    assertLinearGrowth('milestone-mismatch over marked entries', (text) => lintText(text, { now: NOW, rules: [timelineMilestoneMismatch] }), (size) => doc('', entries(Math.ceil(size / 48))));
  });
});
