import assert from 'node:assert/strict';
import { EditSync } from '../../../webview/diagram/editSync';

describe('EditSync (webview side of the two-way sync)', () => {
  it('sends one edit at a time, made against the version it saw, and coalesces the rest', () => {
    const s = new EditSync();
    assert.equal(s.onDocument('v1 text', 4), true);
    const first = s.local('A');
    assert.deepEqual(first, { type: 'edit', requestId: 1, baseVersion: 4, content: 'A' });
    assert.equal(s.local('AB'), undefined, 'waits for the first to be answered');
    assert.equal(s.local('ABC'), undefined);
    assert.equal(s.content, 'ABC', 'the view shows the newest local state');
    // Echo of our own edit (the extension skips it, but a resend must not disturb anything).
    assert.equal(s.onDocument('A', 5), false);
    const next = s.onResult(1, true, 5);
    assert.deepEqual(next, { send: { type: 'edit', requestId: 2, baseVersion: 5, content: 'ABC' }, reread: false });
    assert.deepEqual(s.onResult(2, true, 6), { send: undefined, reread: false });
    assert.equal(s.pending, false);
    assert.equal(s.content, 'ABC');
  });

  it('lets typing in the text win over local states made against the old text', () => {
    const s = new EditSync();
    s.onDocument('base', 1);
    s.local('mine 1');
    s.local('mine 2');
    assert.equal(s.onDocument('typed in the editor', 2), true);
    assert.equal(s.content, 'typed in the editor');
    // The extension rejects the edit that was in flight; nothing more is sent.
    assert.deepEqual(s.onResult(1, false, 2), { reread: false });
    assert.equal(s.pending, false);
    assert.equal(s.local('typed in the editor'), undefined, 'no edit for what the document already says');
  });

  it('re-reads the document after a rejected edit', () => {
    const s = new EditSync();
    s.onDocument('base', 1);
    s.local('mine');
    s.local('mine, more');
    assert.deepEqual(s.onResult(1, false, 1), { reread: true });
    assert.equal(s.content, 'base');
    assert.equal(s.pending, false);
  });

  it('ignores answers to requests it did not send', () => {
    const s = new EditSync();
    s.onDocument('base', 1);
    s.local('x');
    assert.deepEqual(s.onResult(99, true, 7), { reread: false });
    assert.equal(s.pending, true);
  });
});
