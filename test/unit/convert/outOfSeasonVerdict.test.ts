import assert from 'node:assert/strict';
import { convertPostmortem } from '../../../src/core/import/convert';
import { formatConvertReport } from '../../../src/core/import/convert/report';

/**
 * "All times in PST" on a September incident: every time read at UTC−8 while PDT (UTC−7) was in
 * force, an hour in doubt. It was a note, and the report ended "complete: everything timeline-like
 * was read, no date was guessed", exit 0 (trial 14a F9). It is a warning now, as in lint, and the
 * converted file says it too.
 */
const original = (zone: string) => ['# Hub 403s', '', '**Date:** 2017-09-27', '', '## Timeline', '', `All times in ${zone}`, '', '- 14:06 Users report 403 errors', '- 15:30 Hub restarted, errors stop', ''].join('\n');

describe('convert: an abbreviation out of season is a doubt the verdict counts', () => {
  it('PST in September: a warning, "incomplete", and a line in the converted file', () => {
    const result = convertPostmortem(original('PST'));
    const [flag, ...more] = result.diagnostics.filter((d) => d.code === 'convert/out-of-season');
    assert.equal(more.length, 0, 'said once per abbreviation');
    assert.equal(flag.severity, 'warning');
    assert.match(flag.message, /^PST on 2017-09-27, when PDT \(UTC−7\) was in force in America\/Los_Angeles: read as UTC−8 as written; check \(if the clock then in force was meant, write its abbreviation or offset on the original's times and convert again\)$/);
    assert.equal(result.report.complete, false);
    assert.equal(formatConvertReport('hub-403.md', result).at(-1), '  incomplete: 1 thing to review');
    assert.match(result.text, /^Conversion: PST on 2017-09-27, when PDT \(UTC−7\) was in force in America\/Los_Angeles: read as UTC−8 as written: every time marked PST may be an hour off; check one against a source that gives its zone\.$/m);
    assert.match(result.text, /^- 2017-09-27 22:06Z Users report 403 errors$/m, 'read as written');
  });

  it('PDT in September is in season: complete, nothing said', () => {
    const result = convertPostmortem(original('PDT'));
    assert.deepEqual(result.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code), []);
    assert.equal(result.report.complete, true);
    assert.match(formatConvertReport('hub-403.md', result).at(-1)!, /^ {2}complete: /);
    assert.doesNotMatch(result.text, /^Conversion:/m);
  });
});

describe('convert: an abbreviation out of season in a Start field', () => {
  it('is said too, once for the field and the entries that write it', () => {
    const text = ['# Hub 403s', '', '**Date:** 2017-09-27', '**Start:** 2017-09-27 14:00 PST', '', '## Timeline', '', '- 2017-09-27 14:06 PST Users report 403 errors', '- 2017-09-27 15:30 PST Hub restarted', ''].join('\n');
    const result = convertPostmortem(text);
    assert.match(result.text, /^started_at: 2017-09-27T22:00:00Z$/m);
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'convert/out-of-season').map((d) => d.range.start.line), [3]);
    assert.equal((result.text.match(/^Conversion: PST on 2017-09-27/gm) ?? []).length, 1);
    assert.equal(result.report.complete, false);
  });
});

describe('convert: an abbreviation out of season in the opening sentence', () => {
  it('is said when the sentence gives started_at', () => {
    const text = ['# Checkout outage', '', 'At 4:11 PM PST on July 3, 2024, checkout began failing for every customer.', '', '## Summary', '', 'It was bad.', ''].join('\n');
    const result = convertPostmortem(text);
    assert.match(result.text, /^started_at: 2024-07-04T00:11:00Z$/m);
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'convert/out-of-season').map((d) => [d.range.start.line, d.message.slice(0, 60)]), [[2, 'PST on 2024-07-03, when PDT (UTC−7) was in force in America/']]);
  });
});
