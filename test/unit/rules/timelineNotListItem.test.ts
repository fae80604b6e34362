/**
 * A timeline typed the way VS Code lets you type it (Enter after the first `- ` entry does not
 * continue the list): the next lines are text of the first entry. Lint says so on each line, with
 * the fix that makes it an entry, and the milestone check says where its marker is (trial T4).
 */
import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { fixAll } from '../../../src/core/fix/fixAll';
import { lintText } from '../../../src/core/lint/engine';

const NOW = new Date('2026-12-06T12:00:00Z');
const TYPED = [
  '---', 'type: postmortem', 'title: Login errors', 'status: draft', 'timezone: UTC', '---', '# Login errors', '', '## Timeline', '',
  '- 2026-12-05 23:10Z deploy of auth v3 started',
  '23:25Z [detected] alerts on login errors',
  '2026-12-06 00:40Z [mitigated] rolled back',
  '01:05Z [resolved] errors at baseline', '',
].join('\n');

describe('timeline lines typed without `- ` (trial T4)', () => {
  const diagnostics = lintText(TYPED, { now: NOW }).diagnostics;

  it('points at each line that looks like an entry, saying what is lost and what to type', () => {
    const lines = diagnostics.filter((d) => d.code === 'timeline/not-list-item');
    assert.deepEqual(lines.map((d) => d.range.start.line + 1), [12, 13, 14]);
    assert.match(lines[0].message, /looks like one but is not: it is read as text of the entry above, so its time and \[detected\] count nowhere\. Start it with `- `/);
    assert.equal(lines[0].fixes![0].title, 'Make line 12 a timeline entry (start it with "- ")');
    assert.match(applyEdits(TYPED, lines[0].fixes![0].edits).text, /^- 23:25Z \[detected\] alerts on login errors$/m);
  });

  it('the missing-milestone message names the line holding the marker instead of a bare "found none"', () => {
    const detected = diagnostics.find((d) => d.code === 'timeline/missing-milestone' && d.message.includes('[detected]'));
    assert.match(detected?.message ?? '', /found none among the entries: line 12 has \[detected\] but is not a list item, so it is read as text of the entry above \(start it with `- `\)/);
  });

  it('--fix makes them entries: then every milestone is found and nothing is left to say', () => {
    const fixed = fixAll(TYPED, { now: NOW }).text;
    assert.match(fixed, /^- 23:25Z \[detected\][^\n]*\n- 2026-12-06 00:40Z \[mitigated\][^\n]*\n- 01:05Z \[resolved\]/m);
    const after = lintText(fixed, { now: NOW }).diagnostics.map((d) => d.code);
    assert.ok(!after.includes('timeline/not-list-item') && !after.includes('timeline/missing-milestone'), after.join(', '));
  });

  it('leaves prose alone, even with a time inside it, and a timeline without any entry to timeline/missing', () => {
    const prose = TYPED.replace('23:25Z [detected] alerts on login errors', 'All times are UTC; at 23:25Z alerts fired');
    assert.deepEqual(lintText(prose, { now: NOW }).diagnostics.filter((d) => d.code === 'timeline/not-list-item').map((d) => d.range.start.line + 1), [13, 14]);
    const none = TYPED.replace('- 2026-12-05 23:10Z', '2026-12-05 23:10Z');
    const codes = lintText(none, { now: NOW }).diagnostics.map((d) => d.code);
    assert.ok(codes.includes('timeline/missing') && !codes.includes('timeline/not-list-item'), codes.join(', '));
  });
});
