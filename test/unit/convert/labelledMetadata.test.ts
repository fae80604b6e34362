/**
 * trial18c F4/F6: a review that states its severity and durations under Impact and below the
 * Timeline (PostHog's shape), and key-event reviews whose stated durations were said to "agree" with
 * times 10 to 64 minutes away. What a user sees: the severity in the front matter or a warning, the
 * mitigated_at the entry's words give, and each stated duration compared with the span it is closest to.
 */
import assert from 'node:assert/strict';
import { convertPostmortem } from '../../../src/core/import/convert';
import { parsePostmortem } from '../../../src/core/document/parse';
import { readSeverityScale } from '../../../src/cli/commands/convert';

/** PostHog's surveys review (2025-10-03), cut down: severity and durations under Impact and the Timeline. */
const posthog = (severity = 'Major (High Impact, Service Degradation)', mitigatedEntry = 'Reverts deployed, issue mitigated. SDK version 1.270.1 released') => [
  '# Surveys SDK bug - October 3, 2025', '',
  'On October 3, 2025, an SDK release broke surveys for older clients.', '',
  '## Summary', '', 'A backwards compatibility break in the SDK.', '',
  '## Timeline', '', 'All times in UTC.', '',
  '- **10:45** - SDK version 1.270.0 deployed to production',
  '- **14:59** - Support engineer notices two similar customer reports',
  `- **16:11** - ${mitigatedEntry}`,
  '- **22:28** - Incident closed, post-mortem phase begins', '',
  '**Total impact duration:** 5 hours 26 minutes (10:45 - 16:11 UTC)',
  '**Detection delay:** 4 hours 14 minutes', '',
  '## Impact', '', `**Severity:** ${severity}`, '', '**Affected customers:** 305 teams', '',
  '**Duration:** 5 hours 26 minutes of active impact', '',
].join('\n');

const fm = (text: string) => parsePostmortem(text).meta;
const warnings = (r: ReturnType<typeof convertPostmortem>) => r.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`);
const notes = (r: ReturnType<typeof convertPostmortem>) => r.notes.map((n) => `${n.line + 1}: ${n.message}`);

describe('convert: severity and durations stated under Impact and the Timeline (trial18c F4)', () => {
  it('keeps "Severity: Major" under Impact as written and says it names no level; reads mitigated_at from "issue mitigated"; compares both durations', () => {
    const r = convertPostmortem(posthog(), { fileName: '2025-10-03-surveys-sdk-bug.md' });
    const meta = fm(r.text);
    assert.equal(meta.severity, 'Major');
    assert.equal(meta.mitigated_at, '2025-10-03T16:11:00Z');
    assert.equal(meta.resolved_at, '2025-10-03T22:28:00Z');
    assert.match(r.text, /^- 2025-10-03 16:11Z \[mitigated\] Reverts deployed, issue mitigated\./m);
    // The count of teams is no number of users: kept, and said (conv19; before, not mentioned at all).
    assert.deepEqual(warnings(r), [
      '25: convert/not-read "Affected customers: 305 teams" is kept as written, not read into impact.users_affected (it counts teams, not users: impact.users_affected is a number of users — write it if you know how many users that is); check it',
      `23: convert/severity Expected a severity on the format's scale (SEV1 critical … SEV4 low), found "Major (High Impact, Service Degradation)" under Impact: the original does not say which level "Major" is, and scales differ (Jira's Major is the third of five), so it was written as severity: Major, which lint rejects until you write the level — or give the team's scale and convert again: "severityScale": { "Major": "SEVn" } in .postmortemrc.json, or --severity-scale Major=SEVn`,
    ]);
    assert.equal(r.report.complete, false);
    const said = notes(r);
    for (const n of [
      '15: mitigated_at set to 2025-10-03T16:11:00Z, read from the words "issue mitigated" in this entry (a guess: no entry is marked as the end of the outage; check it)',
      '18: "Total impact duration: 5 hours 26 minutes (10:45 - 16:11 UTC)" is kept as written (under Timeline); it agrees with the times (5h 26m from started_at to mitigated_at)',
      '19: "Detection delay: 4 hours 14 minutes" is kept as written (under Timeline); the front matter has no detected_at and started_at to compare it with',
      '27: "Duration: 5 hours 26 minutes of active impact" is kept as written (under Impact); it agrees with the times (5h 26m from started_at to mitigated_at)',
    ]) assert.ok(said.includes(n), `${n}\n--- notes:\n${said.join('\n')}`);
    // Every line stays in the text.
    assert.match(r.text, /^\*\*Severity:\*\* Major \(High Impact, Service Degradation\)$/m);
  });

  it('maps the word by the scale given for the conversion, or by the level the original writes beside it, and says which', () => {
    const given = convertPostmortem(posthog(), { fileName: 'x.md', severityScale: { major: 'SEV2' } });
    assert.equal(fm(given.text).severity, 'SEV2');
    assert.ok(notes(given).includes('23: severity: SEV2, read from "Major (High Impact, Service Degradation)" under Impact by the scale given for this conversion (Major = SEV2)'), notes(given).join('\n'));
    assert.ok(!given.diagnostics.some((d) => d.code === 'convert/severity'));
    const stated = convertPostmortem(posthog('Major (SEV3)'), { fileName: 'x.md' });
    assert.equal(fm(stated.text).severity, 'SEV3');
    assert.ok(notes(stated).includes('23: severity: SEV3, the level the original gives beside "Major" ("Major (SEV3)" under Impact)'), notes(stated).join('\n'));
    assert.equal(fm(convertPostmortem(posthog('SEV2'), { fileName: 'x.md' }).text).severity, 'SEV2');
  });

  it('says a severity it cannot read (a placeholder is a note, other words a warning); a Summary severity is read too', () => {
    const odd = convertPostmortem(posthog('customer-facing, several regions'), { fileName: 'x.md' });
    assert.equal(fm(odd.text).severity, undefined);
    assert.ok(warnings(odd).includes('23: convert/severity "customer-facing, several regions" under Impact names no severity the format reads (SEV1 critical … SEV4 low): kept as text, no severity written'), warnings(odd).join('\n'));
    const tbd = convertPostmortem(posthog('TBD'), { fileName: 'x.md' });
    assert.ok(!tbd.diagnostics.some((d) => d.code === 'convert/severity'));
    assert.ok(notes(tbd).some((n) => n.startsWith('23: "TBD" under Impact names no severity')));
    const inSummary = convertPostmortem(posthog().replace('A backwards compatibility break in the SDK.', '**Severity:** P2\n\nA backwards compatibility break in the SDK.'), { fileName: 'x.md' });
    assert.equal(fm(inSummary.text).severity, 'SEV2', 'the first severity line, in the Summary, wins');
  });

  it('"partially mitigated" or "until mitigated" is no mitigation; "Mitigated by rolling back" is', () => {
    for (const words of ['Issue partially mitigated, still degraded', 'Rollback started, waiting until mitigated']) {
      const r = convertPostmortem(posthog(undefined, words), { fileName: 'x.md' });
      assert.equal(fm(r.text).mitigated_at, undefined, words);
      assert.ok(notes(r).some((n) => n.includes('"Total impact duration: 5 hours 26 minutes (10:45 - 16:11 UTC)"') && n.includes('no mitigated_at')) || warnings(r).some((w) => w.includes('Total impact duration')), words);
    }
    assert.equal(fm(convertPostmortem(posthog(undefined, 'Mitigated by rolling back the SDK'), { fileName: 'x.md' }).text).mitigated_at, '2025-10-03T16:11:00Z');
  });

  it('--severity-scale reads WORD=SEVn pairs and refuses anything else', () => {
    assert.deepEqual(readSeverityScale('Critical=SEV1, Major=sev2'), { Critical: 'SEV1', Major: 'SEV2' });
    assert.equal(readSeverityScale(undefined), undefined);
    assert.equal(readSeverityScale('Major=SEV5'), 'Expected --severity-scale as WORD=SEVn pairs separated by commas (Major=SEV2,Minor=SEV3), found "Major=SEV5"');
  });
});
