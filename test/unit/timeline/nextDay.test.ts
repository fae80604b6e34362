import { strict as assert } from 'node:assert';
import { parsePostmortem } from '../../../src/core/document/parse';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { fixAll } from '../../../src/core/fix/fixAll';
import { lintText } from '../../../src/core/lint/engine';
import { TIME_RULES } from '../../../src/core/rules/timeRules';

const options = { rules: TIME_RULES, now: new Date('2026-12-06T22:00:00Z') };

function doc(timeline: string): string {
  return `---\ntype: postmortem\ntitle: T\nstarted_at: 2026-12-01T07:30:00Z\ntimezone: Asia/Kolkata\n---\n# T\n\n## Timeline\n${timeline}`;
}

/** Trial10 T1: `13:20`, then `00:50` (a typo) was read as the next day without a word. */
const TYPO = doc('- 2026-12-01 13:00 [detected] alert\n- 13:20 rollback started\n- 00:50 [mitigated] rollback done\n- 14:10 [resolved] closed\n');
const MIDNIGHT = doc('- 2026-12-01 23:30 [detected] alert\n- 23:50 rollback started\n- 00:10 [mitigated] rollback done\n- 00:40 [resolved] closed\n');

function found(text: string, code: string) {
  return lintText(text, options).diagnostics.filter((d) => d.code === code);
}

describe('timeline/next-day: a dateless time read on the next day is said', () => {
  it('warns on the typo line only, names the gap and the span, and its fix writes the date without being preferred', () => {
    const [d, ...more] = found(TYPO, 'timeline/next-day');
    assert.equal(more.length, 0, 'said once, not on 14:10 too');
    assert.equal(d.range.start.line, 11);
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, 'Expected a date on a time of day earlier than the entry above\'s: read as the next day, 2026-12-02 (00:50 after 13:20 on line 11, 11 hours 30 minutes later); a gap that long suggests a typo in the time (with it the timeline spans 1 day 1 hour); write the date to confirm, or correct the time');
    const [fix] = d.fixes!;
    assert.equal(fix.title, 'Write the date: 2026-12-02 00:50 (the next day, as read)');
    assert.notEqual(fix.isPreferred, true);
    const fixed = applyEdits(TYPO, fix.edits).text;
    assert.match(fixed, /\n- 2026-12-02 00:50 \[mitigated\] rollback done\n/);
    assert.deepEqual(parsePostmortem(fixed).timeline.map((e) => e.instant), parsePostmortem(TYPO).timeline.map((e) => e.instant), 'the date written reads as before');
    assert.deepEqual(found(fixed, 'timeline/next-day'), [], 'a written date is no longer a reading');
  });

  it('the conversion names the assumption and is left out of Fix All while the time looks like a typo', () => {
    const [heading] = found(TYPO, 'timeline/not-utc');
    assert.equal(heading.fixes![0].title, 'Convert 4 entries from Asia/Kolkata to UTC (assuming 00:50 on line 12 is the next day, 2026-12-02; check it, the gap before it is 11 hours 30 minutes: not applied by Fix All)');
    assert.notEqual(heading.fixes![0].isPreferred, true);
    assert.match(heading.message, /; not converted by Fix All while a time read as the next day may be a typo \(timeline\/next-day\)$/);
    const result = fixAll(TYPO, options);
    assert.equal(result.text, TYPO, 'nothing written on a guess');
    assert.deepEqual(result.fixed, {});
  });

  it('a real midnight crossing is an info on the one entry, and the applied conversion says what it assumed', () => {
    const next = found(MIDNIGHT, 'timeline/next-day');
    assert.equal(next.length, 1, 'once, not on 00:40 as well');
    assert.equal(next[0].severity, 'info');
    assert.equal(next[0].message, 'Expected a date on a time of day earlier than the entry above\'s: read as the next day, 2026-12-02 (00:10 after 23:50 on line 11, 20 minutes later); write the date to confirm, or correct the time');
    const [heading] = found(MIDNIGHT, 'timeline/not-utc');
    assert.equal(heading.fixes![0].title, 'Convert 4 entries from Asia/Kolkata to UTC (assuming 00:10 on line 12 is the next day, 2026-12-02)');
    assert.equal(heading.fixes![0].isPreferred, true);
    const result = fixAll(MIDNIGHT, options);
    assert.match(result.text, /- 2026-12-01 18:00Z \[detected\] alert\n- 18:20Z rollback started\n- 18:40Z \[mitigated\] rollback done\n- 19:10Z \[resolved\] closed\n/);
    assert.deepEqual(result.notes, ['timeline/not-utc: converted assuming 00:10 on line 12 is the next day, 2026-12-02 (its clock is more than 12 hours earlier than the entry above\'s, so past midnight); if a time is a typo, correct it', "timeline/not-utc: read 4 timeline times without a zone as Asia/Kolkata, the front matter's timezone (2026-12-01 23:30 on line 10 → 2026-12-01 18:00Z)"]);
  });

  it('says nothing when the day is written, or when a time goes back less than 12 hours (timeline/out-of-order says that)', () => {
    assert.deepEqual(found(doc('- 2026-12-01 23:50 a\n- 2026-12-02 00:10 b\n'), 'timeline/next-day'), []);
    const back = doc('- 2026-12-01 13:20 a\n- 09:50 b\n');
    assert.deepEqual(found(back, 'timeline/next-day'), []);
    assert.equal(found(back, 'timeline/out-of-order').length, 1);
  });

  it('a table row with an empty Date cell gets the date in that cell', () => {
    const text = doc('| Date | Time | Event |\n|---|---|---|\n| 2026-12-01 | 23:50 | a |\n|            | 00:10 | b |\n');
    const [d] = found(text, 'timeline/next-day');
    assert.ok(d, 'reported');
    const fixed = applyEdits(text, d.fixes![0].edits).text;
    assert.match(fixed, /\| 2026-12-02 \| 00:10 \| b \|/);
    assert.deepEqual(parsePostmortem(fixed).timeline.map((e) => e.instant), parsePostmortem(text).timeline.map((e) => e.instant));
  });
});
