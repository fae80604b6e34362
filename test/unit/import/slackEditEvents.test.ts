/**
 * Trial15a F19: a Slack day file with a `message_changed` and a `message_deleted` event said
 * "skipped 2 messages without any text"; both have text, and neither is a message. The channel as
 * Slack shows it is what is imported: an edited message with its latest words at its own time, a
 * deleted message not at all (its author removed it; it may have held a secret), and each event
 * that changes nothing here is named for what it is. Thread notices (`message_replied`) likewise;
 * thread replies are imported in time order, said in a note.
 */
import assert from 'node:assert/strict';
import { importSummary, mergeTimeline, parseSlackExport } from '../../../src/core/import';

const ts = (iso: string) => (Date.parse(iso) / 1000).toFixed(6);
const at = (hhmm: string) => ts(`2026-12-01T${hhmm}:00Z`);
const USERS = new Map([['U1', 'kim'], ['U2', 'lee']]);
const read = (messages: unknown[], name = '2026-12-01.json') => parseSlackExport([{ name, text: JSON.stringify(messages) }], USERS);

const DAY = [
  { type: 'message', user: 'U1', text: 'Errors spiking', ts: at('14:00') },
  { type: 'message', user: 'U1', text: 'db password is hunter2', ts: at('14:01') },
  {
    type: 'message', subtype: 'message_changed', hidden: true, ts: at('14:05'),
    message: { type: 'message', user: 'U1', text: 'Errors spiking on checkout', ts: at('14:00'), edited: { user: 'U1', ts: at('14:05') } },
    previous_message: { type: 'message', user: 'U1', text: 'Errors spiking', ts: at('14:00') },
  },
  { type: 'message', subtype: 'message_deleted', hidden: true, deleted_ts: at('14:01'), ts: at('14:06'), previous_message: { text: 'db password is hunter2' } },
  { type: 'message', user: 'U2', text: 'looking', thread_ts: at('14:00'), parent_user_id: 'U1', ts: at('14:09') },
  { type: 'message', subtype: 'message_replied', hidden: true, ts: at('14:09'), message: { type: 'message', user: 'U1', text: 'Errors spiking', thread_ts: at('14:00'), reply_count: 1, ts: at('14:00') } },
];

describe('Slack export: edits, deletions and thread notices are not "messages without any text" (trial15a F19)', () => {
  it('imports the edited words at the message\'s own time, leaves the deleted message out, and says both', () => {
    const r = read(DAY);
    assert.deepEqual(r.events.map((e) => [new Date(e.instant).toISOString().slice(11, 16), e.text]), [
      ['14:00', 'kim: Errors spiking on checkout'],
      ['14:09', 'lee: looking'],
    ]);
    assert.deepEqual(r.skipped.map((s) => s.what), [
      '1 message deleted in Slack afterwards (a deletion event follows), as the channel no longer shows it (2026-12-01.json message 2)',
      '1 thread notice (message_replied: a copy of a thread\'s first message made when a reply came; the message and its replies are read where they are) (2026-12-01.json message 6)',
    ]);
    assert.deepEqual(r.notes.slice(0, 2), [
      '1 message was edited in Slack afterwards: imported with its latest words at its own time, as the channel shows it (2026-12-01.json message 1, edited in message 3)',
      '1 thread reply imported in time order among the channel\'s messages (an entry does not say which thread it answered)',
    ]);
    assert.ok(!JSON.stringify(r).includes('hunter2'), 'the deleted words are nowhere');
    const summary = importSummary(r.events.length, mergeTimeline('---\nstarted_at: 2026-12-01T13:00:00Z\n---\n\n## Timeline\n', r.events), r.skipped);
    assert.doesNotMatch(summary, /without any text/);
  });

  it('names an edit or deletion of a message the files do not hold, and an edit of a message deleted later', () => {
    const r = read([
      { type: 'message', subtype: 'message_changed', ts: at('14:05'), message: { user: 'U1', text: 'new words', ts: ts('2026-11-30T23:00:00Z') } },
      { type: 'message', subtype: 'message_deleted', deleted_ts: ts('2026-11-30T22:00:00Z'), ts: at('14:06') },
      { type: 'message', user: 'U2', text: 'oops', ts: at('14:10') },
      { type: 'message', subtype: 'message_changed', ts: at('14:11'), message: { user: 'U2', text: 'oops, typo', ts: at('14:10') } },
      { type: 'message', subtype: 'message_deleted', deleted_ts: at('14:10'), ts: at('14:12') },
    ]);
    assert.deepEqual(r.events, []);
    assert.deepEqual(r.skipped.map((s) => s.what), [
      '1 edit event of a message not in these files (its day file was not given, or it was deleted) (2026-12-01.json message 1)',
      '1 deletion event of a message not in these files (2026-12-01.json message 2)',
      '1 message deleted in Slack afterwards (a deletion event follows), as the channel no longer shows it (2026-12-01.json message 3)',
      '1 edit event of a message deleted later (2026-12-01.json message 4)',
    ]);
  });

  it('applies an edit found in the next day\'s file, naming that file', () => {
    const first = { name: '2026-12-01.json', text: JSON.stringify([{ type: 'message', user: 'U1', text: 'rollback at 23:50', ts: at('23:50') }]) };
    const next = { name: '2026-12-02.json', text: JSON.stringify([{ type: 'message', subtype: 'message_changed', ts: ts('2026-12-02T00:10:00Z'), message: { user: 'U1', text: 'rollback done at 23:55', ts: at('23:50') } }]) };
    const r = parseSlackExport([first, next], USERS);
    assert.deepEqual(r.events.map((e) => e.text), ['kim: rollback done at 23:55']);
    assert.deepEqual(r.skipped, []);
    assert.equal(r.notes[0], '1 message was edited in Slack afterwards: imported with its latest words at its own time, as the channel shows it (2026-12-01.json message 1, edited in 2026-12-02.json message 1)');
  });
});
