import assert from 'node:assert/strict';
import { isIsoDate } from '../../../src/core/actions/itemGrammar';
import { parsePostmortem } from '../../../src/core/document/parse';
import { isoDayCell } from '../../../src/core/time/isoDay';
import { dateOfHeading } from '../../../src/core/timeline/extract';

const md = (...lines: string[]) => lines.join('\n');

describe('one reader of a YYYY-MM-DD day', () => {
  it('a timeline sub-heading and a Date cell read the same day from the same text', () => {
    // The heading's YYYY-MM-DD day (a day in words, or one that is no day, is the heading's own reading: headingDay.ts).
    const isoOf = (h: ReturnType<typeof dateOfHeading>) => (h && !h.unread && !h.inWords ? h : undefined);
    for (const written of ['2026-11-20', '**2026-11-20**', '__2026-11-20__', '`2026-11-20`', '2026-02-30', '2026-13-01', '2026-11-201', 'Nov 20']) {
      assert.deepEqual(isoOf(dateOfHeading(written)), isoDayCell(written), written);
    }
    // Neither is silent in a heading (trial19c F7): a day that does not exist is said, a day in words is read.
    assert.ok(dateOfHeading('2026-02-30')?.unread);
    assert.deepEqual(dateOfHeading('Nov 20'), { month: 11, day: 20, inWords: true });
    assert.deepEqual(isoDayCell('`2026-11-20`'), { year: 2026, month: 11, day: 20 });
    // A heading may go on after its day; a cell is the day and nothing more.
    assert.deepEqual(dateOfHeading('2026-11-20 (Friday)'), { year: 2026, month: 11, day: 20 });
    assert.equal(isoDayCell('2026-11-20 (Friday)'), undefined);
  });

  it('a due date is a real calendar day, as a timeline day is', () => {
    for (const [written, ok] of [['2026-11-20', true], ['2024-02-29', true], ['2026-02-29', false], ['2026-04-31', false], ['2026-00-10', false], ['2026-11-20x', false], ['**2026-11-20**', false]] as const) {
      assert.equal(isIsoDate(written), ok, written);
    }
  });

  it('dates a timeline under a `code` day heading like a table with the same Date cell', () => {
    const underHeading = parsePostmortem(md('# Outage', '', '## Timeline', '', '### `2026-11-20`', '', '- 10:00Z Alert fired', ''));
    const inTable = parsePostmortem(md('# Outage', '', '## Timeline', '', '| Date | Time | Event |', '| --- | --- | --- |', '| `2026-11-20` | 10:00Z | Alert fired |', ''));
    const instants = (doc: ReturnType<typeof parsePostmortem>) => doc.timeline.map((e) => e.instant);
    assert.deepEqual(instants(underHeading), instants(inTable));
    assert.equal(instants(inTable)[0], Date.parse('2026-11-20T10:00:00Z'));
  });
});
