/**
 * Trial 12 T5 and T16c: a Slack import keeps what the message held. A labelled link keeps its address
 * (as a Markdown link the timeline reads back whole), in a person's text, a section block, a rich-text
 * link and an attachment's title; a bot's attachment fallback with words its shown text lacks (the
 * service name) is kept beside it.
 */
import assert from 'node:assert/strict';
import { mergeTimeline, parseSlackExport } from '../../../src/core/import';
import { parsePostmortem } from '../../../src/core/document/parse';
import { markdownLink } from '../../../src/core/import/slackLinks';
import { applyEdits } from '../../../src/core/fix/applyEdits';

const ts = (iso: string) => (Date.parse(iso) / 1000).toFixed(6);
const read = (messages: object[]) => parseSlackExport([{ name: '2026-12-06.json', text: JSON.stringify(messages) }]).events.map((e) => e.text);

const DOC = ['---', 'type: postmortem', 'started_at: 2026-12-06T14:00:00Z', '---', '', '## Timeline', '', '- 2026-12-06 14:00Z [started] Deploy', ''].join('\n');

describe('Slack import keeps link addresses and fallback words (trial 12 T5, T16c)', () => {
  it('writes a labelled link as a Markdown link the timeline reads back with its address, no milestone made of it', () => {
    const texts = read([
      { user: 'U1', text: 'looking. dashboard: <https://grafana.example.com/d/abc?a=1&amp;b=2|grafana>', ts: ts('2026-12-06T14:53:00Z') },
      { user: 'U1', text: 'status <https://status.example.com/x|resolved> and raw <https://logs.example.com/q>', ts: ts('2026-12-06T14:54:00Z') },
    ]);
    assert.deepEqual(texts, [
      'U1: looking. dashboard: [grafana](https://grafana.example.com/d/abc?a=1&b=2)',
      'U1: status resolved (https://status.example.com/x) and raw https://logs.example.com/q',
    ]);
    const events = parseSlackExport([{ name: 'd.json', text: JSON.stringify([{ user: 'U1', text: 'see <https://status.example.com/x|resolved> and <https://g.example/d|the [old] dash (v2)>', ts: ts('2026-12-06T14:54:00Z') }]) }]).events;
    const merged = mergeTimeline(DOC, events);
    const { text } = applyEdits(DOC, merged.edits);
    const entry = parsePostmortem(text).timeline.find((t) => t.description.includes('g.example'));
    assert.ok(entry, text);
    assert.deepEqual(entry.milestones, [], 'a link labelled "resolved" is no [resolved] marker');
    assert.ok(entry.description.includes('[the \\[old\\] dash (v2)](https://g.example/d)'), entry.description);
    assert.ok(entry.description.includes('https://status.example.com/x'), entry.description);
  });

  it('keeps the address in section blocks, rich-text links and an attachment title\'s link', () => {
    const texts = read([
      {
        bot_id: 'B1', username: 'Grafana', text: 'fallback', ts: ts('2026-12-06T14:55:00Z'),
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'runbook: <https://wiki.example.com/rb|5xx runbook>' } }],
      },
      {
        user: 'U2', text: '', ts: ts('2026-12-06T14:56:00Z'),
        blocks: [{ type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'see ' }, { type: 'link', url: 'https://a.example/b', text: 'runbook' }] }] }],
      },
      {
        subtype: 'bot_message', bot_id: 'B2', username: 'Datadog', text: '', ts: ts('2026-12-06T14:57:00Z'),
        attachments: [{ title: 'Monitor 7 triggered', title_link: 'https://dd.example/m/7', text: 'p99 > 2s' }],
      },
    ]);
    assert.deepEqual(texts, [
      'Grafana: runbook: [5xx runbook](https://wiki.example.com/rb)',
      'U2: see [runbook](https://a.example/b)',
      'Datadog: [Monitor 7 triggered](https://dd.example/m/7) — p99 > 2s',
    ]);
  });

  it('keeps a bot attachment\'s fallback when it names what the shown text does not (the service)', () => {
    const texts = read([
      { subtype: 'bot_message', bot_id: 'B1', username: 'PagerDuty', text: '', attachments: [{ fallback: 'Triggered: checkout-api 5xx', text: 'Triggered #4411' }], ts: ts('2026-12-06T14:58:00Z') },
      // Nothing beyond the shown text: the fallback is not repeated.
      { subtype: 'bot_message', bot_id: 'B1', username: 'PagerDuty', text: '', attachments: [{ fallback: 'Triggered #4411', text: 'Triggered #4411', fields: [{ title: 'Service', value: 'cart' }] }], ts: ts('2026-12-06T14:59:00Z') },
    ]);
    assert.deepEqual(texts, ['PagerDuty: Triggered #4411 — Triggered: checkout-api 5xx', 'PagerDuty: Triggered #4411 — Service: cart']);
  });

  it('writes a link whose label is its address as the address, and escapes what would end the link early', () => {
    assert.equal(markdownLink('example.com', 'http://example.com/'), 'http://example.com/');
    assert.equal(markdownLink('ops@example.com', 'mailto:ops@example.com'), 'ops@example.com');
    assert.equal(markdownLink('a]b', 'https://x.example/p(1) q'), '[a\\]b](https://x.example/p\\(1\\)%20q)');
  });
});
