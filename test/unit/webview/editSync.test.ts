import assert from 'node:assert/strict';
import { EditSync, MAX_QUEUED } from '../../../webview/diagram/editSync';

describe('EditSync (webview side of the two-way sync)', () => {
  it('sends one edit at a time, in order, each against the version after the one before (T8)', () => {
    const s = new EditSync();
    assert.equal(s.onDocument('v1 text', 4), true);
    const first = s.local('A');
    assert.deepEqual(first, { type: 'edit', requestId: 1, baseVersion: 4, content: 'A' });
    assert.equal(s.local('AB'), undefined, 'waits for the first to be answered');
    assert.equal(s.local('ABC'), undefined);
    assert.equal(s.content, 'ABC', 'the view shows the newest local state');
    // Echo of our own edit (the extension skips it, but a resend must not disturb anything).
    assert.equal(s.onDocument('A', 5), false);
    assert.deepEqual(s.onResult(1, true, 5), { send: { type: 'edit', requestId: 2, baseVersion: 5, content: 'AB' }, reread: false, answered: 'edit' });
    assert.equal(s.content, 'ABC', 'still the newest');
    assert.deepEqual(s.onResult(2, true, 6), { send: { type: 'edit', requestId: 3, baseVersion: 6, content: 'ABC' }, reread: false, answered: 'edit' });
    assert.deepEqual(s.onResult(3, true, 7), { send: undefined, reread: false, answered: 'edit' });
    assert.equal(s.pending, false);
    assert.equal(s.content, 'ABC');
  });

  it('sends undo only after the edits made before it were answered, then takes the undone text (T8)', () => {
    const s = new EditSync();
    s.onDocument('base', 1);
    assert.equal(s.local('moved')?.type, 'edit');
    assert.equal(s.local('moved, deleted'), undefined);
    assert.equal(s.history('undo'), undefined, 'Ctrl+Z waits behind the delete');
    assert.deepEqual(s.onResult(1, true, 2).send, { type: 'edit', requestId: 2, baseVersion: 2, content: 'moved, deleted' });
    assert.deepEqual(s.onResult(2, true, 3).send, { type: 'undo', requestId: 3 });
    assert.equal(s.pending, true);
    // The undo's effect arrives as a change of the text: the view shows it.
    assert.equal(s.onDocument('moved', 4), true);
    assert.equal(s.content, 'moved');
    assert.equal(s.pending, true, 'saving until the undo is answered');
    assert.deepEqual(s.onResult(3, true, 4), { send: undefined, reread: false, answered: 'undo' });
    assert.equal(s.pending, false);
    assert.deepEqual(s.local('moved again'), { type: 'edit', requestId: 4, baseVersion: 4, content: 'moved again' });
  });

  it('keeps two quick undos, drops edits made on the text an undo then replaced', () => {
    const s = new EditSync();
    s.onDocument('base', 1);
    s.local('one');
    s.history('undo');
    s.history('undo');
    assert.deepEqual(s.onResult(1, true, 2).send, { type: 'undo', requestId: 2 });
    assert.equal(s.local('one, two'), undefined, 'made on the text before the undo');
    assert.equal(s.onDocument('base', 3), true);
    assert.equal(s.content, 'base', 'the edit made on the undone text is not written');
    assert.deepEqual(s.onResult(2, true, 3).send, { type: 'undo', requestId: 3 }, 'the second Ctrl+Z, pressed before that edit, still runs');
    assert.equal(s.onDocument('before base', 4), true);
    assert.deepEqual(s.onResult(3, true, 4), { send: undefined, reread: false, answered: 'undo' });
    assert.equal(s.content, 'before base');
  });

  it('stays bounded however many edits wait: the newest state is kept', () => {
    const s = new EditSync();
    s.onDocument('base', 1);
    s.local('x0');
    for (let i = 1; i <= 10 * MAX_QUEUED; i++) s.local(`x${i}`);
    let sent = 0;
    let last: string | undefined;
    for (let r = s.onResult(1, true, 2), v = 3; r.send; r = s.onResult(r.send.requestId, true, v++)) {
      sent++;
      if (r.send.type === 'edit') last = r.send.content;
    }
    assert.ok(sent <= MAX_QUEUED + 1, `${sent} edits sent`);
    assert.equal(last, `x${10 * MAX_QUEUED}`);
  });

  it('lets typing in the text win over local states made against the old text', () => {
    const s = new EditSync();
    s.onDocument('base', 1);
    s.local('mine 1');
    s.local('mine 2');
    assert.equal(s.onDocument('typed in the editor', 2), true);
    assert.equal(s.content, 'typed in the editor');
    // The extension rejects the edit that was in flight; nothing more is sent.
    assert.deepEqual(s.onResult(1, false, 2), { reread: true, answered: 'edit', overtaken: true });
    assert.equal(s.pending, false);
    assert.equal(s.local('typed in the editor'), undefined, 'no edit for what the document already says');
  });

  it('re-reads the document after a rejected edit', () => {
    const s = new EditSync();
    s.onDocument('base', 1);
    s.local('mine');
    s.local('mine, more');
    assert.deepEqual(s.onResult(1, false, 1), { reread: true, answered: 'edit' });
    assert.equal(s.content, 'base');
    assert.equal(s.pending, false);
  });

  it('says which request a refusal answers: an undo that did not happen is not a lost change', () => {
    const s = new EditSync();
    s.onDocument('base', 1);
    s.local('mine');
    s.history('redo');
    assert.deepEqual(s.onResult(1, true, 2), { send: { type: 'redo', requestId: 2 }, reread: false, answered: 'edit' });
    assert.deepEqual(s.onResult(2, false, 2), { reread: false, answered: 'redo' });
    assert.equal(s.pending, false);
  });

  it('ignores answers to requests it did not send', () => {
    const s = new EditSync();
    s.onDocument('base', 1);
    s.local('x');
    assert.deepEqual(s.onResult(99, true, 7), { reread: false });
    assert.equal(s.pending, true);
  });

  it('keeps the steps of edits a teammate change overtook, in order, until the unanswered one is answered (trial14b F7)', () => {
    const s = new EditSync<string>();
    s.onDocument('base', 1);
    assert.equal(s.local('A', { intents: ['add A'], opaque: false })?.type, 'edit');
    assert.equal(s.local('AB', { intents: ['add B'], opaque: false }), undefined);
    assert.equal(s.onDocument('base + teammate', 2), true);
    assert.equal(s.takeOvertaken(), undefined, 'edit 1 may still have been written before the change');
    assert.equal(s.hasOvertaken, false);
    assert.deepEqual(s.onResult(1, false, 2), { reread: true, answered: 'edit', overtaken: true });
    assert.equal(s.hasOvertaken, true);
    assert.deepEqual(s.takeOvertaken(), [{ intents: ['add A'], opaque: false }, { intents: ['add B'], opaque: false }], 'refused edit first, then the one queued after it');
    assert.equal(s.takeOvertaken(), undefined, 'taken once');
  });

  it('drops the steps of an overtaken edit that was written after all, keeps those queued after it', () => {
    const s = new EditSync<string>();
    s.onDocument('base', 1);
    s.local('A', { intents: ['add A'], opaque: false });
    s.local('AB', { intents: ['add B'], opaque: false });
    assert.equal(s.onDocument('A + teammate', 3), true);
    s.onResult(1, true, 3);
    assert.deepEqual(s.takeOvertaken(), [{ intents: ['add B'], opaque: false }]);
  });

  it('does not keep edits dropped by the panel\'s own undo (they were asked after it)', () => {
    const s = new EditSync<string>();
    s.onDocument('base', 1);
    s.history('undo');
    s.local('A', { intents: ['add A'], opaque: false });
    assert.equal(s.onDocument('undone', 2), true);
    s.onResult(1, true, 2);
    assert.equal(s.takeOvertaken(), undefined);
  });
});
