import assert from 'node:assert/strict';
import { convertPostmortem } from '../../../src/core/import/convert';
import { formatConvertReport } from '../../../src/core/import/convert/report';

/**
 * Zones written by their IANA name after each time, as Google Cloud's incident reports write them
 * ("from 19:30 US/Pacific on Thursday, 14 July 2022"). Trial 16a F11: convert said "times read in
 * UTC (no zone stated: check)", wrote `timezone: UTC`, and handed the prose times back as "19:30",
 * so entries made from them were read 7 hours off.
 */
function converted(text: string) {
  const result = convertPostmortem(text, { fileName: 'review.md' });
  return {
    result,
    zone: /^timezone: (.*)$/m.exec(result.text)?.[1],
    started: /^started_at: (.*)$/m.exec(result.text)?.[1],
    resolved: /^resolved_at: (.*)$/m.exec(result.text)?.[1],
    entries: result.text.split('\n').filter((l) => /^- \d{4}-/.test(l)),
    codes: result.diagnostics.map((d) => d.code),
    report: formatConvertReport('review.md', result),
  };
}

describe('convert: a zone written by its IANA name after the time', () => {
  it('a cloud status report told in sentences, every time "US/Pacific": read in America/Los_Angeles, dated on its Pacific day, the times handed back with their zone', () => {
    const r = converted([
      '---',
      'title: Storage reduced capacity for batch traffic',
      'start_time: 2022-07-15T02:30:00Z',
      'end_time: 2022-07-15T22:02:00Z',
      'company: Example Cloud',
      '---',
      '',
      'Storage had reduced capacity for batch traffic from 19:30 US/Pacific on Thursday, 14 July 2022, through 15:02 US/Pacific on Friday, 15 July 2022.',
      '',
      'Engineers saw the degradation around 02:00 US/Pacific on July 15. The rollback began at 08:40 US/Pacific.',
      '',
    ].join('\n'));
    assert.equal(r.zone, 'America/Los_Angeles');
    assert.match(r.report[0], /times read in America\/Los_Angeles \(stated in the document\)$/);
    assert.ok(!r.codes.includes('convert/no-zone'), r.codes.join());
    // 19:30 PDT on the 14th is 02:30Z on the 15th: the report's date is the day the text names.
    assert.ok(r.report.includes('  incident date 2022-07-14, from the front matter'), r.report.join('\n'));
    assert.equal(r.started, '2022-07-15T02:30:00Z');
    assert.equal(r.resolved, '2022-07-15T22:02:00Z');
    assert.deepEqual(r.result.report.proseTimes.map((t) => t.time), ['19:30 US/Pacific', '15:02 US/Pacific', '02:00 US/Pacific', '08:40 US/Pacific']);
    assert.ok(r.report.some((l) => l.startsWith('    line 8: 19:30 US/Pacific in "')), r.report.join('\n'));
    const prose = r.result.diagnostics.find((d) => d.code === 'convert/prose-times');
    assert.match(prose?.message ?? '', /"19:30 US\/Pacific" \(line 8\)/);
  });

  it('timeline entries with America/Los_Angeles, US/Pacific, (Europe/Berlin), Pacific Time: each time at its own zone, and the name no longer left in the text', () => {
    const r = converted([
      '# DB outage',
      '',
      '## Timeline',
      '',
      '- 2026-07-14 19:30 America/Los_Angeles Replication lag alert fired',
      '- 19:45 US/Pacific On-call acknowledged',
      '- 20:10 Pacific Time Failover done',
      '- 2026-07-15 05:30 (Europe/Berlin) Partner noticed',
      '- 2026-07-14 20:40 america/los_angeles Resolved',
      '',
    ].join('\n'));
    assert.deepEqual(r.entries, [
      '- 2026-07-15 02:30Z Replication lag alert fired',
      '- 2026-07-15 02:45Z On-call acknowledged',
      '- 2026-07-15 03:10Z Failover done',
      '- 2026-07-15 03:30Z Partner noticed',
      '- 2026-07-15 03:40Z Resolved',
    ]);
    assert.equal(r.zone, 'America/Los_Angeles');
    assert.ok(r.result.report.complete, r.codes.join());
  });

  it('a prose review in Europe/Berlin: the start read from the sentence at its zone, not as UTC', () => {
    const r = converted('# Shop outage\n\nOn 5 March 2026 the shop was down from 09:30 Europe/Berlin to 10:15 Europe/Berlin. We noticed at 09:40 Europe/Berlin.\n');
    assert.equal(r.zone, 'Europe/Berlin');
    assert.equal(r.started, '2026-03-05T08:30:00Z');
    assert.equal(r.resolved, '2026-03-05T09:15:00Z');
    assert.ok(!r.codes.includes('convert/no-zone'));
    assert.deepEqual(r.result.report.proseTimes.map((t) => t.time), ['09:30 Europe/Berlin', '10:15 Europe/Berlin', '09:40 Europe/Berlin']);
  });

  it('a misspelt zone name ("Europe/Berln") is said with the name meant and the entry kept as written, never read in the document zone', () => {
    const r = converted('# Outage\n\n**All times UTC.**\n\n## Timeline\n\n- 2026-03-05 09:30 Alert fired\n- 09:50 Europe/Berln Partner called\n- 10:15 Resolved\n');
    const warning = r.result.diagnostics.find((d) => d.code === 'convert/unknown-zone');
    assert.match(warning?.message ?? '', /^"Europe\/Berln" after 09:50 is not a time zone \(did you mean Europe\/Berlin\?\): kept as written \("2026-03-05 09:50 Europe\/Berln"\)/);
    assert.equal(warning?.range.start.line, 7);
    assert.ok(r.result.text.includes('- 2026-03-05 09:50 Europe/Berln Partner called'));
    assert.ok(!r.result.report.complete);
    assert.ok(r.report.some((l) => l.includes('line 8: - 09:50 Europe/Berln Partner called')), r.report.join('\n'));
  });

  it('a sentence starting "from 09:30 Europe/Berln" gives no started_at read in some other zone; the time is handed back as written', () => {
    const r = converted('# Shop outage\n\nOn 5 March 2026 the shop was down from 09:30 Europe/Berln to 10:15.\n');
    assert.equal(r.started, undefined);
    assert.deepEqual(r.result.report.proseTimes.map((t) => t.time), ['09:30 Europe/Berln', '10:15']);
    assert.ok(!r.result.report.complete);
  });

  it('a word with a slash after a time that names no area ("read/write", "CI/CD") is the entry\'s text, read in the document zone', () => {
    const r = converted('# Outage\n\n**All times UTC.**\n\n## Timeline\n\n- 2026-03-05 09:30 read/write errors began\n- 09:50 CI/CD pipeline stopped\n');
    assert.deepEqual(r.entries, ['- 2026-03-05 09:30Z read/write errors began', '- 2026-03-05 09:50Z CI/CD pipeline stopped']);
    assert.ok(!r.codes.includes('convert/unknown-zone'));
  });
});
