import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { convertPostmortem, wordsLost } from '../../../src/core/import/convert';
import { lintText } from '../../../src/core/lint/engine';

// Synthetic originals in the shape of real reviews (key events + context lists, a command fenced
// under a timeline entry, notes between timed items): a conversion the converter calls complete
// must not be one its own linter rejects, and what it could not read it names.
const md = (...lines: string[]) => lines.join('\n');
const NOW = new Date('2026-11-27T12:00:00Z');
const REJECTING = ['timeline/out-of-order', 'timeline/unparseable', 'timeline/milestone-mismatch', 'time/order'];
const rejected = (text: string) => lintText(text, { now: NOW }).diagnostics.filter((d) => REJECTING.includes(d.code)).map((d) => `${d.code}: ${d.message}`);
const warnings = (r: ReturnType<typeof convertPostmortem>) => r.diagnostics.filter((d) => d.severity !== 'info');

describe('convert: the output passes its own linter, or the report says why not', () => {
  it('an unreadable key event is reported by line, and its milestone is not taken from a later event', () => {
    const original = md(
      '# Incident on 2025-03-18 - Node upgrade', '',
      '- **Key events**',
      '  - First detected 22025-03-18 09:36',
      '  - Incident declared 2025-03-18 10:03',
      '  - Repaired 2025-03-18 10:40',
      '  - Resolved 2025-03-18 12:09', '',
      '- **Context**:',
      '  - 2025-03-18 09:36: Users reported terminated pods.',
      '  - 2025-03-18 10:03: Incident declared.',
      '  - 2025-03-18 10:40: Pods recovered.', '',
    );
    const r = convertPostmortem(original);
    const meta = parsePostmortem(r.text).meta;
    assert.equal(meta.detected_at, undefined, 'not "Incident declared" (10:03): a later, different moment');
    assert.equal(meta.mitigated_at, '2025-03-18T10:40:00Z');
    assert.deepEqual(r.report.unread.map((u) => [u.line, u.text.trim()]), [[3, '- First detected 22025-03-18 09:36']]);
    assert.match(r.report.unread[0].why, /could not be read; detected_at is not taken from another line/);
    assert.equal(r.report.complete, false);
    assert.ok(warnings(r).some((d) => d.code === 'convert/unread-entry' && d.range.start.line === 3));
  });

  it('a key event with a date but no time ("Time TBC") is reported too', () => {
    const r = convertPostmortem(md('# Incident on 2023-01-05', '', '- **Key events**', '  - First detected 2023-01-04 (Time TBC)', '  - Incident declared: 2023-01-05 08:56', '  - Resolved 2023-01-05 10:30', ''));
    assert.equal(parsePostmortem(r.text).meta.detected_at, undefined);
    assert.match(r.report.unread.map((u) => u.why).join(), /a date without a time of day/);
  });

  it('keeps a key-events list next to a context timeline out of the timeline: one timeline, in order, lint-clean', () => {
    const original = md(
      '# Incident on 2025-07-23 - Secrets leaked', '',
      '- **Key events**',
      '  - First detected 2025-07-23 15:35',
      '  - Incident declared 2025-07-23 16:48',
      '  - Resolved 2025-07-24 12:34', '',
      '- **Context**:', '',
      '15:35 – Plan pushed to git branch', '',
      '16:08 – Secret found by inspection', '',
      '16:48 – More secrets found:', '',
      '* K8s secrets',
      '* RDS', '',
      '18:04 - Revoke endpoint worked, with:', '',
      '```',
      'curl -L',
      '-X POST',
      '',
      'https://api.github.com/credentials/revoke',
      '-d \'{"credentials":[""]}\'',
      '```', '',
      '18:23 - RDS being destroyed.', '',
      '18:33 - RDS destroyed.', '',
      '- **Resolution**:',
      '  - Token revoked.', '',
    );
    const r = convertPostmortem(original, { defaultZone: 'UTC' });
    assert.deepEqual(rejected(r.text), []);
    const doc = parsePostmortem(r.text);
    assert.deepEqual(doc.timeline.map((e) => e.text.slice(0, 17)), ['2025-07-23 15:35Z', '2025-07-23 16:08Z', '2025-07-23 16:48Z', '2025-07-23 18:04Z', '2025-07-23 18:23Z', '2025-07-23 18:33Z']);
    assert.equal(doc.meta.detected_at, '2025-07-23T15:35:00Z');
    assert.equal(doc.meta.resolved_at, '2025-07-24T12:34:00Z');
    // No heading the original does not have, and the command stays under its entry.
    assert.equal((r.text.match(/^#{2,4} Timeline$/gm) ?? []).length, 1, r.text);
    const summary = r.text.slice(r.text.indexOf('## Summary'), r.text.indexOf('## Timeline'));
    assert.doesNotMatch(summary, /curl/);
    assert.match(summary, /First detected 2025-07-23 15:35/, 'the key events stay, as written');
    assert.match(r.text, /- 2025-07-23 18:04Z Revoke endpoint worked, with:\n\n {2}```\n {2}curl -L\n {2}-X POST\n\n {2}https:/);
    assert.match(r.text, /- 2025-07-23 16:48Z More secrets found:\n\n {2}\* K8s secrets\n {2}\* RDS/);
    assert.ok(r.notes.some((n) => /"Key events" list is kept in the Summary/.test(n.message)));
    assert.equal(r.report.complete, true, warnings(r).map((d) => d.message).join('\n'));
  });

  it('a note between timed items goes under the entry before it, and the report says so', () => {
    const original = md('# Outage', '', '## Timeline', '', 'All times UTC. Date: 2025-10-21', '',
      '- **19:02 UTC** - Root cause identified',
      '- **19:12 UTC** - Rate limiting disabled',
      '- **Note:** Status page was not updated', '',
      '- **19:30 UTC** - Closed', '');
    const r = convertPostmortem(original);
    assert.deepEqual(rejected(r.text), []);
    assert.match(r.text, /- 2025-10-21 19:12Z Rate limiting disabled\n {2}- \*\*Note:\*\* Status page was not updated/);
    assert.ok(r.notes.some((n) => n.line === 8 && /no time: kept under the entry before it/.test(n.message)));
  });

  it('entries out of order in the original are reported, not called complete', () => {
    const r = convertPostmortem(md('# Outage', '', 'Date: 2024-04-15', '', '## Timeline', '', 'All times UTC', '', '- 12:32 Change applied', '- 13:00 Rollback', '- 12:57 Reverted', ''));
    assert.equal(rejected(r.text).length, 1, 'the linter rejects it…');
    const d = warnings(r).find((x) => x.code === 'convert/out-of-order');
    assert.ok(d, '…and the converter says so');
    assert.equal(d.range.start.line, 10);
    assert.match(d.message, /2024-04-15T12:57:00Z\) is earlier than the entry before it \(line 10, 2024-04-15T13:00:00Z\)/);
    assert.equal(r.report.complete, false);
  });

  it('milestones out of order (a mistyped year in a key event) are reported', () => {
    const r = convertPostmortem(md('# Incident on 2023-02-01', '', '- **Key events**', '  - First detected 2023-01-04 09:00', '  - Repaired 2023-02-01 10:30', '  - Resolved 2022-02-01 10:30', ''));
    const d = warnings(r).find((x) => x.code === 'convert/time-order');
    assert.ok(d, r.diagnostics.map((x) => x.code).join());
    assert.match(d.message, /^mitigated_at \(2023-02-01T10:30:00Z\) is after resolved_at \(2022-02-01T10:30:00Z\)/);
    assert.equal(r.report.complete, false);
  });

  it('a template timeline table with empty rows makes no empty entries', () => {
    const r = convertPostmortem(md('# Template', '', '## Timeline', '', '| Date/Time | Who/What | Action |', '|---|---|---|', '|   |   |   |', '|   |   |   |', '', '## Summary', '', 'Text.'));
    assert.deepEqual(rejected(r.text), []);
    assert.doesNotMatch(r.text, /^- *$/m);
  });
});

describe('convert: what the report says about days and stated times (trial F25)', () => {
  it('a midnight crossing names the next day of the document\'s clock and the UTC instant, both right', () => {
    const r = convertPostmortem(md('# Outage', '', 'Date: 2026-03-04', '', '## Timeline', '', 'All times in GMT+2', '', '- 23:50 - worse', '- 00:10 - resolved', ''));
    const d = r.diagnostics.find((x) => x.code === 'convert/midnight');
    assert.ok(d);
    assert.match(d.message, /read as the next day: 2026-03-05 00:10 in UTC\+02:00, which is 2026-03-04 22:10Z/);
    assert.deepEqual(parsePostmortem(r.text).timeline.map((e) => e.text.slice(0, 17)), ['2026-03-04 21:50Z', '2026-03-04 22:10Z']);
  });

  it('in UTC the midnight message gives the one next day', () => {
    const r = convertPostmortem(md('# Outage', '', 'Date: 2026-03-04', '', '## Timeline', '', 'All times UTC', '', '- 23:50 - worse', '- 00:10 - resolved', ''));
    assert.match(r.diagnostics.find((x) => x.code === 'convert/midnight')!.message, /read as the next day: 2026-03-05 00:10Z — check it/);
  });

  it('"from 16:58 to 18:46 UTC" in the opening sentence is the stated start and end, also with a timeline', () => {
    const r = convertPostmortem(md('# Flags outage - September 29, 2025', '',
      'On September 29, 2025, the flags service had an outage lasting 1 hour and 48 minutes, from 16:58 to 18:46 UTC. Most requests failed.', '',
      '## Timeline', '', '- **16:58 UTC** - Writer saturated', '- **17:02 UTC** - Timeout lowered', '- **18:46 UTC** - Service fully restored', ''));
    const meta = parsePostmortem(r.text).meta;
    assert.equal(meta.started_at, '2025-09-29T16:58:00Z');
    assert.equal(meta.resolved_at, '2025-09-29T18:46:00Z');
    const notes = r.notes.map((n) => n.message).join('\n');
    assert.doesNotMatch(notes, /states no start time/);
    assert.match(notes, /started_at set to 2025-09-29T16:58:00Z, read from the sentence "from 16:58 to 18:46 UTC" \(the original has no start field; the earliest timeline entry agrees/);
    assert.match(notes, /resolved_at set to 2025-09-29T18:46:00Z/);
  });

  it('an entry marked <START OF OUTAGE> still wins over the opening sentence', () => {
    const r = convertPostmortem(md('# Outage', '', 'On 2024-05-02 the API failed from 14:00 to 15:00 UTC.', '', '## Timeline', '', '- 2024-05-02 13:50 UTC Deploy', '- 2024-05-02 13:55 UTC Errors rise <START OF OUTAGE>', '- 2024-05-02 15:00 UTC Fixed', ''));
    assert.equal(parsePostmortem(r.text).meta.started_at, '2024-05-02T13:55:00Z');
  });
});

describe('convert: markers and approximate times (SRE-workbook and GitLab shapes)', () => {
  it('"<END OF OUTAGE>" on an entry gives mitigated_at; "<PARTIAL END OF OUTAGE>" does not', () => {
    const base = ['# Build breakage', '', '## Timeline', '', 'All times UTC', '', '### 2016-11-08', '', '**09:27** Tests fail. **&lt;START OF OUTAGE&gt;**<br>', '**13:19** Pin sent.<br>'];
    const r = convertPostmortem(md(...base, '**14:15** Fix lands. **&lt;END OF OUTAGE&gt;**', ''));
    const meta = parsePostmortem(r.text).meta;
    assert.equal(meta.started_at, '2016-11-08T09:27:00Z');
    assert.equal(meta.mitigated_at, '2016-11-08T14:15:00Z');
    assert.ok(r.notes.some((n) => /^mitigated_at set to 2016-11-08T14:15:00Z, the entry the original marks as the end of the outage/.test(n.message)));
    assert.equal(parsePostmortem(convertPostmortem(md(...base, '**14:15** Fix lands.', '', '<PARTIAL END OF OUTAGE>', '')).text).meta.mitigated_at, undefined);
  });

  it('"<START OF OUTAGE>" alone on the line above an entry marks that entry', () => {
    const r = convertPostmortem(md('# Regression', '', '## Timeline', '', 'All times UTC', '', '2023-07-11 17:11 - Commit lands in the platform', '', '<START OF OUTAGE>', '2023-11-27', '00:00 - Issue filed: views show white', '', '2023-11-28 09:00 - Fix merged', ''));
    assert.equal(parsePostmortem(r.text).meta.started_at, '2023-11-27T00:00:00Z');
  });

  it('"??:??" is an event with an unknown time: reported, and a marker on it is not given to the entry before it', () => {
    const r = convertPostmortem(md('# Alert', '', '## Timeline', '', 'All times UTC', '', '### 2023-03-27', '', '13:50 - Scan is clean.<br> ??:?? - Vendor ships an update', '**\\<END OF OUTAGE>**<br> 14:59 - Cannot reproduce.', ''));
    assert.deepEqual(r.report.unread.map((u) => u.why), ['an event whose time is written as unknown']);
    assert.equal(parsePostmortem(r.text).meta.mitigated_at, undefined, 'not 13:50: the marker is on the unknown-time event');
    assert.equal(r.report.complete, false);
  });

  it('approximate and either-or times say so in the entry instead of leaving "ish -" or "/17:00 - 21:00:"', () => {
    const r = convertPostmortem(md('# Database outage', '', '## Timeline (all times UTC)', '', '1. 2017/01/31 16:00/17:00 - 21:00: Setting up replication in staging.', '2. 2017/01/31 21:00 - Spike in load', '3. 2017/01/31 23:00-ish - pg_basebackup seems stuck.', '4. 2017/01/31 ~23:20 - Removal started', '5. 2017/01/31 23:27 approx. - Removal stopped', ''));
    assert.deepEqual(parsePostmortem(r.text).timeline.map((e) => e.text), [
      '2017-01-31 16:00Z (16:00 or 17:00, until 21:00, as written) Setting up replication in staging.',
      '2017-01-31 21:00Z Spike in load',
      '2017-01-31 23:00Z (approx.) pg_basebackup seems stuck.',
      '2017-01-31 23:20Z (approx.) Removal started',
      '2017-01-31 23:27Z (approx.) Removal stopped',
    ]);
  });
});

describe('convert: hard-wrapped paragraphs with entries starting mid-line', () => {
  it('reads "…#issuecomment-1 00:01 -" and "… issue #1. 12:09 - Fix" as entries; a time inside a sentence stays text', () => {
    const r = convertPostmortem(md('# Regression', '', '## Timeline', '', 'All times UTC', '', '2023-11-30 00:00 - Triaged as a platform view issue',
      'https://github.com/org/repo/issues/1#issuecomment-1 00:01 -',
      'Gets attention. 00:02 - Reproduction is claimed on some devices, the deploy at 14:05 - which failed - is unrelated', ''));
    assert.deepEqual(parsePostmortem(r.text).timeline.map((e) => e.text.split('\n')[0]), [
      '2023-11-30 00:00Z Triaged as a platform view issue',
      '2023-11-30 00:01Z',
      '2023-11-30 00:02Z Reproduction is claimed on some devices, the deploy at 14:05 - which failed - is unrelated',
    ]);
    assert.match(r.text, /- 2023-11-30 00:01Z\n {2}Gets attention\./);
  });
});

describe('convert: a time table flattened into a paragraph by a wiki export', () => {
  it('reads one entry per timed cell, not only the rows that happen to start a line', () => {
    const r = convertPostmortem(md('# Release', '', '## Timeline (all times in UTC)', '', '### _2018/02/26_', '',
      '| Time | | | --- | --- | | _11:40_ | Push to beta fails: the branch',
      'is protected. | | _12:02_ | ACL changed. | | _12:07_ | v0.1.4',
      'pushed | _12:20_ | Upgrade fails for',
      'a user. |', ''));
    assert.deepEqual(parsePostmortem(r.text).timeline.map((e) => e.text), [
      '2018-02-26 11:40Z Push to beta fails: the branch is protected.',
      '2018-02-26 12:02Z ACL changed.',
      '2018-02-26 12:07Z v0.1.4 pushed',
      '2018-02-26 12:20Z Upgrade fails for a user.',
    ]);
    assert.equal(r.report.entries, 4);
  });
});

describe('convert: time headings after a list of notes', () => {
  it('a list of links above "### 07:30am - First report" stays a list of its own, not untimed entries', () => {
    const r = convertPostmortem(md('# Launches', '', 'Date: 2020-07-09', '', '## Timeline', '', 'All times UTC', '', 'Dashboards:', '',
      '- [overview](https://grafana.example.org/d/1)', '- [nodes](https://grafana.example.org/d/2)', '',
      '### 07:30am - First report', '', 'Reports of slow launches.', '', '### 07:35 - Pending pods', '', 'Many pending pods.', ''));
    assert.deepEqual(rejected(r.text), []);
    assert.deepEqual(parsePostmortem(r.text).timeline.filter((e) => e.instant !== undefined).map((e) => e.text.split('\n')[0]), ['2020-07-09 07:30Z First report', '2020-07-09 07:35Z Pending pods']);
    assert.match(r.text, /^\* \[overview\]\(https:\/\/grafana.example.org\/d\/1\)\n\* \[nodes\]/m);
  });
});

describe('convert: an action table\'s owner is the person lint reads from the same cell', () => {
  const cells = ['Alice and Bob', 'Devon / Kevin', 'Devon or Kevin', '@alice, @bob', 'Ana Lima', 'Ana Lima; Ben', '@sre-team & Ops', '**Alice** + Bob', '[Ana](mailto:ana@x.org), Ben', '@alice (lead)', 'SRE team'];
  for (const cell of cells) {
    it(`"${cell}"`, () => {
      const table = md('# Outage', '', '## Action items', '', '| Action | Owner | Due |', '| --- | --- | --- |', `| Add an alert | ${cell} | 2026-12-01 |`, '');
      const asTable = parsePostmortem(table).actionItems[0];
      const converted = convertPostmortem(table, { defaultZone: 'UTC' });
      const asTask = parsePostmortem(converted.text).actionItems[0];
      // The table's owner as a task's token: spaces become hyphens ("Ana Lima" → @Ana-Lima), links and emphasis go.
      const expected = asTable.owner?.value.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_]/g, '').trim().replace(/\s+/g, '-');
      assert.equal(asTask.owner?.value, expected, converted.text);
      const twoPeople = lintText(table, { now: NOW }).diagnostics.some((d) => d.code === 'actions/one-owner');
      const said = converted.diagnostics.filter((d) => d.code === 'convert/two-owners');
      assert.equal(said.length, twoPeople ? 1 : 0, `lint ${twoPeople ? 'flags' : 'does not flag'} a second person: ${JSON.stringify(said)}`);
      if (twoPeople) assert.match(said[0].message, /names two people: .+ is the item's owner/);
      // Nothing of the cell is lost but a link's address (the owner is the link's text, as before).
      if (!cell.includes('](')) assert.deepEqual(wordsLost(table, converted.text, converted.replaced), []);
    });
  }
});
