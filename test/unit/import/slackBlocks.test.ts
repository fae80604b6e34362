/**
 * A bot message with both `text` and `blocks` (Grafana, PagerDuty, Opsgenie apps): Slack shows the
 * blocks and uses `text` only as the notification fallback (docs.slack.dev, chat.postMessage), so the
 * import reads the blocks, never both, and says how many messages it read so. A person's message
 * keeps its text (its `rich_text` blocks are the composer's copy of the same words).
 */
import assert from 'node:assert/strict';
import {
  importerFor, importSummary, importTimelineEvents, parseSlackExport, readImportTarget, type ExportSource,
} from '../../../src/core/import';

const ts = (iso: string) => (Date.parse(iso) / 1000).toFixed(6);
const users = new Map([['U1', 'maria'], ['U2', 'devon']]);
const read = (messages: unknown[]) => parseSlackExport([{ name: '2026-12-06.json', text: JSON.stringify(messages) }], users, { usersFile: { found: 'users.json' } });

/** Grafana's Slack contact point: a one-line fallback, the detail in a header, a section and a context line, and buttons. */
const GRAFANA = {
  type: 'message', subtype: 'bot_message', bot_id: 'B7', username: 'Grafana', ts: ts('2026-12-06T05:52:00Z'),
  text: '[FIRING:1] HighErrorRate',
  blocks: [
    { type: 'header', text: { type: 'plain_text', text: '[FIRING:1] HighErrorRate checkout-api' } },
    { type: 'section', text: { type: 'mrkdwn', text: 'Error rate is *12.4%* on checkout-api (threshold 5%)\nrunbook: <https://wiki.example.com/rb/5xx|5xx runbook>' } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: 'Grafana v11.3 &amp; Mimir' }, { type: 'image', image_url: 'https://grafana.example.com/logo.png', alt_text: 'logo' }] },
    { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Silence' }, url: 'https://grafana.example.com/silence' }] },
  ],
};

/** PagerDuty's app: a fallback sentence, a section with fields, a context naming who acknowledged. */
const PAGERDUTY = {
  type: 'message', bot_id: 'B1', bot_profile: { name: 'PagerDuty' }, ts: ts('2026-12-06T05:58:00Z'),
  text: 'Incident #4711 acknowledged',
  blocks: [
    { type: 'section', text: { type: 'mrkdwn', text: 'Acknowledged: *checkout-api 5xx above 5%*' }, fields: [{ type: 'mrkdwn', text: '*Urgency:* High' }, { type: 'mrkdwn', text: '*Service:* checkout-api' }] },
    { type: 'context', elements: [{ type: 'mrkdwn', text: 'Acknowledged by <@U1>' }] },
  ],
};

describe('Slack import: a bot message with text and blocks is read as Slack shows it (its blocks)', () => {
  it('reads the blocks, not the fallback text, and says how many messages it read so and where', () => {
    const r = read([GRAFANA, PAGERDUTY]);
    assert.deepEqual(r.events.map((e) => e.text), [
      'Grafana: [FIRING:1] HighErrorRate checkout-api — Error rate is *12.4%* on checkout-api (threshold 5%) runbook: [5xx runbook](https://wiki.example.com/rb/5xx) — Grafana v11.3 & Mimir',
      'PagerDuty: Acknowledged: *checkout-api 5xx above 5%* — *Urgency:* High, *Service:* checkout-api — Acknowledged by @maria',
    ]);
    // The fallback sentence is not shown as well: "Incident #4711 acknowledged" is nowhere.
    assert.ok(r.events.every((e) => !e.text.includes('Incident #4711') && !e.text.includes('Silence')), r.events.map((e) => e.text).join('\n'));
    assert.deepEqual(r.notes, ['read 2 bot messages from their blocks, as Slack shows them; their text is only the notification fallback and was not imported (2026-12-06.json message 1, 2026-12-06.json message 2)', '1 person named from users.json']);
  });

  it('shows nothing twice: a section repeating the header, an attachment repeating a block', () => {
    const r = read([{
      type: 'message', subtype: 'bot_message', bot_id: 'B3', username: 'Opsgenie', ts: ts('2026-12-06T06:05:00Z'), text: 'Alert closed',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'checkout-api 5xx closed' } },
        { type: 'section', text: { type: 'mrkdwn', text: 'checkout-api 5xx closed' } },
        { type: 'section', text: { type: 'plain_text', text: 'Closed by devon after the rollback' } },
      ],
      attachments: [{ color: '#2eb886', text: 'Closed by devon after the rollback', fields: [{ title: 'Priority', value: 'P1' }] }],
    }]);
    assert.deepEqual(r.events.map((e) => e.text), ['Opsgenie: checkout-api 5xx closed — Closed by devon after the rollback — Priority: P1']);
    assert.equal(r.notes.length, 1);
    assert.match(r.notes[0], /^read 1 bot message from its blocks, as Slack shows it; its text is only the notification fallback and was not imported \(2026-12-06\.json message 1\)$/);
  });

  it('reads the text when the blocks hold no words (only buttons or a divider), with no note', () => {
    const r = read([{
      type: 'message', subtype: 'bot_message', bot_id: 'B9', username: 'Deploybot', ts: ts('2026-12-06T06:10:00Z'), text: 'Rolled back checkout-api to v41',
      blocks: [{ type: 'divider' }, { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Redeploy v42' } }] }],
    }]);
    assert.deepEqual(r.events.map((e) => e.text), ['Deploybot: Rolled back checkout-api to v41']);
    assert.deepEqual(r.notes, []);
  });

  it('keeps a person\'s text, whose rich_text blocks repeat it, once and without a note', () => {
    const r = read([{
      type: 'message', user: 'U2', ts: ts('2026-12-06T06:15:00Z'), text: 'rolling back, cc <@U1>',
      blocks: [{ type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'rolling back, cc ' }, { type: 'user', user_id: 'U1' }] }] }],
    }]);
    assert.deepEqual(r.events.map((e) => e.text), ['devon: rolling back, cc @maria']);
    // Only where the author's name came from (trial 13a F23): nothing about blocks or fallback text.
    assert.deepEqual(r.notes, ['2 people named from users.json']);
  });

  it('says the messages read from blocks apart from those whose text was empty', () => {
    const r = read([GRAFANA, { type: 'message', bot_id: 'B1', username: 'PagerDuty', text: '', attachments: [{ fallback: 'Resolved: checkout-api 5xx' }], ts: ts('2026-12-06T09:14:00Z') }]);
    assert.deepEqual(r.notes, [
      '1 message with empty text read from its attachments (2026-12-06.json message 2)',
      'read 1 bot message from its blocks, as Slack shows it; its text is only the notification fallback and was not imported (2026-12-06.json message 1)',
    ]);
  });

  it('redacts secrets in the blocks through the pipeline both hosts run, and the summary counts the events read', async () => {
    const token = `xoxb-${'1234567890'.repeat(2)}-abcdefABCDEF123456`;
    const leaky = {
      ...PAGERDUTY, ts: ts('2026-12-06T06:20:00Z'),
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `Webhook retried with ${token} for dana.lee@acme-shop.com` } }],
    };
    const files: Record<string, string> = { '/exp/inc/2026-12-06.json': JSON.stringify([GRAFANA, leaky]) };
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
    const { events, result, skipped, notes, redactions } = await importTimelineEvents(target, importerFor('slack')!, { input: '/exp/inc' }, source);
    const leaked = events.find((e) => e.text.startsWith('PagerDuty:'))!;
    assert.ok(!leaked.text.includes(token) && !leaked.text.includes('dana.lee@acme-shop.com'), leaked.text);
    assert.match(leaked.text, /\[redacted: /);
    assert.ok(redactions.length > 0);
    assert.match(importSummary(events.length, result, skipped), /^2 events read: 2 to add/);
    assert.ok(notes.some((n) => n.startsWith('read 2 bot messages from their blocks, as Slack shows them')), notes.join('\n'));
  });
});

describe('Slack import: a message longer than an entry keeps', () => {
  it('is cut once, with its author, marked …, and the notes say how many and where', () => {
    const long = { type: 'message', user: 'U1', ts: ts('2026-12-06T06:10:00Z'), text: `Rolled back checkout-api: ${'the pool change and its config, '.repeat(12)}done` };
    const short = { type: 'message', user: 'U2', ts: ts('2026-12-06T06:11:00Z'), text: 'Errors back to baseline' };
    const r = read([long, short]);
    // Cut at a word (never inside one: a cut e-mail address or number would escape redaction).
    assert.ok(r.events[0]!.text.length <= 300 && r.events[0]!.text.length > 280, r.events[0]!.text);
    assert.match(r.events[0]!.text, /^maria: Rolled back checkout-api: .* (?:the|pool|change|and|its|config,)…$/);
    assert.equal(r.events[1]!.text, 'devon: Errors back to baseline');
    assert.ok(r.notes.some((n) => n === '1 message was longer than 300 characters and cut (marked …; 2026-12-06.json message 1): the export holds it whole'), r.notes.join('\n'));
    assert.ok(!read([short]).notes.some((n) => /cut/.test(n)));
  });
});
