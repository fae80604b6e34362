import assert from 'node:assert/strict';
import { newPostmortemSteps } from '../../../src/vscode/commands/newPostmortemSteps';

const shown = (s: { step: number; totalSteps: number } | undefined) => (s ? `${s.step}/${s.totalSteps}` : '-');

describe('New Post-mortem numbers its questions in the order they come (trial14b F8)', () => {
  it('in a window of several folders asks the folder first, as step 1 of 5', () => {
    const s = newPostmortemSteps(true);
    assert.deepEqual([s.folder, s.title, s.start, s.severity, s.type].map(shown), ['1/5', '2/5', '3/5', '4/5', '5/5']);
    assert.equal(shown(s.template), '6/6', 'a template choice adds a step after the last, never repeats one');
  });

  it('with one folder (or the active file\'s) asks no folder: title is step 1 of 4', () => {
    const s = newPostmortemSteps(false);
    assert.deepEqual([s.folder, s.title, s.start, s.severity, s.type].map(shown), ['-', '1/4', '2/4', '3/4', '4/4']);
    assert.equal(shown(s.template), '5/5');
  });
});
