import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { readSummary } from '../../../src/core/index';
import { lintText } from '../../../src/core/lint/engine';
import { readHeadingDay, resolveHeadingDay } from '../../../src/core/timeline/headingDay';

/**
 * trial19c F7: a multi-day review with day sub-headings in words (`### Tuesday, 24 November`,
 * `### Nov 26`, `### Day 4 (Nov 27)`) had them ignored — only `### 2026-11-24` was read — so the
 * [detected], [mitigated] and [resolved] entries landed one and two days early, and lint advised
 * "update `detected_at`" to a time before `started_at`. Such headings are read now (the year from
 * the day above, `Day N` from started_at), and said; one that looks like a day but is none is said.
 */
const NOW = new Date('2026-12-08T00:00:00Z');

const FRONT = ['---', 'type: postmortem', 'id: PM-109', 'title: Corrupted aggregates', 'status: in-review', 'severity: SEV2',
  'started_at: 2026-11-24T22:15:00Z', 'detected_at: 2026-11-25T14:30:00Z', 'mitigated_at: 2026-11-26T09:00:00Z', 'resolved_at: 2026-11-27T17:45:00Z', '---', '', '# Corrupted aggregates', '', '## Timeline', ''];

function pm(body: readonly string[]): string {
  return [...FRONT, ...body, ''].join('\n');
}

const HEADINGS = [
  '### Tuesday, 24 November', '', '- 22:15Z (deploy) Replica promoted', '- 23:50Z Nightly aggregation', '',
  '### Wednesday, 25 November', '', '- 14:30Z [detected] (chat) Tickets', '- 21:40Z Snapshot found short', '',
  '### Nov 26', '', '- 09:00Z [mitigated] Switched back to the primary', '',
  '### Day 4 (Nov 27)', '', '- 11:05Z Recomputed', '- 17:45Z [resolved] Verified',
];

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 16));

describe('Timeline day sub-headings written in words (trial19c F7)', () => {
  it('the entries under them are on their days, in the parser and the summary alike', () => {
    const text = pm(HEADINGS);
    const parsed = parsePostmortem(text).timeline;
    assert.deepEqual(parsed.map((e) => iso(e.instant)), [
      '2026-11-24T22:15', '2026-11-24T23:50', '2026-11-25T14:30', '2026-11-25T21:40', '2026-11-26T09:00', '2026-11-27T11:05', '2026-11-27T17:45',
    ]);
    assert.deepEqual(readSummary(text).timeline, parsed);
  });

  it('lint says each reading once (info), and nothing about milestones or order', () => {
    const text = pm(HEADINGS);
    const found = lintText(text, { now: NOW }).diagnostics.filter((d) => d.code.startsWith('timeline/') || d.code === 'time/order');
    assert.deepEqual(found.map((d) => [d.code, d.severity, d.range.start.line + 1]), [
      ['timeline/day-heading', 'info', 17], ['timeline/day-heading', 'info', 22], ['timeline/day-heading', 'info', 27], ['timeline/day-heading', 'info', 31],
    ]);
    assert.equal(found[0]!.message, 'Read the sub-heading "Tuesday, 24 November" as 2026-11-24: the year is not written, so it is the one nearest the day above (or `started_at`); the entries under it are on that day. Write the date to confirm it');
    const fixed = applyEdits(text, found[2]!.fixes![0]!.edits).text;
    assert.match(fixed, /^### 2026-11-26 \(Nov 26\)$/m);
    assert.deepEqual(parsePostmortem(fixed).timeline.map((e) => iso(e.instant)), parsePostmortem(text).timeline.map((e) => iso(e.instant)), 'the written date reads the same');
  });

  it('a year not written is the one nearest the day above: Jan 2 after 31 December is the next year', () => {
    assert.deepEqual(resolveHeadingDay(readHeadingDay('Jan 2')!, { year: 2026, month: 12, day: 31 }, undefined), { date: { year: 2027, month: 1, day: 2 }, inferred: 'year' });
    assert.deepEqual(resolveHeadingDay(readHeadingDay('Dec 31')!, { year: 2027, month: 1, day: 1 }, undefined), { date: { year: 2026, month: 12, day: 31 }, inferred: 'year' });
    assert.deepEqual(resolveHeadingDay(readHeadingDay('Day 2')!, undefined, { year: 2026, month: 2, day: 28 }), { date: { year: 2026, month: 3, day: 1 }, inferred: 'day' });
    assert.ok(resolveHeadingDay(readHeadingDay('Day 2')!, undefined, undefined).problem, 'no started_at: no day to count from');
  });

  it('reads what people write, and leaves headings that name no day alone', () => {
    const read = (h: string) => {
      const d = readHeadingDay(h);
      return d && (d.unread ? 'unread' : `${d.year ?? '?'}-${d.month ?? '?'}-${d.day ?? '?'}${d.dayNumber ? ` day ${d.dayNumber}` : ''}`);
    };
    assert.deepEqual(
      ['Wednesday, November 25th', '24 November 2026', 'Sat, Dec 5', '**Nov 26** — rollback', 'March 3rd, 2026', 'Day 2', '2026-11-20 (Thu)'].map(read),
      ['?-11-25', '2026-11-24', '?-12-5', '?-11-26', '2026-3-3', '?-?-? day 2', '2026-11-20'],
    );
    assert.deepEqual(['Nov 31', '24/11', 'Tuesday', 'Thursday 26', '2026-11-31'].map(read), ['unread', 'unread', 'unread', 'unread', 'unread']);
    assert.deepEqual(['Mitigation', 'Phase 2', 'The day after', 'Detection and response', 'Short term'].map(read), [undefined, undefined, undefined, undefined, undefined]);
  });

  it('a heading that looks like a day but is none is a warning, and its entries keep the day above', () => {
    const text = pm(['### 2026-11-25', '', '- 14:30Z [detected] Tickets', '', '### 31/11', '', '- 16:00Z Still the 25th']);
    const parsed = parsePostmortem(text).timeline;
    assert.deepEqual(parsed.map((e) => iso(e.instant)), ['2026-11-25T14:30', '2026-11-25T16:00']);
    const [d] = lintText(text, { now: NOW }).diagnostics.filter((x) => x.code === 'timeline/day-heading');
    assert.equal(d!.severity, 'warning');
    assert.match(d!.message, /^Expected a day the tools can read in the sub-heading "31\/11", found none: a day and month in numbers could be read either way round/);
  });

  it('a weekday that is not the date\'s is a warning naming both', () => {
    const text = pm(['### Thursday, 24 November', '', '- 22:15Z (deploy) Replica promoted']);
    const [d] = lintText(text, { now: NOW }).diagnostics.filter((x) => x.code === 'timeline/day-heading');
    assert.equal(d!.severity, 'warning');
    assert.match(d!.message, /weekday of 2026-11-24, a Tuesday, found Thursday/);
  });

  it('without the headings, the mismatch advice says the entry lacks its date when the front matter is the same time whole days later', () => {
    const text = pm(HEADINGS.filter((l) => !l.startsWith('###')));
    const found = lintText(text, { now: NOW }).diagnostics.filter((d) => d.code === 'timeline/milestone-mismatch');
    assert.equal(found.length, 3);
    assert.match(found[0]!.message, /found 2026-11-24 14:30Z: the same time of day, 1 day earlier\. The entry has no date and took the day of the entry above; if it is on 2026-11-25, as `detected_at` says, write its date/);
    assert.match(found[2]!.message, /2 days earlier/);
    const write = found[0]!.fixes!.find((f) => f.title.startsWith("Write the entry's date"));
    assert.equal(write?.title, "Write the entry's date: 2026-11-25 14:30Z, as `detected_at` says");
    const fixed = applyEdits(text, write!.edits).text;
    assert.match(fixed, /^- 2026-11-25 14:30Z \[detected\]/m);
    // The time/order-breaking "update detected_at" is still offered, last, for a typo'd entry.
    assert.ok(found[0]!.fixes!.at(-1)!.title.startsWith('Set detected_at to 2026-11-24T14:30:00Z'));
  });
});
