import assert from 'node:assert/strict';
import { fixAllNoneMessage } from '../../../src/vscode/codeActions/fixAllWords';

// trial19a F4: Fix All returned in silence when nothing was fixable, with no editor, and when the
// file changed meanwhile; a user could not tell "nothing to fix" from "the command did not run".
describe('Fix All says why it changed nothing (trial19a F4)', () => {
  it('names the file and the problems left that need a hand edit', () => {
    assert.equal(fixAllNoneMessage('nothing', 'postmortems/pm-109.md', 3), 'Fix All: no auto-fixable problems in postmortems/pm-109.md; its 3 problems need an edit by hand (see Problems).');
    assert.equal(fixAllNoneMessage('nothing', 'a.md', 1), 'Fix All: no auto-fixable problems in a.md; its 1 problem needs an edit by hand (see Problems).');
    assert.equal(fixAllNoneMessage('nothing', 'a.md', 0), 'Fix All: no problems to fix in a.md.');
  });

  it('tells a change meanwhile, an unfinished run and a missing editor apart, each saying what to do', () => {
    const said = (['changed', 'unfinished', 'no-editor'] as const).map((why) => fixAllNoneMessage(why, 'a.md'));
    assert.equal(new Set(said).size, 3);
    assert.match(said[0]!, /a\.md changed while the fixes were computed.*run Fix All again/);
    assert.match(said[1]!, /did not finish.*"Post-mortem" output/);
    assert.match(said[2]!, /no active editor/);
  });
});
