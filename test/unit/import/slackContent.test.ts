/**
 * Trial 11 T1 and T13: a Slack channel export as real ones are. Alerting bots post with an empty
 * `text` and their words in `attachments` or `blocks`; every message is either imported or counted
 * as skipped with why; people are named from users.json, else from each message's own `user_profile`,
 * and the notes say which (and that users.json was not found, and where it was looked for).
 */
import assert from 'node:assert/strict';
import {
  importerFor, importSummary, importTimelineEvents, mergeTimeline, parseSlackExport, readImportTarget, type ExportSource,
} from '../../../src/core/import';

const ts = (iso: string) => (Date.parse(iso) / 1000).toFixed(6);
const iso = (ms: number) => new Date(ms).toISOString();

const MARIA = { display_name: 'maria', real_name: 'Maria Lopez' };

/** One day of #inc-checkout: people, three alerting bots, housekeeping and a huddle with no words. */
const DAY = [
  { type: 'message', user: 'U1', user_profile: MARIA, text: 'ack, looking at <#C1|inc-checkout> :eyes: checkout 5xx', ts: ts('2026-12-06T05:58:00Z') },
  { type: 'message', subtype: 'channel_join', user: 'U2', text: '<@U2> has joined the channel', ts: ts('2026-12-06T06:01:00Z') },
  { type: 'message', user: 'U2', text: 'rolling back cache config, cc <@U1> in <#C9|>', ts: ts('2026-12-06T06:15:30Z') },
  // PagerDuty as trial 11 saw it: text empty, the words only in the attachment's fallback.
  { type: 'message', subtype: 'bot_message', bot_id: 'B1', username: 'PagerDuty', text: '', attachments: [{ fallback: 'Resolved: checkout-api 5xx' }], ts: ts('2026-12-06T09:14:00Z') },
  // Datadog: a title, a mrkdwn text with a link, and fields.
  {
    type: 'message', subtype: 'bot_message', bot_id: 'B2', username: 'Datadog', text: '', ts: ts('2026-12-06T05:52:00Z'),
    attachments: [{
      fallback: 'Triggered: [P1] checkout 5xx > 5%', color: '#db3535', title: 'Triggered: [P1] checkout 5xx > 5%', title_link: 'https://app.datadoghq.com/monitors/1',
      text: '5xx rate is 12.4% on <https://app.datadoghq.com/dash/1|checkout-api> &amp; rising', fields: [{ title: 'Priority', value: 'P1', short: true }],
    }],
  },
  // Opsgenie (an app: bot_profile, Block Kit header, section with fields, context).
  {
    type: 'message', bot_id: 'B3', bot_profile: { name: 'Opsgenie' }, text: '', ts: ts('2026-12-06T06:05:00Z'),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Alert acknowledged' } },
      { type: 'section', text: { type: 'mrkdwn', text: '*#4711* checkout 5xx acknowledged by <@U1>' }, fields: [{ type: 'mrkdwn', text: '*Priority:* P1' }] },
    ],
  },
  // A workflow post: rich text only, with a channel, a user, a list and a bare link.
  {
    type: 'message', user: 'U2', text: '', ts: ts('2026-12-06T07:05:00Z'),
    blocks: [{
      type: 'rich_text', block_id: 'w1', elements: [
        { type: 'rich_text_section', elements: [{ type: 'text', text: 'failover done in ' }, { type: 'channel', channel_id: 'C9' }, { type: 'text', text: ', thanks ' }, { type: 'user', user_id: 'U1' }] },
        { type: 'rich_text_list', style: 'bullet', elements: [
          { type: 'rich_text_section', elements: [{ type: 'text', text: 'db-2 is primary' }] },
          { type: 'rich_text_section', elements: [{ type: 'link', url: 'https://status.example.com' }] },
        ] },
      ],
    }],
  },
  // A huddle: nothing to read anywhere.
  { type: 'message', subtype: 'huddle_thread', user: 'U1', user_profile: MARIA, text: '', ts: ts('2026-12-06T07:30:00Z'), room: { id: 'R1' } },
  { type: 'message', user: 'U1', user_profile: MARIA, text: '', files: [{ name: 'image.png', title: 'grafana 5xx panel.png' }], ts: ts('2026-12-06T07:40:00Z') },
];
const DAY_FILE = { name: '2026-12-06.json', text: JSON.stringify(DAY) };

describe('Slack export: bot messages, skipped messages and names (trial 11 T1, T13)', () => {
  it('reads the alert bots\' attachments and blocks, names channels, and counts every message it skips with why', () => {
    const read = parseSlackExport([DAY_FILE], new Map([['U1', 'maria'], ['U2', 'devon']]), { channels: new Map([['C9', 'inc-db']]), usersFile: { found: 'users.json' } });
    const byTime = [...read.events].sort((a, b) => a.instant - b.instant).map((e) => `${iso(e.instant).slice(11, 16)} ${e.text}`);
    assert.deepEqual(byTime, [
      '05:52 Datadog: [Triggered: \\[P1\\] checkout 5xx > 5%](https://app.datadoghq.com/monitors/1) — 5xx rate is 12.4% on [checkout-api](https://app.datadoghq.com/dash/1) & rising — Priority: P1',
      '05:58 maria: ack, looking at #inc-checkout :eyes: checkout 5xx',
      '06:05 Opsgenie: Alert acknowledged — *#4711* checkout 5xx acknowledged by @maria — *Priority:* P1',
      '06:15 devon: rolling back cache config, cc @maria in #inc-db',
      '07:05 devon: failover done in #inc-db, thanks @maria — db-2 is primary; https://status.example.com',
      '07:40 maria: shared a file: grafana 5xx panel.png',
      '09:14 PagerDuty: Resolved: checkout-api 5xx',
    ]);
    // 9 messages: 7 events + 2 skipped, each said.
    assert.deepEqual(read.skipped.map((s) => [s.count, s.what]), [
      [1, '1 housekeeping message (channel_join)'],
      [1, '1 message without any text (nor attachments, blocks or files) (2026-12-06.json message 8)'],
    ]);
    assert.deepEqual(read.notes, ['5 messages with empty text read from their attachments, blocks or files (2026-12-06.json message 4, 2026-12-06.json message 5, 2026-12-06.json message 6, …)', '2 people named from users.json']);
  });

  it('adds a bot\'s attachment details to its one-line text, but not a person\'s link preview', () => {
    const messages = [
      {
        type: 'message', subtype: 'bot_message', bot_id: 'B1', username: 'PagerDuty', text: 'Incident #42 triggered', ts: ts('2026-12-06T05:52:00Z'),
        attachments: [{ fallback: 'Incident #42 triggered', title: 'Incident #42 triggered', text: 'checkout-api 5xx above 5%', fields: [{ title: 'Urgency', value: 'High' }] }],
      },
      {
        type: 'message', user: 'U1', text: 'see <https://status.example.com|the status page>', ts: ts('2026-12-06T05:55:00Z'),
        attachments: [{ from_url: 'https://status.example.com', original_url: 'https://status.example.com', title: 'Example Status', text: 'All systems operational' }],
      },
    ];
    const read = parseSlackExport([{ name: '2026-12-06.json', text: JSON.stringify(messages) }], new Map([['U1', 'maria']]));
    assert.deepEqual(read.events.map((e) => e.text), ['PagerDuty: Incident #42 triggered — checkout-api 5xx above 5% — Urgency: High', 'maria: see [the status page](https://status.example.com)']);
  });

  it('says the skipped messages in the summary both hosts show, so the count adds up to the export', () => {
    const read = parseSlackExport([DAY_FILE]);
    const doc = '---\nstarted_at: 2026-12-06T05:40:00Z\nresolved_at: 2026-12-06T09:15:00Z\n---\n\n## Timeline\n\n- 2026-12-06 05:40Z [started] evictions\n';
    const summary = importSummary(read.events.length, mergeTimeline(doc, read.events), read.skipped);
    assert.equal(summary, '7 events read: 7 to add, 0 already in the timeline, 0 outside the window 2026-12-06T04:40:00Z – 2026-12-06T10:15:00Z; '
      + 'skipped 1 housekeeping message (channel_join), 1 message without any text (nor attachments, blocks or files) (2026-12-06.json message 8)');
  });

  it('without users.json names people from their messages\' own profiles, and says so and who is left as an id', () => {
    const read = parseSlackExport([DAY_FILE], new Map(), { usersFile: { lookedIn: ['inc-checkout/', 'export/'] } });
    const texts = read.events.map((e) => e.text);
    assert.ok(texts.includes('maria: ack, looking at #inc-checkout :eyes: checkout 5xx'), texts.join('\n'));
    // U2 sent no profile: the id stays, and the note says so; their mention of U1 is named from U1's profile.
    assert.ok(texts.includes('U2: rolling back cache config, cc @maria in #C9'), texts.join('\n'));
    assert.equal(read.notes[1], 'users.json not found (looked in inc-checkout/ and export/): 1 person named from the messages\' own profiles (U1 as maria); 1 person shown by id (U2)');
  });

  it('prefers users.json over a profile, uses a profile for an id users.json does not know, and says when users.json named everyone', () => {
    const partial = parseSlackExport([DAY_FILE], new Map([['U1', 'Maria L.']]), { usersFile: { found: 'users.json' } });
    assert.ok(partial.events.some((e) => e.text.startsWith('Maria L.: ack')));
    assert.equal(partial.notes.at(-1), '1 person not in users.json: 1 person shown by id (U2)');
    const everyone = parseSlackExport([DAY_FILE], new Map([['U1', 'maria'], ['U2', 'devon']]), { usersFile: { found: 'users.json' } });
    assert.equal(everyone.notes.at(-1), '2 people named from users.json');
    assert.ok(everyone.notes.every((n) => !/shown by id|profiles/.test(n)), everyone.notes.join('\n'));
  });

  it('reads an export folder through the pipeline both hosts run: channels.json at the root, users.json looked for beside and above', async () => {
    const files: Record<string, string> = {
      '/exp/inc-checkout/2026-12-06.json': DAY_FILE.text,
      '/exp/channels.json': JSON.stringify([{ id: 'C1', name: 'inc-checkout' }, { id: 'C9', name: 'inc-db' }]),
    };
    const source: ExportSource<string> = {
      readText: async (p) => files[p] ?? Promise.reject(Object.assign(new Error(`ENOENT ${p}`), { code: 'ENOENT' })),
      isDirectory: async (p) => Object.keys(files).some((f) => f.startsWith(`${p}/`)),
      isFile: async (p) => p in files,
      list: async (dir) => Object.keys(files).filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1)).filter((n) => !n.includes('/')),
      child: (dir, name) => `${dir}/${name}`,
      parent: (p) => p.slice(0, p.lastIndexOf('/')) || '/',
      baseName: (p) => p.slice(p.lastIndexOf('/') + 1),
    };
    const target = readImportTarget('---\nstarted_at: 2026-12-06T05:40:00Z\n---\n\n## Timeline\n');
    const { events, result, skipped, notes } = await importTimelineEvents(target, importerFor('slack')!, { input: '/exp/inc-checkout' }, source);
    assert.equal(events.length, 7);
    assert.ok(events.some((e) => e.text === 'U2: rolling back cache config, cc @maria in #inc-db'), events.map((e) => e.text).join('\n'));
    assert.match(importSummary(events.length, result, skipped), /^7 events read: 7 to add.*; skipped 1 housekeeping message \(channel_join\), 1 message without any text/);
    assert.ok(notes.includes('users.json not found (looked in inc-checkout/ and exp/): 1 person named from the messages\' own profiles (U1 as maria); 1 person shown by id (U2)'), notes.join('\n'));
  });
});
