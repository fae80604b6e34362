/**
 * A control character in a Slack user's name (U+202E in users.json) is dropped from the name once and
 * said once, naming users.json — not counted again in every message that person wrote (trial18a F12:
 * "removed 9 control characters … from 9 imported messages, first in 2026-11-19.json message 1").
 */
import assert from 'node:assert/strict';
import { parseSlackExport, parseSlackUsers } from '../../../src/core/import';

describe('Slack user names with control characters', () => {
  it('the name is cleaned once, the note says how many and where, the messages carry no control character', () => {
    const users = parseSlackUsers({ name: 'users.json', text: JSON.stringify([{ id: 'U1', real_name: 'ana\u202e\u0007' }, { id: 'U2', real_name: 'bo' }]) });
    const messages = Array.from({ length: 9 }, (_, i) => ({ type: 'message', user: 'U1', text: `step ${i}`, ts: `${1763647200 + i * 60}.000100` }));
    const read = parseSlackExport([{ name: '2026-11-20.json', text: JSON.stringify(messages) }], users);
    assert.equal(read.events.length, 9);
    for (const e of read.events) assert.doesNotMatch(e.text, /[\u0000-\u001f\u202a-\u202e]/, e.text);
    assert.match(read.events[0].text, /^ana: step 0$/);
    const said = read.notes.filter((n) => /control character/.test(n));
    assert.deepEqual(said, ['removed 2 control characters (NUL, ESC, bidirectional overrides…) from 1 user name in users.json (first: U1); the messages show it without']);
  });
});
