import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { convertPostmortem } from '../../../src/core/import/convert';

/**
 * A converted review whose local times straddle a DST change. The start checks once took a zone's
 * offset at the UTC clock read as a local time: an hour off in the hour after the change, so the
 * entry marked as the start was said at the wrong local clock, and a stated start's clock was
 * compared with the wrong one.
 */
const review = (zone: string, start: string, rows: readonly string[]) =>
  ['# Queue outage', '', `**Start:** ${start}`, '', `## Timeline (all times ${zone})`, '', ...rows, ''].join('\n');

const startOff = (text: string) => convertPostmortem(text, { defaultZone: 'UTC' }).diagnostics.filter((d) => d.code === 'convert/start-off-date');

describe('convert: local times across a DST change', () => {
  it('says the marked start at its own local clock just after the clocks go forward (Europe/London, 2026-03-29)', () => {
    const text = review('Europe/London', '2026-03-29 00:40', ['- 2026-03-29 00:40 - Deploy of v42 begins', '- 2026-03-29 02:30 - Error rate climbs <START OF OUTAGE>', '- 2026-03-29 03:10 - Rolled back']);
    const result = convertPostmortem(text, { defaultZone: 'UTC' });
    // 02:30 BST is 01:30Z; 03:10 BST is 02:10Z.
    assert.deepEqual(parsePostmortem(result.text).timeline.map((e) => e.instant && new Date(e.instant).toISOString()), ['2026-03-29T00:40:00.000Z', '2026-03-29T01:30:00.000Z', '2026-03-29T02:10:00.000Z']);
    const [warning, ...more] = startOff(text);
    assert.equal(more.length, 0);
    assert.match(warning.message, /but the timeline entry the original marks as the start \(line 8\) gives 2026-03-29 02:30 Europe\/London \(2026-03-29T01:30:00Z\), 50m later:/);
  });

  it('compares a stated start with the text at the start\'s own local clock (02:30 BST, and 02:30 UTC in the text)', () => {
    const text = [...review('Europe/London', '2026-03-29 02:30', ['- 2026-03-29 02:30 - Error rate climbs', '- 2026-03-29 03:10 - Rolled back']).split('\n'),
      '## Notes', '', '2026-03-29 02:30 UTC: the pager fired.', ''].join('\n');
    const [warning, ...more] = startOff(text);
    assert.equal(more.length, 0);
    assert.match(warning.message, /^The original's "Start" field says 2026-03-29 02:30 \(2026-03-29T01:30:00Z\), but the text \(line 12\) gives "2026-03-29 02:30 UTC" \(2026-03-29T02:30:00Z\), 1h later: .*the same clock time in two zones/);
    // 01:30 in another zone is not the stated start's clock (the UTC clock read as local once made it so).
    const other = text.replace('2026-03-29 02:30 UTC', '2026-03-29 01:30 CET');
    assert.deepEqual(startOff(other), []);
  });

  it('says which of the two 01:30s the marked start is when the clocks go back (America/New_York, 2026-11-01)', () => {
    const text = review('America/New_York', '2026-11-01 00:40', ['- 2026-11-01 00:40 - Deploy of v42 begins', '- 2026-11-01 01:30 EDT - Error rate climbs <START OF OUTAGE>', '- 2026-11-01 03:10 - Rolled back']);
    const [warning] = startOff(text);
    assert.match(warning.message, /gives 2026-11-01 01:30 America\/New_York \(UTC-04:00, the first of the two 01:30s\) \(2026-11-01T05:30:00Z\), 50m later/);
    const second = text.replace('01:30 EDT', '01:30 EST');
    assert.match(startOff(second)[0].message, /gives 2026-11-01 01:30 America\/New_York \(UTC-05:00, the second of the two 01:30s\) \(2026-11-01T06:30:00Z\), 1h 50m later/);
  });

  it('a 01:30 written without its offset on that night is kept as written and said, never guessed', () => {
    const text = review('America/New_York', '2026-11-01 00:40', ['- 2026-11-01 00:40 - Deploy of v42 begins', '- 2026-11-01 01:30 - Error rate climbs', '- 2026-11-01 03:10 - Rolled back']);
    const result = convertPostmortem(text, { defaultZone: 'UTC' });
    const [flag, ...more] = result.diagnostics.filter((d) => d.code === 'convert/ambiguous-time');
    assert.equal(more.length, 0);
    assert.equal(flag.message, '01:30 on 2026-11-01 happens twice in America/New_York (clocks went back from 02:00 to 01:00): at 05:30Z and at 06:30Z: kept as written ("2026-11-01 01:30 America/New_York"), not converted — write the UTC time or an explicit offset');
    assert.match(result.text, /^- 2026-11-01 01:30 America\/New_York Error rate climbs$/m);
    assert.equal(result.report.complete, false);
  });

  it('writes no started_at from a later entry when the first entries fall in the hour the clocks repeat, and says why (trial 13a F6)', () => {
    const text = ['# Billing batch ran twice', '', '**Date:** 2026-04-05', '', '## Timeline', '', '2026-04-05 (all times Adelaide local)', '',
      '* 02:15 Billing batch starts (first pass)', '* 02:40 Batch finishes', '* 02:15 Billing batch starts again', '* 08:10 First customer email', '* 09:30 Support escalates', ''].join('\n');
    const result = convertPostmortem(text, { defaultZone: 'Australia/Adelaide' });
    // 08:10 ACST (22:40Z) is 6-7 hours after either reading of the first 02:15 (15:45Z / 16:45Z): not the start.
    assert.doesNotMatch(result.text, /^started_at:/m);
    assert.equal(result.notes.filter((n) => n.sets === 'started_at').length, 0);
    const [flag, ...more] = result.diagnostics.filter((d) => d.code === 'convert/start-unclear');
    assert.equal(more.length, 0);
    assert.equal(flag.severity, 'warning');
    assert.equal(flag.range.start.line, 8);
    assert.equal(flag.message, 'started_at not set: the timeline entry on line 9 comes before the earliest entry converted (2026-04-04T22:40:00Z, line 12) but was kept as written: 02:15 on 2026-04-05 happens twice in Australia/Adelaide (clocks went back from 03:00 to 02:00): at 15:45Z and at 16:45Z; write started_at once you know which it is');
    assert.equal(result.report.complete, false);
    // With the start marked on a converted entry, that entry is the start as before.
    const marked = convertPostmortem(text.replace('08:10 First customer email', '08:10 First customer email <START OF OUTAGE>'), { defaultZone: 'Australia/Adelaide' });
    assert.match(marked.text, /^started_at: 2026-04-04T22:40:00Z$/m);
    assert.deepEqual(marked.diagnostics.filter((d) => d.code === 'convert/start-unclear'), []);
  });
});
