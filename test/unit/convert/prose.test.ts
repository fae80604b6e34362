import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { convertPostmortem } from '../../../src/core/import/convert';

/** Reviews written as a story (blog posts, availability reports): times stated in sentences. */
const md = (...lines: string[]) => lines.join('\n') + '\n';
const parsed = (text: string) => parsePostmortem(convertPostmortem(text).text);
const entries = (text: string) => parsed(text).timeline.map((e) => e.text.split('\n')[0]);
const startedAt = (text: string) => parsed(text).meta.started_at;

describe('convert: times written as prose', () => {
  it('reads sentences that open with their time in a Timeline section as entries, keeping the sentence whole', () => {
    const text = md('# Database outage', '', '## Timeline', '', 'All times are UTC.', '',
      'At 3:28 PM on November 23rd, 2025, the attacker used the credentials to delete a', 'workflow run.', '',
      'At 3:43 PM, the attacker used these credentials again.', '', '- By 4:10 PM we had rolled back.', '',
      'On November 25, 2025, we reviewed the logs.', '', 'At 09:00, the review ended.');
    assert.deepEqual(entries(text), [
      '2025-11-23 15:28Z At 3:28 PM on November 23rd, 2025, the attacker used the credentials to delete a',
      '2025-11-23 15:43Z At 3:43 PM, the attacker used these credentials again.',
      '2025-11-23 16:10Z By 4:10 PM we had rolled back.',
      '2025-11-25 09:00Z At 09:00, the review ended.',
    ]);
    assert.equal(convertPostmortem(text).report.complete, true);
  });

  it('reads a story section as the timeline when there is none, and takes the start from the opening sentence, not from days of preparation', () => {
    const text = md('# Supply-chain attack on November 24th, 2025', '',
      'At 4:11 AM UTC on November 24th, a number of our packages were compromised.', '',
      '## How did it happen?', '',
      'The attacker stole a token days before.', '',
      'At 5:40PM UTC on November 18th, a now-deleted user opened a pull request.', '',
      'At 3:28 PM UTC on November 23rd, the attacker used these credentials to delete a workflow run.', '',
      'At 3:43 PM, the attacker pushed a commit.', '',
      '## Action items', '', '- Rotate the bot token');
    const r = convertPostmortem(text);
    assert.deepEqual(entries(text).map((e) => e.slice(0, 17)), ['2025-11-18 17:40Z', '2025-11-23 15:28Z', '2025-11-23 15:43Z']);
    assert.equal(startedAt(text), '2025-11-24T04:11:00Z');
    assert.ok(r.diagnostics.some((d) => d.code === 'convert/prose-timeline' && /How did it happen/.test(d.message)));
    assert.ok(r.notes.some((n) => /read from the sentence "At 4:11 AM UTC on November 24th"/.test(n.message)));
  });

  it('reports a sentence giving a time outside the timeline as not read, unless an entry has that time', () => {
    const base = ['# X', '', 'Date: 2024-05-02', '', '## Timeline', '', 'All times UTC', '', '- 14:05 Alert fired', '', '## Impact', ''];
    const unread = convertPostmortem(md(...base, 'At 14:40 UTC, customers in the EU saw errors for ten minutes.'));
    assert.deepEqual(unread.report.unread.map((u) => [u.line, u.why]), [[12, 'a sentence giving a time, outside the timeline']]);
    assert.equal(unread.report.complete, false);
    const repeated = convertPostmortem(md(...base, 'At 14:05 UTC, the alert fired and customers saw errors.'));
    assert.deepEqual(repeated.report.unread, []);
    assert.equal(repeated.report.complete, true);
  });

  it('takes started_at from the opening sentence of a review without a timeline, in the forms status pages and blogs use', () => {
    const cases: [string, string][] = [
      ['On October 9, 2020, starting at 21:30 UTC, we experienced an incident that lasted two hours.', '2020-10-09T21:30:00Z'],
      ['On June 8, 2021, we experienced a global disruption beginning at 09:47 UTC. Monitoring caught it at 09:48 UTC.', '2021-06-08T09:47:00Z'],
      ['On 28th February 2024, flags went down for about 3 hours, from 15:30 to 18:10 UTC.', '2024-02-28T15:30:00Z'],
      ['On October 19, 2025, at 11:50 PM PT, we experienced a widespread service disruption.', '2025-10-20T06:50:00Z'],
      ['On November 22, 2018, between 8:19 AM and 9:43 AM KST, instances in Seoul failed DNS lookups.', '2018-11-21T23:19:00Z'],
      ['Networking lost capacity from 19:30 US/Pacific on Thursday, 14 July 2022, through 15:02 on Friday.', '2022-07-15T02:30:00Z'],
    ];
    for (const [sentence, expected] of cases) assert.equal(startedAt(md('# Outage', '', sentence, '', '## Root cause', '', 'A bad config.')), expected, sentence);
    // A later paragraph about another moment is not the start.
    assert.equal(startedAt(md('# Outage on April 21, 2020', '', 'The database hung at ~13:30 UTC on April 21, 2020.', '', 'Between 04:30 and 06:30 UTC on April 22 a few users still saw errors.')), undefined);
  });

  it('takes the entry marked <START OF OUTAGE> even when the marker wraps onto the next line, not a mention of the start in an entry\'s details', () => {
    const wrapped = md('# DNS outage', '', '## Timeline (all times in PST/PDT)', '', '### 2023-08-25', '',
      '15:27 - A change to the DNS configuration is submitted.<br> 21:14 - DNS configuration changes take effect. 80%',
      'of IPs fail to serve correctly. **\\<START OF', 'OUTAGE>**<br> 21:20 - Monitoring sends an e-mail.');
    assert.equal(startedAt(wrapped), '2023-08-26T04:14:00Z');
    const mention = md('# Hub down', '', '## Timeline (all times UTC)', '', '### 2018-04-18 10:35', '', 'Upgrade deployed.', '', '### 14:49', '',
      'The logs of the hub around the start of the outage (~13:30) are investigated.');
    assert.equal(startedAt(mention), '2018-04-18T10:35:00Z');
  });

  it('takes start_time and end_time from another tool\'s front matter; a bare midnight is kept and said (trial C6)', () => {
    const fm = (start: string, ...body: string[]) => md('---', `start_time: ${start}`, `end_time: ${start.startsWith('1994') ? '1994-06-01T12:00:00Z' : '2020-10-10T00:02:00Z'}`, '---', '', '# Outage', '', 'Jobs were delayed.', ...body);
    assert.deepEqual([parsed(fm('2020-10-09T21:30:00Z')).meta.started_at, parsed(fm('2020-10-09T21:30:00Z')).meta.resolved_at], ['2020-10-09T21:30:00Z', '2020-10-10T00:02:00Z']);
    // Midnight, no timeline: the date the original states is written as given, and it is a warning (never "complete").
    const bare = convertPostmortem(fm('1994-06-01T00:00:00Z'));
    assert.equal(parsed(fm('1994-06-01T00:00:00Z')).meta.started_at, '1994-06-01T00:00:00Z');
    assert.ok(bare.diagnostics.some((d) => d.code === 'convert/midnight-time' && d.severity === 'warning' && /start_time: 1994-06-01T00:00:00Z is exactly midnight/.test(d.message)));
    assert.equal(bare.report.complete, false);
    assert.equal(bare.report.date?.value, '1994-06-01');
    // Midnight and a timeline that day: the earliest entry that day is the start, with a note.
    const timed = convertPostmortem(fm('1994-06-01T00:00:00Z', '', '## Timeline', '', 'All times UTC', '', '- 09:15 Bug found', '- 11:00 Patched'));
    assert.match(timed.text, /^started_at: 1994-06-01T09:15:00Z$/m);
    assert.ok(timed.notes.some((n) => /start_time: 1994-06-01T00:00:00Z is exactly midnight.*earliest timeline entry that day/.test(n.message)));
    assert.ok(!timed.diagnostics.some((d) => d.code === 'convert/midnight-time'));
  });
});
