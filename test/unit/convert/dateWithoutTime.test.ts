import assert from 'node:assert/strict';
import { convertPostmortem } from '../../../src/core/import/convert';
import { formatConvertReport } from '../../../src/core/import/convert/report';
import { readSummary } from '../../../src/core/index/readSummary';
import { incidentDay } from '../../../src/core/index/incidentDate';

/**
 * Trial 16a F12: a review that gives its day but no time ("On February 28th 2018, GitHub
 * experienced a DDoS attack …") was reported "incident date 2018-02-28, from the text … complete",
 * exit 0, while the file carried the date nowhere: `list` showed no date, the metrics counted it
 * "without any incident time". The format keeps an incident's day only in its times (started_at is
 * a UTC time), so the conversion is not complete until someone writes one, and says so.
 */
function converted(text: string) {
  const result = convertPostmortem(text, { fileName: 'review.md' });
  return { result, report: formatConvertReport('review.md', result), codes: result.diagnostics.map((d) => d.code) };
}

describe('convert: an incident date without a time of day', () => {
  it('a one-paragraph report giving only its day: not complete, the report and the file say the date was not written', () => {
    const r = converted('---\ncompany: Example\n---\n\nOn February 28th 2018, Example experienced a DDoS attack, hitting the website with 1.35Tbps of traffic.\n');
    const said = r.result.diagnostics.find((d) => d.code === 'convert/date-only');
    assert.equal(said?.severity, 'warning');
    assert.match(said!.message, /^The incident date 2018-02-28 \(from the text\) has no time of day, .*none was written, so postmortem list shows no date and the metrics leave the incident out — write started_at once the time it began is known$/);
    assert.ok(!r.result.report.complete);
    assert.ok(r.report.includes('  incident date 2018-02-28, from the text; not written: no time of day for started_at'), r.report.join('\n'));
    assert.ok(r.result.text.includes('Conversion: the original gives the incident date 2018-02-28 (from the text) but no time of day, so no started_at was written'));
    // What the tools read from the file: no incident time, so no day — which the report now says.
    const summary = readSummary(r.result.text);
    assert.equal(incidentDay(summary.milestones, 'UTC'), undefined);
  });

  it('a release retrospective with a Date field and no times: said at the field\'s line', () => {
    const r = converted('# Release retrospective\n\nDate: 2021-12-16\n\n## What went wrong\n\nThe release slipped a day.\n');
    const said = r.result.diagnostics.find((d) => d.code === 'convert/date-only');
    assert.equal(said?.range.start.line, 2);
    assert.match(said!.message, /^The incident date 2021-12-16 \(from a Date field\)/);
  });

  it('a day with a time the tools read (a start in the text, or a timeline) is written and not flagged', () => {
    for (const text of [
      'On February 28th 2018 at 17:21 UTC, Example experienced a DDoS attack.\n',
      '# Outage\n\nDate: 2021-12-16\n\n## Timeline\n\n- 10:00 UTC Alert fired\n- 10:30 UTC Resolved\n',
    ]) {
      const r = converted(text);
      assert.ok(!r.codes.includes('convert/date-only'), text);
      assert.ok(/^started_at: /m.test(r.result.text), text);
    }
  });
});
