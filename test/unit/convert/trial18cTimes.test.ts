/**
 * Trial 18c F1, F3, F5, F7, F8: times and dates convert read wrongly without a word. Each case is
 * the shape the trial's export or corpus file has (incident.io's `**23:42 CHADT, Dec 3**` entries
 * and `Reported at` fields, PagerDuty's `Created`/`Acknowledged`, MoJ's `Repaired declared`,
 * jupyterhub's `## Feb 21, 13:00` headings, Notion's `Time zone:` property), reduced to what the
 * finding is about. Asserted: the front matter and entries written, the report, the exit code.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import convert from '../../../src/cli/commands/convert';
import { convertPostmortem } from '../../../src/core/import/convert';
import { formatConvertReport } from '../../../src/core/import/convert/report';

const md = (...lines: string[]) => `${lines.join('\n')}\n`;
const fm = (text: string, key: string) => new RegExp(`^${key}: (\\S+)`, 'm').exec(text)?.[1];
const entries = (text: string) => text.split('\n').filter((l) => /^- \d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?Z/.test(l));
const notes = (r: ReturnType<typeof convertPostmortem>) => r.notes.map((n) => n.message).join('\n');
const codes = (r: ReturnType<typeof convertPostmortem>) => r.diagnostics.filter((d) => d.severity !== 'info' && d.severity !== 'hint').map((d) => d.code);
const report = (r: ReturnType<typeof convertPostmortem>) => formatConvertReport('x.md', r).join('\n');

async function cli(name: string, text: string): Promise<{ code: number; err: string; written: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'pm-t18c-'));
  try {
    writeFileSync(join(dir, name), text);
    let err = '';
    const code = await convert([name, '--out', 'out'], { out: () => undefined, err: (t) => (err += t), cwd: dir, now: () => new Date('2026-12-07T12:00:00Z') });
    return { code, err, written: readFileSync(join(dir, 'out', name.replace(/\.md$/, '.postmortem.md')), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** incident.io's export, as the trial wrote it: the Resolved field is on the next day. */
const INCIDENT_IO = md('# INC-312: Message queue backlog delayed notifications', '',
  '**Severity:** Major', '**Status:** Closed', '**Incident lead:** Mere Tane',
  '**Reported at:** 2026-12-03 23:42 CHADT', '**Accepted at:** 2026-12-03 23:50 CHADT', '**Resolved at:** 2026-12-04 02:15 CHADT', '',
  '## Summary', '', 'Notifications were delayed by up to 2 hours.', '', '## Timeline', '',
  '- **23:42 CHADT, Dec 3** — Queue depth alert fired for notifications-queue',
  '- **23:50 CHADT, Dec 3** — Incident accepted by Mere Tane',
  '- **00:35 CHADT, Dec 4** — Stalled consumer deploy identified and rolled back',
  '- **01:40 CHADT, Dec 4** — Backlog drained',
  '- **02:15 CHADT, Dec 4** — Incident resolved');

describe('convert: times and dates of real exports (trial 18c)', () => {
  describe('F1: a time written before its date', () => {
    it('reads "**23:42 CHADT, Dec 3**" on Dec 3: no entry a day late, no date words left in the text, no midnight guess', async () => {
      const r = await cli('inc.md', INCIDENT_IO);
      assert.deepEqual(entries(r.written), [
        '- 2026-12-03 09:57Z Queue depth alert fired for notifications-queue',
        '- 2026-12-03 10:05Z Incident accepted by Mere Tane',
        '- 2026-12-03 10:50Z Stalled consumer deploy identified and rolled back',
        '- 2026-12-03 11:55Z Backlog drained',
        '- 2026-12-03 12:30Z [resolved] Incident resolved',
      ]);
      assert.equal(fm(r.written, 'resolved_at'), '2026-12-03T12:30:00Z');
      assert.doesNotMatch(r.err, /convert\/midnight|convert\/date-disagrees|2026-12-05/);
      assert.match(r.err, /incident date 2026-12-03, from the key event times\n/);
    });

    it('reads "23:42, 3 Dec" and "11:42 PM PST, Dec 3" with their dates, and leaves "14:05, 3 servers" alone', () => {
      const r = convertPostmortem(md('# Outage', '', 'Date: 2026-12-04', '', '## Timeline', '', 'All times PST', '',
        '- 11:42 PM PST, Dec 3 - Alert fired', '- 23:50, 3 Dec - Paged', '- 00:20, 4 Dec: Rolled back', '- 00:30 - 3 servers restarted'));
      assert.deepEqual(entries(r.text), [
        '- 2026-12-04 07:42Z Alert fired',
        '- 2026-12-04 07:50Z Paged',
        '- 2026-12-04 08:20Z Rolled back',
        '- 2026-12-04 08:30Z 3 servers restarted',
      ]);
      assert.ok(!codes(r).includes('convert/midnight'), JSON.stringify(r.diagnostics));
    });
  });

  describe('F8: incident tools\' labels for the key events', () => {
    it('reads incident.io\'s "Reported at" as detected_at, says so, and dates time-only entries from it, not from "Resolved at"', () => {
      const r = convertPostmortem(INCIDENT_IO.replace(/\*\*(\d\d:\d\d CHADT), Dec \d\*\*/g, '$1'));
      assert.equal(fm(r.text, 'detected_at'), '2026-12-03T09:57:00Z');
      assert.equal(entries(r.text)[0], '- 2026-12-03 09:57Z Queue depth alert fired for notifications-queue');
      assert.equal(entries(r.text)[4], '- 2026-12-03 12:30Z [resolved] Incident resolved');
      assert.equal(r.report.date?.value, '2026-12-03');
      assert.match(notes(r), /detected_at: 2026-12-03T09:57:00Z, read from "Reported at"/);
    });

    it('reads PagerDuty\'s Created and Acknowledged: the earliest is detected_at, the incident date is its day, no false doubt', async () => {
      const r = await cli('pd.md', md('# [#4821] API gateway latency above SLO', '', '**Priority:** P1',
        '**Acknowledged:** Dec 3, 2026 at 11:47 PM NPT', '**Created:** Dec 3, 2026 at 11:42 PM NPT', '**Resolved:** Dec 4, 2026 at 1:05 AM NPT', '',
        'All times are in Asia/Kathmandu (NPT, UTC+05:45).', '', '## Timeline', '',
        '| Time | Type | Description |', '| --- | --- | --- |',
        '| 11:42:10 PM | Triggered | Datadog monitor triggered |', '| 12:20:05 AM | Annotated | Rollback started |', '| 01:05:00 AM | Resolved | Resolved by Sita |'));
      assert.equal(fm(r.written, 'detected_at'), '2026-12-03T17:57:00Z');
      assert.equal(fm(r.written, 'resolved_at'), '2026-12-03T19:20:00Z');
      assert.match(r.err, /incident date 2026-12-03, from the key event times\n/);
      assert.doesNotMatch(r.err + r.written, /date-disagrees|doubt from postmortem convert/);
      assert.deepEqual(entries(r.written), ['- 2026-12-03 17:57:10Z Triggered — Datadog monitor triggered', '- 2026-12-03 18:35:05Z Annotated — Rollback started', '- 2026-12-03 19:20Z Resolved — Resolved by Sita']);
      assert.match(r.err, /pd\.md:5:1 {2}note {2}detected_at: 2026-12-03T17:57:00Z, read from "Created"/);
    });

    it('dates the incident by its first key event in meaning, not by a mistyped earlier year further down', () => {
      const r = convertPostmortem(md('# Incident on 2021-06-09 - Ingress rules', '', '- **Key events**', '  - First detected 2021-06-09 13:15', '  - Repaired 2021-06-09 13:46',
        '  - Incident declared 2020-06-09 13:54', '  - Resolved 2021-06-09 13:58', '', '- **Time to repair**: 0h 31m'));
      assert.equal(r.report.date?.value, '2021-06-09');
      assert.ok(!codes(r).includes('convert/date-disagrees'), JSON.stringify(r.diagnostics));
    });

    it('does not read a Notion page\'s "Created" as an incident time when no other is given, and says so', () => {
      const r = convertPostmortem(md('# Checkout errors', '', 'Created: December 3, 2026 11:58 PM', 'Time zone: UTC', '', '## Timeline', '', '- 2026-12-03 23:42 Failover started'));
      assert.equal(fm(r.text, 'detected_at'), undefined);
      assert.match(notes(r), /"Created: December 3, 2026 11:58 PM" was not read as an incident time/);
    });
  });

  describe('F7: labels in a Key events list', () => {
    const moj = (extra: string) => md('# Incident on 2024-07-25 Elasticsearch no longer receiving logs', '', '- **Key events**',
      '  - First detected: 2024-07-25 12:10', '  - Incident declared: 2024-07-25 14:54', '  - Repaired declared: 2024-07-25 15:18', extra, '  - Resolved 2024-07-25 16:19', '',
      '- **Time to repair**: 3h 8m', '', '- **Context**:', '  - 2024-07-25 12:10: Writes blocked', '  - 2024-07-25 14:54: Incident declared', '  - 2024-07-25 16:19: Incident declared resolved').replace('\n\n  - Resolved', '\n  - Resolved');

    it('reads "Repaired declared" as mitigated_at: the stated repair time agrees, no disagreement', () => {
      const r = convertPostmortem(moj(''));
      assert.equal(fm(r.text, 'mitigated_at'), '2024-07-25T15:18:00Z');
      assert.doesNotMatch(r.diagnostics.map((d) => d.message).join('\n'), /disagrees/);
    });

    it('reports a labelled time it does not read, and the conversion is not complete', async () => {
      const r = await cli('moj.md', moj('  - Escalated: 2024-07-25 15:00'));
      assert.match(r.err, /moj\.md:7:1 {2}warning {2}"Escalated: 2024-07-25 15:00" is a time under a label convert does not read as an incident time/);
      assert.equal(r.code, 1);
      assert.match(r.written, /- Escalated: 2024-07-25 15:00/);
    });

    it('does not report the document\'s own times ("Last edited time", "Review meeting") as key events', () => {
      const r = convertPostmortem(md('# Checkout errors', '', 'Last edited time: December 5, 2026 10:00 AM', '**Review meeting:** 2026-12-08 15:00', 'Created time: December 3, 2026 11:58 PM', 'Time zone: UTC', '',
        '## Timeline', '', '- 2026-12-03 23:42 Failover started'));
      assert.ok(!codes(r).includes('convert/key-event-not-read'), JSON.stringify(r.diagnostics));
      assert.equal(fm(r.text, 'detected_at'), undefined);
    });
  });

  describe('F3: events written as headings inside the Timeline', () => {
    const text = md('# 2018-02-20, JupyterLab Announcement swamps Binder', '', '## Summary', '', 'Several outages.', '', '## Timeline', '', 'All times in CET (GMT+1)', '',
      '### Feb 20 2018 14:17', '', 'Announcement posted.', '', '### 2X:XX (not sure exact time)', '', 'Launch success rate is down to zero again.', '',
      '### 22:52', '', 'Proxy fixed.', '', '## Feb 21, 13:00', '', 'A more permanent fix is applied.', '', '### 15:15', '', '`/user/` serves 404.', '',
      '## Feb 22, 07:13', '', 'Hub CPU at 100%.', '', '### 07:18', '', 'CPU usage of the Hub returns close to zero.', '', '## Conclusions', '', 'We learnt things.');

    it('reads "## Feb 21, 13:00" and the "###" times under it as entries on their days', () => {
      const r = convertPostmortem(text);
      assert.deepEqual(entries(r.text), [
        '- 2018-02-20 13:17Z', '- 2018-02-20 21:52Z', '- 2018-02-21 12:00Z', '- 2018-02-21 14:15Z', '- 2018-02-22 06:13Z', '- 2018-02-22 06:18Z',
      ]);
      assert.match(r.text, /- 2018-02-22 06:18Z\n\n {2}CPU usage of the Hub returns close to zero\./);
      assert.doesNotMatch(r.text.slice(r.text.indexOf('Notes from the original')), /Feb 2[12]/);
    });

    it('keeps a moment heading in a Timeline nested in another section ("### 2024-05-03 09:00" after "### Timeline")', () => {
      const r = convertPostmortem(md('# Outage', '', '## Incident', '', 'It broke.', '', '### Timeline', '', 'All times UTC', '', '#### 2024-05-02 14:05', '', 'Alert.', '',
        '### 2024-05-03 09:00', '', 'Fixed for good.', '', '### Impact', '', 'Users waited.'));
      assert.deepEqual(entries(r.text), ['- 2024-05-02 14:05Z', '- 2024-05-03 09:00Z']);
      assert.match(r.text, /- 2024-05-03 09:00Z\n\n {2}Fixed for good\./);
    });

    it('says "### 2X:XX (not sure exact time)": not complete, exit 1', async () => {
      const r = await cli('jl.md', text);
      assert.match(r.err, /jl\.md:15:1 {2}warning {2}This line looks like a timeline entry but was left as text \(an event whose time is written as unknown\)/);
      assert.doesNotMatch(r.err, /complete: everything timeline-like was read/);
      assert.equal(r.code, 1);
    });
  });

  describe('F5: "Time zone: America/Sao_Paulo" (a Notion property)', () => {
    it('is the stated zone: times read in it, no zone assumed', () => {
      const r = convertPostmortem(md('# Checkout errors', '', 'Status: Done', 'Time zone: America/Sao_Paulo', '', '## Timeline', '',
        '| Time | Event |', '| --- | --- |', '| December 3, 2026 11:42 PM | Failover started |', '| December 4, 2026 1:05 AM | Incident closed |'));
      assert.equal(fm(r.text, 'timezone'), 'America/Sao_Paulo');
      assert.deepEqual(entries(r.text), ['- 2026-12-04 02:42Z Failover started', '- 2026-12-04 04:05Z [resolved] Incident closed']);
      assert.ok(!codes(r).includes('convert/no-zone'));
      assert.match(report(r), /times read in America\/Sao_Paulo \(stated in the document\)/);
    });
  });
});
