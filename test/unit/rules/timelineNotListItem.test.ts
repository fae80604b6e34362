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

describe('timeline/not-list-item on a timeline of thousands of unlisted lines', () => {
  const many = (n: number) => {
    const lines = [...TYPED.split('\n').slice(0, 11)];
    for (let i = 0; i < n; i++) lines.push(`${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z event ${i}`);
    return `${lines.join('\n')}\n`;
  };

  it('lists 5,000 one by one and says how many more there are, from which line to which (no silent cap)', () => {
    const text = many(12_000);
    const found = lintText(text, { now: NOW }).diagnostics.filter((d) => d.code === 'timeline/not-list-item');
    assert.equal(found.length, 5_001);
    const rest = found[5_000];
    assert.equal(rest.range.start.line + 1, 12 + 5_000);
    assert.match(rest.message, /found 7,000 more lines like the 5,000 listed above, from line 5012 to line 12011, not listed one by one/);
    assert.equal(rest.fixes?.[0].title, 'Make all 7,000 timeline entries (lines 5012–12011)');
  });

  it('--fix makes every one of 20,000 lines an entry (was quadratic: 18 s) and the fixed text lints clean of the rule', () => {
    const text = many(20_000);
    const result = fixAll(text, { now: NOW });
    const lines = result.text.split('\n');
    assert.equal(lines.filter((l) => /^- \d\d:\d\dZ event \d+$/.test(l)).length, 20_000);
    assert.ok(result.text.includes('\n- 2026-12-05 23:10Z deploy of auth v3 started\n- 00:00Z event 0\n'), 'the first entry and the first unlisted line kept');
    assert.ok(!result.remaining.some((d) => d.code === 'timeline/not-list-item'));
  });
});

describe('timeline/missing counts every timed line of the section', () => {
  it('says 3,000 lines written as entries in another form, not the first 2,000 it looked at', () => {
    const head = TYPED.split('\n').slice(0, 10);
    const body: string[] = [];
    for (let i = 0; i < 3_000; i++) body.push(`### 2026-12-05 ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`, '', `event ${i}`, '');
    const missing = lintText([...head, ...body].join('\n'), { now: NOW }).diagnostics.find((d) => d.code === 'timeline/missing');
    assert.match(missing?.message ?? '', /found 3000 lines written as entries in another form \(line 11, 15, 19, …\)/);
  });
});

describe('timeline/missing: lines in an HTML comment are not entries to convert', () => {
  it('counts the timed paragraph after a comment, not the examples inside it', () => {
    const text = [
      '---', 'type: postmortem', 'title: Login errors', 'status: draft', 'timezone: UTC', '---', '# Login errors', '', '## Timeline', '',
      '<!-- Example:', '', '14:44 - something happened', '### 1900-01-01 09:12', '-->', '',
      '<!-- one line --> 10:00 - not shown either', '',
      '23:25 - alerts on login errors', '',
    ].join('\n');
    const [missing] = lintText(text, { now: NOW }).diagnostics.filter((d) => d.code === 'timeline/missing');
    assert.match(missing.message, /found 1 line written as entries in another form \(line 19\)/);
  });
});
