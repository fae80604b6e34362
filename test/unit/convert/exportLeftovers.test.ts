/**
 * What `postmortem convert` still read wrongly, or partly, without a word in real exports (conv18t,
 * conv18d, conv18x and conv18i left them open): PagerDuty's start, incident tools' Closed and
 * Identified times, `14:05 on Dec 3rd:` entries, `17:14pm` outside an entry, an impact count of
 * teams, an owner named nowhere else, and the team's severity scale in `.postmortemrc.json`.
 * Asserted: what is written, what the report and the diagnostics say, the exit code.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import convert from '../../../src/cli/commands/convert';
import { convertPostmortem } from '../../../src/core/import/convert';
import { resolveConfig } from '../../../src/core/config/resolve';

const md = (...lines: string[]) => `${lines.join('\n')}\n`;
const fm = (text: string, key: string) => new RegExp(`^${key}: (\\S+)`, 'm').exec(text)?.[1];
const entries = (text: string) => text.split('\n').filter((l) => /^- \d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?Z/.test(l));
const notes = (r: ReturnType<typeof convertPostmortem>) => r.notes.map((n) => n.message).join('\n');
const warnings = (r: ReturnType<typeof convertPostmortem>) => r.diagnostics.filter((d) => d.severity === 'warning' || d.severity === 'error');
const codes = (r: ReturnType<typeof convertPostmortem>) => warnings(r).map((d) => d.code);

/** Runs the CLI's convert on files laid out in a fresh folder; returns the exit code, stderr and the converted text. */
async function cli(files: Record<string, string>, args: string[] = []): Promise<{ code: number; err: string; written: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'pm-conv19-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const input = Object.keys(files).find((n) => !n.endsWith('.json'))!;
    let err = '';
    written = '';
    const code = await convert([input, '--stdout', ...args], { out: (t) => (written += t), err: (t) => (err += t), cwd: dir, now: () => new Date('2026-12-08T00:00:00Z') });
    return { code, err, written };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
let written = '';
beforeEach(() => {
  written = '';
});

/** PagerDuty's incident export as the trial wrote it (Asia/Kathmandu, UTC+05:45). */
const PAGERDUTY = md('# [#4821] API gateway latency above SLO', '', '**Incident:** #4821', '**Priority:** P1', '**Service:** api-gateway',
  '**Created:** Dec 3, 2026 at 11:42 PM NPT', '**Acknowledged:** Dec 3, 2026 at 11:47 PM NPT', '**Resolved:** Dec 4, 2026 at 1:05 AM NPT', '',
  'All times are in Asia/Kathmandu (NPT, UTC+05:45).', '', '## Overview', '', 'A bad canary raised p99 latency to 4 s.', '', '## Timeline', '',
  '| Time | Type | Description |', '| --- | --- | --- |',
  '| 12/03/2026 11:42:10 PM | Triggered | Datadog monitor "gateway p99 > 1s" triggered |',
  '| 12/03/2026 11:47:32 PM | Acknowledged | Acknowledged by Sita Sharma |',
  '| 12/04/2026 12:20:05 AM | Annotated | Canary identified as the cause; rollback started |',
  '| 12/04/2026 01:05:00 AM | Resolved | Resolved by Sita Sharma |', '', '## Action Items', '',
  '| Action | Owner | Due date | Status |', '| --- | --- | --- | --- |', '| Block canary promotion when p99 regresses | Ram Thapa | 12/18/2026 | Open |');

describe('convert: what real exports still lost (conv19)', () => {
  describe('1. a start the timeline gives after a stated time', () => {
    it('PagerDuty: the first entry 10 s into the minute "Created" is written to gives started_at at that minute, said; exit 0', async () => {
      const r = await cli({ 'pd.md': PAGERDUTY });
      assert.equal(fm(r.written, 'started_at'), '2026-12-03T17:57:00Z');
      assert.equal(fm(r.written, 'detected_at'), '2026-12-03T17:57:00Z');
      assert.match(r.err, /pd\.md:20:1 {2}note {2}started_at set to 2026-12-03T17:57:00Z, derived from the earliest timeline entry, to the minute: the entry is at 2026-12-03T17:57:10Z, inside the minute the original's detected_at \("Created"\) is written to/);
      // "12:20:05 AM" is 00:20:05, no "20:05 AM" with am/pm after an hour over 12.
      assert.doesNotMatch(r.err, /convert\/meridiem/);
      assert.equal(entries(r.written)[2], '- 2026-12-03 18:35:05Z Annotated — Canary identified as the cause; rollback started');
      assert.equal(r.code, 0, r.err);
    });

    it('a stated time minutes before the first entry: started_at not written, and convert says why (exit 1, and in the file)', async () => {
      const r = await cli({ 'pd.md': PAGERDUTY.replace('11:42 PM NPT', '11:30 PM NPT') });
      assert.equal(fm(r.written, 'started_at'), undefined);
      assert.match(r.err, /pd\.md:6:1 {2}warning {2}started_at not set: the original states no start, and its detected_at \(2026-12-03T17:45:00Z, from "Created", line 6\) comes before the earliest timeline entry \(2026-12-03T17:57:10Z, line 20\)/);
      assert.match(r.written, /started_at was not written: the original states no start/);
      assert.equal(r.code, 1);
    });
  });
  describe("2. incident tools' Closed and Identified times", () => {
    /** incident.io's export with its default timestamps, and a Closed three days after the resolution. */
    const INCIDENT_IO = md('# INC-312: Message queue backlog delayed notifications', '', '**Severity:** SEV2',
      '**Reported at:** 2026-12-03 23:42 CHADT', '**Identified at:** 2026-12-04 00:35 CHADT', '**Resolved at:** 2026-12-04 02:15 CHADT', '**Closed at:** 2026-12-07 10:00 CHADT', '',
      '## Timeline', '', '- **23:42 CHADT, Dec 3** — Queue depth alert fired', '- **00:35 CHADT, Dec 4** — Stalled consumer deploy identified and rolled back', '- **02:40 CHADT, Dec 4** — Backlog drained');

    it('a Closed after Resolved and an Identified after the detection are said as what they are, not as unread key events: exit 0', async () => {
      const r = await cli({ 'inc.md': INCIDENT_IO });
      assert.equal(fm(r.written, 'detected_at'), '2026-12-03T09:57:00Z');
      assert.equal(fm(r.written, 'resolved_at'), '2026-12-03T12:30:00Z');
      assert.match(r.err, /inc\.md:7:1 {2}note {2}"Closed at: 2026-12-07 10:00 CHADT" is kept as written, not read: it is after resolved_at \(2026-12-03T12:30:00Z, from "Resolved at"\)/);
      assert.match(r.err, /inc\.md:5:1 {2}note {2}"Identified at: 2026-12-04 00:35 CHADT" is kept as written, not read: after detected_at \(2026-12-03T09:57:00Z, from "Reported at"\), it is when the problem was identified/);
      assert.doesNotMatch(r.err, /key-event-not-read/);
      assert.match(r.written, /\*\*Closed at:\*\* 2026-12-07 10:00 CHADT/);
      assert.equal(r.code, 0, r.err);
    });

    it('a Closed with no Resolved is the end (resolved_at), said with what Closed means in which tool', () => {
      const r = convertPostmortem(INCIDENT_IO.replace('**Resolved at:** 2026-12-04 02:15 CHADT\n', ''));
      assert.equal(fm(r.text, 'resolved_at'), '2026-12-06T20:15:00Z');
      assert.match(notes(r), /resolved_at: 2026-12-06T20:15:00Z, read from "Closed at": the original gives no other end \(incident\.io closes an incident when the response is over; Rootly, Opsgenie and FireHydrant close it only after it is resolved/);
      assert.ok(!codes(r).includes('convert/key-event-not-read'), JSON.stringify(r.diagnostics));
    });

    it('…but an entry that ends the incident wins over a later Closed, and the Closed is said', () => {
      const r = convertPostmortem(INCIDENT_IO.replace('**Resolved at:** 2026-12-04 02:15 CHADT\n', '') + '- **02:50 CHADT, Dec 4** — Incident resolved\n');
      assert.equal(fm(r.text, 'resolved_at'), '2026-12-03T13:05:00Z');
      assert.match(notes(r), /"Closed at" \(2026-12-06T20:15:00Z\) is kept as written, not read: resolved_at is 2026-12-03T13:05:00Z, the entry that ends the incident/);
    });

    it('a Closed before Resolved is a warning (in incident.io a later Resolved may be the review\'s end), resolved_at from Resolved', () => {
      const r = convertPostmortem(INCIDENT_IO.replace('2026-12-07 10:00 CHADT', '2026-12-04 02:00 CHADT'));
      assert.equal(fm(r.text, 'resolved_at'), '2026-12-03T12:30:00Z');
      const w = warnings(r).find((d) => d.code === 'convert/key-event-not-read');
      assert.match(w?.message ?? '', /^"Closed at: 2026-12-04 02:00 CHADT" is before resolved_at \(2026-12-03T12:30:00Z, from "Resolved at"\): .* write resolved_at: 2026-12-03T12:15:00Z$/);
    });

    it('an Identified with no detection beside it may be the detection: kept, and said with the detected_at to write (exit 1)', () => {
      const r = convertPostmortem(INCIDENT_IO.replace('**Reported at:** 2026-12-03 23:42 CHADT\n', ''));
      assert.equal(fm(r.text, 'detected_at'), undefined);
      const w = warnings(r).find((d) => d.code === 'convert/key-event-not-read');
      assert.match(w?.message ?? '', /^"Identified at: 2026-12-04 00:35 CHADT" is kept as written, not read: in FireHydrant and Statuspage Identified is when the cause was found, .* — if it is the detection, write detected_at: 2026-12-03T10:50:00Z$/);
    });
  });

  describe('3. times written in other ways', () => {
    it('reads "14:05 on Dec 3rd:" with its date: the entry on Dec 3, no date words left in its text', () => {
      const r = convertPostmortem(md('# Checkout outage', '', 'Date: 2026-12-02', '', 'All times UTC.', '', '## Timeline', '',
        '- 23:50 - Deploy started', '- 00:05 on Dec 3rd: Alert fired', '- 00:20 on Thu, Dec 3rd: Paged', '- 00:35 on Dec 3: Rolled back'));
      assert.deepEqual(entries(r.text), ['- 2026-12-02 23:50Z Deploy started', '- 2026-12-03 00:05Z Alert fired', '- 2026-12-03 00:20Z Paged', '- 2026-12-03 00:35Z Rolled back']);
      assert.ok(!codes(r).includes('convert/midnight'), JSON.stringify(r.diagnostics));
    });

    it('"Jan 14:05" is still no date, and "Dec 3:45" no day', () => {
      const r = convertPostmortem(md('# Outage', '', 'Date: 2026-12-02', '', 'All times UTC.', '', '## Timeline', '', '- 10:00 on Dec 3:45 - x'));
      assert.deepEqual(entries(r.text), ['- 2026-12-02 10:00Z on Dec 3:45 - x']);
    });

    it('says "17:14pm" in a key event and in the sentence that gives the start, as in an entry (exit 1)', async () => {
      const r = await cli({ 'api.md': md('# API outage', '', '**Detected:** 2026-12-03 17:14pm', '', 'All times UTC.', '', '## Summary', '',
        'At 17:10pm UTC on December 3, 2026, the API began returning errors.', '', '## Timeline', '', '- 17:20 Paged', '- 17:40 Rolled back') });
      assert.equal(fm(r.written, 'detected_at'), '2026-12-03T17:14:00Z');
      assert.match(r.err, /api\.md:3:1 {2}warning {2}"17:14pm" writes pm after an hour over 12: read as 17:14, a 24-hour time/);
      assert.match(r.err, /api\.md:9:1 {2}warning {2}"17:10pm" writes pm after an hour over 12: read as 17:10/);
      assert.equal(r.code, 1);
    });

    it('counts "17:14pm" in a sentence among the times of day left as text when there is no timeline', () => {
      const r = convertPostmortem(md('# API outage', '', 'Date: 2026-12-03', '', 'All times UTC.', '', '## Summary', '', 'The API began returning errors at 17:14pm and recovered soon after.'));
      assert.deepEqual(r.report.proseTimes.map((t) => t.time), ['17:14pm']);
      assert.ok(codes(r).includes('convert/prose-times'));
    });
  });
  describe('4. an impact count and an owner convert did not mention', () => {
    const impact = (line: string) => md('# Surveys SDK bug', '', 'All times in UTC.', '', '## Timeline', '', '- 2025-10-03 10:45 - SDK deployed', '- 2025-10-03 16:11 - Reverts deployed', '',
      '## Impact', '', '**Severity:** SEV2', '', line, '', 'Surveys failed to load.');

    it('"**Affected customers:** 305 teams" is kept and said: teams are not a number of users (exit 1)', () => {
      const r = convertPostmortem(impact('**Affected customers:** 305 teams running SDK versions < 1.257.1'));
      assert.doesNotMatch(r.text, /users_affected/);
      const w = warnings(r).find((d) => d.code === 'convert/not-read');
      assert.equal(w?.range.start.line, 13);
      assert.match(w?.message ?? '', /^"Affected customers: 305 teams running SDK versions < 1\.257\.1" is kept as written, not read into impact\.users_affected \(it counts teams, not users/);
      assert.match(r.text, /\*\*Affected customers:\*\* 305 teams running/);
    });

    it('"**Users affected:** 1,200" is read into impact.users_affected, said in a note', () => {
      const r = convertPostmortem(impact('**Users affected:** 1,200'));
      assert.match(r.text, /impact:\n {2}users_affected: 1200\n/);
      assert.match(notes(r), /impact\.users_affected: 1200, read from "Users affected: 1,200"/);
    });

    const actions = (item: string, extra = '') => md('# Webhook outage', '', extra, 'All times UTC.', '', '## Timeline', '', '- 2026-11-03 10:00 Alert fired', '- 2026-11-03 10:20 Rolled back; we need to switch the config', '',
      '## Action items', '', `- ${item}`, '- Need to add alerting on queue age', '- This will need a runbook');

    it('"Kim to add …" where the document names no Kim: not read as the owner, but said (exit 1); "Need to …", "This will …" are no names', () => {
      const r = convertPostmortem(actions('Kim to add a synthetic webhook check'));
      assert.match(r.text, /^- \[ \] Kim to add a synthetic webhook check$/m);
      const w = warnings(r).filter((d) => d.code === 'convert/owner-not-read');
      assert.deepEqual(w.map((d) => d.message), ['"Kim to add a synthetic webhook check" may name its owner, Kim, but the document names Kim nowhere else (no author, speaker or incident lead): not read as the owner — if Kim owns it, write @Kim at its end']);
    });

    it('…and read as @Kim when the document names Kim (an author)', () => {
      const r = convertPostmortem(actions('Kim to add a synthetic webhook check', '**Authors:** Kim Lee\n'));
      assert.match(r.text, /^- \[ \] Kim to add a synthetic webhook check @Kim$/m);
      assert.ok(!codes(r).includes('convert/owner-not-read'));
    });
  });

  describe('5. the team\'s severity scale in .postmortemrc.json', () => {
    const review = md('# Checkout errors', '', '**Severity:** Major', '', 'All times UTC.', '', '## Timeline', '', '- 2026-12-03 10:00 Alert fired', '- 2026-12-03 10:30 Rolled back');

    it('maps a severity word by the file\'s own configuration, and says where the scale came from (exit 0)', async () => {
      const r = await cli({ 'teams/pay/review.md': review, 'teams/pay/.postmortemrc.json': '{ "severityScale": { "Major": "SEV2", "Minor": "SEV3" } }' });
      assert.equal(fm(r.written, 'severity'), 'SEV2');
      assert.match(r.err, /note {2}severity: SEV2, read from "Major" by the team's scale \(severityScale in teams\/pay\/\.postmortemrc\.json\) \(Major = SEV2\)/);
      assert.doesNotMatch(r.err, /convert\/severity/);
      assert.equal(r.code, 0, r.err);
    });

    it('a nearer file\'s word wins, in any letter case; --severity-scale wins over both', async () => {
      const files = { 'teams/pay/review.md': review, '.postmortemrc.json': '{ "severityScale": { "Major": "SEV3" } }', 'teams/pay/.postmortemrc.json': '{ "severityScale": { "major": "SEV1" } }' };
      assert.equal(fm((await cli(files)).written, 'severity'), 'SEV1');
      const flagged = await cli(files, ['--severity-scale', 'MAJOR=SEV4']);
      assert.equal(fm(flagged.written, 'severity'), 'SEV4');
      assert.match(flagged.err, /by the team's scale \(--severity-scale\) \(Major = SEV4\)/);
    });

    it('without a scale the word is kept and reported, naming the key to add', async () => {
      const r = await cli({ 'review.md': review });
      assert.match(r.err, /"severityScale": \{ "Major": "SEVn" \} in \.postmortemrc\.json, or --severity-scale Major=SEVn {2}convert\/severity/);
      assert.equal(r.code, 1);
    });

    it('a severityScale that is not words and levels is a configuration error: nothing converted (exit 2)', async () => {
      const r = await cli({ 'review.md': review, '.postmortemrc.json': '{ "severityScale": { "Major": "high" } }' });
      assert.match(r.err, /postmortem convert: config: .*\.postmortemrc\.json: Expected "severityScale" to give "Major" one of SEV1, SEV2, SEV3 or SEV4, found "high"/);
      assert.equal(r.code, 2);
      assert.equal(written, '');
    });

    it('resolveConfig merges the layers and reports what it cannot read', () => {
      const c = resolveConfig({ severityScale: { Critical: 'SEV1', Major: 'sev3' } }, { severityScale: { MAJOR: 'SEV2', 'not a word': 'SEV1', Minor: 4 as unknown as string } });
      assert.deepEqual(c.severityScale, { Critical: 'SEV1', MAJOR: 'SEV2' });
      assert.deepEqual(c.problems, ['Expected a severity word such as "Major" in "severityScale", found "not a word"', 'Expected "severityScale" to give "Minor" one of SEV1, SEV2, SEV3 or SEV4, found 4']);
      assert.deepEqual(resolveConfig({ severityScale: ['Major'] as unknown as Record<string, string> }).problems, ['Expected "severityScale" to be an object of severity words and levels, like { "Major": "SEV2", "Minor": "SEV3" }, found ["Major"]']);
    });
  });
});
